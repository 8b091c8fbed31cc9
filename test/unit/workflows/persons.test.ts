import { describe, expect, it } from 'vitest';
import { fileObjection } from '../../../shared/domain/objections/objection.ts';
import { publicationExpiry } from '../../../shared/domain/records/deadlines.ts';
import {
  makePersonRecordUseCases,
  personRecordState,
  personView,
} from '../../../shared/domain/records/person-use-cases.ts';
import type { DisclosureRecord } from '../../../shared/domain/records/record.ts';
import { fileRepair } from '../../../shared/domain/repairs/repair.ts';
import { isInForceFor } from '../../../shared/domain/workflows/filing.ts';
import {
  type Filer,
  filerOf,
  isAbout,
  personRef,
  visibleTo,
} from '../../../shared/domain/workflows/party.ts';
import { objectionFiling, publishedPenalty, registered, repairFiling } from '../../support/domain-mothers.ts';
import { AGENCY_ACTOR, domainWorld } from '../../support/domain-world.ts';
import { AGENCY, COMPANY, penaltyInput } from '../../support/record-builders.ts';
import { anIdNumber } from '../../support/record-mothers.ts';

/*
 * A natural person's rights over their own records (山东省社会信用条例 第20条: never public;
 * 第21条 and 第37条: they see their own; 第39条: they object; 第41条: they apply for repair), and
 * the party rules that keep a person and an entity from ever standing for each other.
 */

const ID = anIdNumber('19850612', '031');
const OTHER_ID = anIdNumber('19900101', '022');
const PERSON: Filer = { role: 'person', idNumber: ID };
const AT = new Date('2026-12-04T10:00:00+08:00');
const DEADLINE = { due: '2026-12-09', dueAt: '2026-12-09T16:00:00.000Z', provisional: false };

const personPenalty = (idNumber = ID, decisionDate = '2026-06-01') =>
  penaltyInput({
    decisionDate,
    subject: { category: 'natural_person', name: '王建华', idType: 'resident_id', idNumber },
  });

async function personRecord(publish = true, idNumber = ID): Promise<DisclosureRecord> {
  return registered(domainWorld(), personPenalty(idNumber), publish);
}

describe('whose record it is (第21条: their own, and only their own)', () => {
  it("is a person's when the subject is a natural person with their resident ID number, whatever the case of its X", async () => {
    const withX = Array.from({ length: 100 }, (_, n) =>
      anIdNumber('19851231', String(n).padStart(3, '0')),
    ).find((id) => id.endsWith('X')) as string;
    const record = await personRecord(true, withX.toLowerCase());

    expect(isAbout(record, { role: 'person', idNumber: withX })).toBe(true);
    expect(isAbout(await personRecord(), PERSON)).toBe(true);
  });

  it("is not a person's when it is about another person", async () => {
    expect(isAbout(await personRecord(true, OTHER_ID), PERSON)).toBe(false);
  });

  it("is never an entity's when it is about a person, nor a person's when it is about an entity", async () => {
    const world = domainWorld();
    const company = await registered(world, penaltyInput(), true);

    expect(isAbout(await personRecord(), { role: 'entity', uscc: COMPANY })).toBe(false);
    expect(isAbout(company, PERSON)).toBe(false);
  });
});

describe('filings of persons and of entities stay apart', () => {
  it("reads an entity filing stored before persons could file as the entity's", () => {
    expect(filerOf({ entity: COMPANY })).toEqual({ role: 'entity', uscc: COMPANY });
    expect(filerOf({ person: ID })).toEqual(PERSON);
  });

  it("shows a person's filing to that person and its agency only, never to an entity", () => {
    const filing = { person: ID, agency: 'A' };

    expect(visibleTo('objection', PERSON, filing)).toBe(filing);
    expect(visibleTo('objection', { role: 'agency', agency: 'A' }, filing)).toBe(filing);
    expect(() => visibleTo('objection', { role: 'person', idNumber: OTHER_ID }, filing)).toThrow(
      expect.objectContaining({ code: 'objection_not_accessible' }),
    );
    expect(() => visibleTo('objection', { role: 'entity', uscc: COMPANY }, filing)).toThrow(
      expect.objectContaining({ code: 'objection_not_accessible' }),
    );
  });

  it('names a person in keys by a hash that does not contain the number', () => {
    const ref = personRef(ID);

    expect(ref).toMatch(/^person:[0-9a-f]{64}$/);
    expect(ref).not.toContain(ID);
    expect(personRef(ID.toLowerCase())).toBe(ref);
  });
});

