import { describe, expect, it, type World } from '../support/e2e.ts';
import { expectProblem, type HttpAnswer } from '../support/http.ts';
import { objectionBody, REJECT, UPHOLD_WITH_REVOKE } from '../support/workflow-mothers.ts';

/** A published penalty about the entity with an objection pending: both ids. */
async function pendingObjection({ api, agency, entity }: Pick<World, 'api' | 'agency' | 'entity'>) {
  const recordId = await api.publishedPenalty(agency, entity);
  return { recordId, objectionId: await api.objected(entity, recordId) };
}

/** Exactly one answer 200; every other a 409 problem. The winner is returned. */
function oneWinner(answers: HttpAnswer[]): HttpAnswer {
  const winners = answers.filter((a) => a.status === 200);
  expect(answers.map((a) => a.status).sort()).toEqual([200, ...Array(answers.length - 1).fill(409)]);
  for (const lost of answers.filter((a) => a.status !== 200)) expectProblem(lost, 409, lost.json.code);
  return winners[0] as HttpAnswer;
}

const agencyView = ({ api, agency }: Pick<World, 'api' | 'agency'>, recordId: string) =>
  api.send('GET', `/v1/records/${recordId}`, { token: agency.token });

describe('concurrent decisions on one objection', () => {
  it('lets exactly one of two (revoke against reject) win; the record matches the winning decision', async ({
    api,
    agency,
    entity,
  }) => {
    const { recordId, objectionId } = await pendingObjection({ api, agency, entity });

    const answers = await Promise.all(
      [UPHOLD_WITH_REVOKE, REJECT].map((body) => api.decideObjection(agency.token, objectionId, body)),
    );

    const winner = oneWinner(answers);
    const [seen, record, detail] = await Promise.all([
      api.objection(agency.token, objectionId),
      agencyView({ api, agency }, recordId),
      api.publicRecord(recordId),
    ]);
    expect(seen.json.decision).toEqual(winner.json.decision);
    const revoked = winner.json.decision.effect === 'revoked';
    expect(record.json.status).toBe(revoked ? 'revoked' : 'published');
    expect(detail.status).toBe(revoked ? 404 : 200);
    expect(record.json.objection).toBeUndefined();
  });

  it('lets exactly one of ten mixed decisions win, with one version and one audit-visible outcome', async ({
    api,
    agency,
    entity,
  }) => {
    const { recordId, objectionId } = await pendingObjection({ api, agency, entity });
    const bodies = Array.from({ length: 10 }, (_, n) =>
      n % 2 === 0
        ? { outcome: 'upheld', reason: `更正${n}`, correction: { penalty: { fineAmount: n + 10 } } }
        : { ...REJECT, reason: `驳回${n}` },
    );

    const answers = await Promise.all(
      bodies.map((body) => api.decideObjection(agency.token, objectionId, body)),
    );

    const winner = oneWinner(answers);
    const [seen, record] = await Promise.all([
      api.objection(agency.token, objectionId),
      agencyView({ api, agency }, recordId),
    ]);
    expect(seen.json).toMatchObject({ status: 'decided', decision: winner.json.decision });
    const won = bodies.find((b) => b.reason === winner.json.decision.reason);
    const correction = won && 'correction' in won ? won.correction : undefined;
    expect(record.json.version).toBe(correction ? 2 : 1);
    expect(record.json.history).toHaveLength(correction ? 1 : 0);
    expect(record.json.record.penalty.fineAmount).toBe(correction?.penalty.fineAmount ?? 5);
  });

  it('lets an acceptance and a decision at once leave the objection in one consistent state', async ({
    api,
    agency,
    entity,
  }) => {
    const { objectionId } = await pendingObjection({ api, agency, entity });

    const [accepted, decided] = await Promise.all([
      api.accept(agency, objectionId, true),
      api.decideObjection(agency.token, objectionId, REJECT),
    ]);
    const seen = await api.objection(agency.token, objectionId);

    expect([accepted.status, decided.status]).toContain(200);
    expect([accepted.status, decided.status].every((s) => s === 200 || s === 409)).toBe(true);
    expect(seen.json.status).toBe(decided.status === 200 ? 'decided' : 'pending');
    expect(seen.json.needsOtherUnit).toBe(accepted.status === 200);
  });
});

describe('concurrent filings', () => {
  it('files exactly one objection when the entity sends five at once; the others are refused', async ({
    api,
    agency,
    entity,
  }) => {
    const recordId = await api.publishedPenalty(agency, entity);

    const answers = await Promise.all(
      Array.from({ length: 5 }, () => api.object(entity, objectionBody(recordId))),
    );
    const mine = await api.list(entity.token, '/v1/entity/objections');
    const detail = await api.publicRecord(recordId);

    expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
    for (const lost of answers.filter((a) => a.status !== 201)) expectProblem(lost, 409, lost.json.code);
    const filed = mine.filter((o) => o.recordId === recordId);
    expect(filed).toHaveLength(1);
    expect(detail.json.objection).toEqual({ status: 'pending', filedAt: filed[0].filedAt });
  });
});
