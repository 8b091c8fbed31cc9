import { localKeys } from '../../local/jwt-keys.ts';
import { describe, expect, it } from '../support/e2e.ts';
import { expectProblem, refusalOf } from '../support/http.ts';
import { anIdNumber, withWrongCheck } from '../support/record-mothers.ts';
import {
  APPROVE,
  aPersonId,
  objectionBody,
  penaltyAgainstPerson,
  REJECT,
  repairBody,
} from '../support/workflow-mothers.ts';

/*
 * A natural person's rights over their own records (山东省社会信用条例 第20、21、37、39、41条):
 * never public, yet seen by the person with a token bound to their ID number, objected to and
 * repaired like an entity's; decided by the agency as an entity's are; and to anyone else
 * exactly as absent as a record that does not exist.
 */

const MISSING_RECORD = 'rec_0123456789abcdefghjkmnpqrs';
const MISSING_OBJECTION = 'obj_0123456789abcdefghjkmnpqrs';
const NAME = '王建华';

/** The person's records by what happens to them, and an entity's record beside them. */
const ids: Record<'objected' | 'repaired' | 'unpublished' | 'company', string> = {
  objected: '',
  repaired: '',
  unpublished: '',
  company: '',
};

it.beforeAll(async ({ api, agency, entity, person }) => {
  [ids.objected, ids.repaired, ids.unpublished, ids.company] = await Promise.all([
    api.register(agency, penaltyAgainstPerson(person.idNumber, 120, NAME)),
    api.register(agency, penaltyAgainstPerson(person.idNumber, 120, NAME)),
    api.register(agency, penaltyAgainstPerson(person.idNumber, 120, NAME), false),
    api.publishedPenalty(agency, entity),
  ]);
});

describe('a natural person with a token bound to their ID number', () => {
  it('lists their own published records, not the one the agency has not yet published', async ({
    api,
    person,
  }) => {
    const mine = await api.list(person.token, '/v1/person/records');

    expect(mine.map((r) => r.id).sort()).toEqual([ids.objected, ids.repaired].sort());
    expect(mine.map((r) => [r.state, r.subject.name, r.subject.category])).toEqual([
      ['published', NAME, 'natural_person'],
      ['published', NAME, 'natural_person'],
    ]);
  });

  it('objects to their record, the agency decides as for an entity, and the person reads the outcome', async ({
    api,
    agency,
    person,
  }) => {
    const filed = await api.object(person, objectionBody(ids.objected));
    expect(filed.status).toBe(201);
    expect([filed.json.filer, filed.json.entity, filed.json.status]).toEqual([
      'person',
      undefined,
      'pending',
    ]);

    const worklist = await api.list(agency.token, '/v1/agency/objections');
    expect(worklist.map((o) => o.id)).toContain(filed.json.id);
    const decided = await api.decideObjection(agency.token, filed.json.id, REJECT);
    expect(decided.status).toBe(200);

    const read = await api.objection(person.token, filed.json.id);
    expect([read.status, read.json.status, read.json.decision.outcome]).toEqual([200, 'decided', 'rejected']);
    const listed = await api.list(person.token, '/v1/person/objections');
    expect(listed.map((o) => [o.id, o.status])).toEqual([[filed.json.id, 'decided']]);
  });

  it("applies for repair, and approval ends the record's publication as for an entity", async ({
    api,
    agency,
    person,
  }) => {
    const filed = await api.fileRepair(person, repairBody(ids.repaired));
    expect([filed.status, filed.json.filer]).toEqual([201, 'person']);

    const decided = await api.decideRepair(agency.token, filed.json.id, APPROVE);

    expect([decided.status, decided.json.status]).toEqual([200, 'approved']);
    const listed = await api.list(person.token, '/v1/person/repairs');
    expect(listed.map((r) => [r.id, r.status])).toEqual([[filed.json.id, 'approved']]);
    const records = await api.list(person.token, '/v1/person/records');
    expect(records.find((r) => r.id === ids.repaired)).toMatchObject({
      state: 'ended',
      publicationEnd: { reason: 'repaired' },
    });
  });

  it('never finds their ID number in any answer they are given', async ({ api, service, person }) => {
    const answers = await Promise.all(
      ['/v1/person/records', '/v1/person/objections', '/v1/person/repairs'].map((path) =>
        api.send('GET', path, { token: person.token }),
      ),
    );

    for (const answer of answers) expect(answer.text).not.toContain(person.idNumber);
    const events = await api.send('GET', '/v1/admin/events', { token: await service.token('--role admin') });
    expect(events.text).not.toContain(person.idNumber);
  });
});

describe('the public', () => {
  it("never finds a natural person's record by the name, and its public address answers 404", async ({
    api,
  }) => {
    const found = await api.publicIds({ name: NAME });

    expect(found).not.toContain(ids.objected);
    expect(found).not.toContain(ids.repaired);
    expectProblem(await api.publicRecord(ids.objected), 404, 'disclosure_not_found');
  });
});

describe('anyone else', () => {
  it("gets, from another person's token, exactly the answer of a record that does not exist", async ({
    api,
    otherPerson,
  }) => {
    const [theirs, missing, list] = await Promise.all([
      api.object(otherPerson, objectionBody(ids.objected, { statement: '不是本人的记录。' })),
      api.object(otherPerson, objectionBody(MISSING_RECORD, { statement: '不是本人的记录。' })),
      api.list(otherPerson.token, '/v1/person/records'),
    ]);

    expectProblem(theirs, 403, 'record_not_accessible', undefined);
    expect(refusalOf(theirs)).toEqual(refusalOf(missing));
    expect(list).toEqual([]);
  });

  it("cannot read the person's objection, as entity or as another person, any more than a missing one", async ({
    api,
    person,
    otherPerson,
    entity,
  }) => {
    const [objection] = await api.list(person.token, '/v1/person/objections');

    for (const token of [otherPerson.token, entity.token]) {
      const [theirs, missing] = await Promise.all([
        api.objection(token, objection.id),
        api.objection(token, MISSING_OBJECTION),
      ]);
      expect(refusalOf(theirs)).toEqual(refusalOf(missing));
      expect(theirs.status).toBe(403);
    }
  });

  it("gets, as a person, the answer of a missing record for an entity's record, and repairs nothing", async ({
    api,
    person,
  }) => {
    const [theirs, missing] = await Promise.all([
      api.fileRepair(person, repairBody(ids.company)),
      api.fileRepair(person, repairBody(MISSING_RECORD)),
    ]);

    expect(refusalOf(theirs)).toEqual(refusalOf(missing));
    expect(theirs.status).toBe(403);
  });
});

describe('a token that claims to be a person', () => {
  it.for([
    ['no ID number', {}],
    ['an ID number with a wrong check digit', { idNumber: withWrongCheck(aPersonId(), '0123456789X') }],
    ['an impossible birth date', { idNumber: anIdNumber('19800231') }],
    ['a USCC instead of an ID number', { idNumber: '91350100M000100Y43' }],
  ] as const)(
    'is refused with %s, as an entity token without a valid USCC is',
    async ([, claim], { api, service }) => {
      const keys = await localKeys(service.dataDir);
      const token = await keys.sign({ role: 'person', sub: 'person:x', ...claim }, 600);

      expectProblem(await api.send('GET', '/v1/person/records', { token }), 401, 'invalid_token_claims');
    },
  );
});