describe("a person's record is in force once published, though never public (第20条, 第39条, 第41条)", () => {
  it('takes an objection from its person while published', async () => {
    const record = await personRecord();

    const objection = fileObjection(
      record,
      { ...objectionFiling(record.id), id: 'obj_1', filer: PERSON },
      DEADLINE,
      AT,
    );

    expect([objection.person, objection.entity]).toEqual([ID, undefined]);
    expect(isInForceFor(record, PERSON, new Date('2026-12-04T10:00:00+08:00'))).toBe(true);
  });

  it('takes no objection before it is published', async () => {
    const record = await personRecord(false);

    expect(() =>
      fileObjection(record, { ...objectionFiling(record.id), id: 'obj_1', filer: PERSON }, DEADLINE, AT),
    ).toThrow(expect.objectContaining({ code: 'record_not_public' }));
  });

  it('takes a repair application from its person past the minimum period', async () => {
    const record = await personRecord();

    const repair = fileRepair(
      record,
      { ...repairFiling(record.id, '2026-12-01'), id: 'rep_1', filer: PERSON },
      DEADLINE,
      AT,
    );

    expect([repair.person, repair.status]).toEqual([ID, 'pending']);
  });

  it('is no longer in force once its publication ended', async () => {
    const record = await personRecord();
    const ended = { ...record, publicationEnd: { at: AT.toISOString(), reason: 'repaired' as const } };

    expect(isInForceFor(ended, PERSON, new Date('2026-12-04T10:00:00+08:00'))).toBe(false);
  });
});

describe('a period that ran out ends what can be filed at once, not at the next daily sweep (第38条)', () => {
  /** The first instant after a record's maximum period, and the last one inside it. */
  function around(record: DisclosureRecord): { inside: Date; after: Date } {
    const expiry = publicationExpiry(record);
    if (!expiry) throw new Error('a published penalty has an expiry');
    return { inside: new Date(Date.parse(expiry) - 1), after: new Date(expiry) };
  }

  it("refuses a person's and an entity's filing once the maximum is over, before any sweep ended it", async () => {
    const person = await personRecord();
    const entity = await publishedPenalty(domainWorld());

    expect(person.publicationEnd).toBeUndefined();
    expect(isInForceFor(person, PERSON, around(person).inside)).toBe(true);
    expect(isInForceFor(person, PERSON, around(person).after)).toBe(false);
    expect(isInForceFor(entity, { role: 'entity', uscc: COMPANY }, around(entity).inside)).toBe(true);
    expect(isInForceFor(entity, { role: 'entity', uscc: COMPANY }, around(entity).after)).toBe(false);
  });
});

describe('what a person sees of their records (第21条, 第37条)', () => {
  it('sees published, ended and revoked records, not one the agency has not yet published', async () => {
    const published = await personRecord();
    const unpublished = await personRecord(false);

    const now = new Date('2026-12-04T10:00:00+08:00');

    expect(personRecordState(published, now)).toBe('published');
    expect(personRecordState({ ...published, publicationEnd: { at: 'x', reason: 'expired' } }, now)).toBe(
      'ended',
    );
    expect(personRecordState({ ...published, status: 'revoked' }, now)).toBe('revoked');
    expect(personRecordState(unpublished, now)).toBeUndefined();
    // Its period ran out (decided 2026-06-01, general: until 2027-06-01), not yet swept: ended.
    expect(personRecordState(published, new Date('2027-06-02T00:00:00+08:00'))).toBe('ended');
  });

  it('tells them by which decision a revoked record was withdrawn (条例 第37条: 变动理由)', async () => {
    const world = domainWorld();
    const record = await registered(world, personPenalty(), true);
    const decision = { decisionDate: '2026-12-03', documentNumber: '济阳复决〔2026〕7号' };

    const revoked = await world.recordUseCases.revoke(
      AGENCY,
      record.id,
      '经复议撤销',
      AGENCY_ACTOR,
      decision,
    );

    expect(personView(revoked, 'revoked').revocation).toEqual({
      at: revoked.revocation?.at,
      reason: '经复议撤销',
      ...decision,
    });
  });

  it('lists only their own records, with their name and without their ID number, from a stale index too', async () => {
    const mine = await personRecord();
    const theirs = await personRecord(true, OTHER_ID);
    const index = { recordsOf: async () => ({ items: [mine, theirs] }) };

    const page = await makePersonRecordUseCases({
      index,
      clock: () => new Date('2026-12-04T10:00:00+08:00'),
    }).forPerson(ID, { limit: 10 });

    expect(page.items.map((r) => [r.id, r.state, r.subject.name])).toEqual([
      [mine.id, 'published', '王建华'],
    ]);
    expect(JSON.stringify(page)).not.toContain(ID);
  });
});
