import { describe, expect, it, type Party, type TestService } from '../support/e2e.ts';
import { expectProblem, type HttpAnswer } from '../support/http.ts';
import { allPages } from '../support/record-mothers.ts';
import { APPROVE, LONG_AGO, penaltyAgainst, revocationBody } from '../support/workflow-mothers.ts';

/** The entity's records, by what happened to them. */
const mine: Record<string, string> = {};
const objections: Record<string, string> = {};
const repairs: Record<string, string> = {};
let theirs: string;
let theirObjection: string;

it.beforeAll(async ({ api, agency, otherAgency, entity, otherEntity }) => {
  const published = () => api.publishedPenalty(agency, entity);
  [mine.plain, mine.objected, mine.repairing, mine.both, mine.repaired, mine.revoked, mine.byOther] =
    await Promise.all([
      published(),
      published(),
      published(),
      published(),
      published(),
      published(),
      api.publishedPenalty(otherAgency, entity),
    ]);
  [mine.unpublished, mine.simplified, theirs] = await Promise.all([
    api.register(agency, penaltyAgainst(entity.uscc), false),
    api.register(
      agency,
      penaltyAgainst(entity.uscc, LONG_AGO, { procedure: 'simplified', fineAmount: 0.02 }),
    ),
    api.publishedPenalty(agency, otherEntity),
  ]);
  // An objection and a repair application on one record at once would race for the record.
  [objections.objected, objections.both, theirObjection] = await Promise.all([
    api.objected(entity, mine.objected as string),
    api.objected(entity, mine.both as string),
    api.objected(otherEntity, theirs),
  ]);
  [repairs.repairing, repairs.both, repairs.repaired] = await Promise.all([
    api.repaired(entity, mine.repairing as string),
    api.repaired(entity, mine.both as string),
    api.repaired(entity, mine.repaired as string),
  ]);
  await Promise.all([
    api.decideRepair(agency.token, repairs.repaired as string, APPROVE),
    api.send('POST', `/v1/records/${mine.revoked}/revocations`, {
      token: agency.token,
      body: revocationBody(),
    }),
  ]);
});

const PUBLIC = ['plain', 'objected', 'repairing', 'both', 'byOther'];
const entityRecords = async (service: TestService, party: Party, limit = 100) =>
  (await allPages(service.url, '/v1/entity/records', { token: party.token, limit })).items as {
    id: string;
    [key: string]: unknown;
  }[];
const byId = <T extends { id: string }>(items: T[], id: string | undefined) => items.find((r) => r.id === id);

describe('GET /v1/entity/records', () => {
  it('lists exactly the caller’s records in public view, from every agency', async ({ service, entity }) => {
    const items = await entityRecords(service, entity);

    expect(items.map((r) => r.id).sort()).toEqual(PUBLIC.map((k) => mine[k]).sort());
  });

  it('lists the same records when read two at a time, page by page', async ({ service, entity }) => {
    const items = await entityRecords(service, entity, 2);

    expect(items.map((r) => r.id).sort()).toEqual(PUBLIC.map((k) => mine[k]).sort());
  });

  it('shows each record’s pending objection and pending repair application', async ({ service, entity }) => {
    const items = await entityRecords(service, entity);
    const [objected, repairing, both, plain] = ['objected', 'repairing', 'both', 'plain'].map((k) =>
      byId(items, mine[k]),
    );

    expect(objected).toMatchObject({
      pendingObjection: { id: objections.objected },
      objection: { status: 'pending' },
    });
    expect(objected?.pendingRepair).toBeUndefined();
    expect(repairing).toMatchObject({
      pendingRepair: { id: repairs.repairing, filedAt: expect.any(String) },
    });
    expect(repairing?.pendingObjection).toBeUndefined();
    expect(both).toMatchObject({
      pendingObjection: { id: objections.both },
      pendingRepair: { id: repairs.both },
    });
    expect(plain?.pendingObjection ?? plain?.pendingRepair).toBeUndefined();
  });

  it('never shows another entity’s records, and shows that entity only its own', async ({
    service,
    entity,
    otherEntity,
  }) => {
    const [items, others] = await Promise.all([
      entityRecords(service, entity),
      entityRecords(service, otherEntity),
    ]);

    expect(items.map((r) => r.id)).not.toContain(theirs);
    expect(others.map((r) => r.id)).toEqual([theirs]);
  });

  it('answers 401 without a token and 403 to an agency or an admin', async ({ api, agency, admin }) => {
    const [anonymous, ...others] = await Promise.all(
      [undefined, agency.token, admin].map((token) => api.send('GET', '/v1/entity/records', { token })),
    );

    expectProblem(anonymous as HttpAnswer, 401, 'unauthenticated');
    for (const answer of others) expectProblem(answer, 403, 'forbidden');
  });
});

describe('the public view of the same records', () => {
  it('shows the 异议处理中 label but neither the objection’s id nor the repair application', async ({
    api,
  }) => {
    const detail = await api.publicRecord(mine.both as string);

    expect(detail.json.objection).toEqual({ status: 'pending', filedAt: expect.any(String) });
    expect(detail.json.objection).not.toHaveProperty('id');
    for (const key of ['pendingObjection', 'pendingRepair', 'repair'])
      expect(detail.json).not.toHaveProperty(key);
  });
});

describe('GET /v1/entity/objections and /v1/entity/repairs', () => {
  it('list the caller’s own objections, never another entity’s', async ({ api, entity, otherEntity }) => {
    const [list, others] = await Promise.all([
      api.list(entity.token, '/v1/entity/objections'),
      api.list(otherEntity.token, '/v1/entity/objections'),
    ]);

    expect(list.map((o) => o.id).sort()).toEqual([objections.objected, objections.both].sort());
    expect(list.every((o) => o.entity === entity.uscc)).toBe(true);
    expect(others.map((o) => o.id)).toEqual([theirObjection]);
  });

  it('list the caller’s own repair applications, decided or not', async ({ api, entity, otherEntity }) => {
    const [list, others] = await Promise.all([
      api.list(entity.token, '/v1/entity/repairs'),
      api.list(otherEntity.token, '/v1/entity/repairs'),
    ]);

    expect(list.map((r) => r.id).sort()).toEqual([repairs.repairing, repairs.both, repairs.repaired].sort());
    expect(list.find((r) => r.id === repairs.repaired)?.status).toBe('approved');
    expect(others).toEqual([]);
  });
});
