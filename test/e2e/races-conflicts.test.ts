import { afterAll } from 'vitest';
import { describe, expect, it, type World } from '../support/e2e.ts';
import { expectProblem, type HttpAnswer } from '../support/http.ts';
import { verifyAudit } from '../support/table-state.ts';
import { penaltyAgainst, REFUSE_REPAIR, REJECT, revocationBody } from '../support/workflow-mothers.ts';

/*
 * Fifty conflicting actions at once on one record, one objection and one repair
 * application: exactly one takes effect, every other is a 409 (or the 422 the domain gives),
 * the stored object shows exactly the winner's effect, and every audit chain verifies.
 */

const N = 50;

/**
 * The one 200 among the answers; every other a 409 (or 422) problem with one of `codes`.
 * Only when the store was so slow that the winner itself was answered 503 (and its retry
 * found the work done) is there no 200: the stored state then shows the one effect.
 */
function oneWinner(answers: HttpAnswer[], codes: readonly string[], also422 = false): HttpAnswer | undefined {
  const winners = answers.filter((a) => a.status === 200);
  const losers = answers.filter((a) => a.status !== 200);
  expect(winners.length).toBe(winners.length === 0 && overloaded > 0 ? 0 : 1);
  if (winners.length === 0) process.stderr.write('races-conflicts: the winning answer was a 503\n');
  for (const lost of losers) {
    expect(also422 ? [409, 422] : [409]).toContain(lost.status);
    expectProblem(lost, lost.status, lost.json.code);
  }
  expect([...new Set(losers.map((a) => a.json.code))].filter((c) => !codes.includes(c))).toEqual([]);
  return winners[0];
}

const record = ({ api, agency }: Pick<World, 'api' | 'agency'>, id: string) =>
  api.send('GET', `/v1/records/${id}`, { token: agency.token });
const auditIsClean = async ({ service, admin }: Pick<World, 'service' | 'admin'>) =>
  expect((await verifyAudit(service.url, admin)).problems).toEqual([]);
/**
 * Sends every request at once; a 503 (the store was too slow: the service says "busy, retry
 * after") is retried as a well-behaved client would, so every answer is a final one.
 */
async function settled(requests: (() => Promise<HttpAnswer>)[]): Promise<HttpAnswer[]> {
  return Promise.all(
    requests.map(async (send) => {
      for (let attempt = 1; ; attempt++) {
        const answer = await send();
        if (answer.status !== 503 || attempt === 5) return answer;
        overloaded++;
        expect(answer.headers.get('retry-after')).toMatch(/^\d+$/);
        await new Promise((r) => setTimeout(r, 1000 * Number(answer.headers.get('retry-after'))));
      }
    }),
  );
}

/** 503s seen (and retried) across this file, reported rather than hidden. */
let overloaded = 0;
afterAll(() => {
  if (overloaded > 0) process.stderr.write(`races-conflicts: ${overloaded} answers were 503 and retried\n`);
});

const at = (n: number) => Array.from({ length: N }, (_, i) => i).map((i) => n + i);

describe(`${N} conflicting actions on one record`, () => {
  it('publishes once: one 200, the rest 409', async ({ service, api, agency, entity, admin }) => {
    const id = await api.register(agency, penaltyAgainst(entity.uscc), false);

    const answers = await settled(
      at(0).map(() => () => api.send('POST', `/v1/records/${id}/publish`, { token: agency.token })),
    );

    const winner = oneWinner(answers, ['record_changed', 'already_published']);
    const stored = await record({ api, agency }, id);
    expect(stored.json).toMatchObject({
      status: 'published',
      version: 1,
      publication: winner?.json.publication ?? expect.objectContaining({ by: 'agency' }),
    });
    await auditIsClean({ service, admin });
  });

  it('loses no correction among fifty, each to another field value: every 200 is one version', async ({
    service,
    api,
    agency,
    entity,
    admin,
  }) => {
    const id = await api.register(agency, penaltyAgainst(entity.uscc), false);
    const bodies = at(0).map((n) => ({
      reason: `更正${n}`,
      changes: n % 2 === 0 ? { remarks: `备注${n}` } : { penalty: { fineAmount: n + 100 } },
    }));

    const answers = await settled(
      bodies.map(
        (body) => () => api.send('POST', `/v1/records/${id}/corrections`, { token: agency.token, body }),
      ),
    );

    // A correction that reads the record after another was stored is a new version, not a
    // conflict: without If-Match nothing says it meant the older one. Those that read the
    // same revision as a winner must lose with 409, so no 200 is ever lost.
    const winners = answers.filter((a) => a.status === 200);
    for (const lost of answers.filter((a) => a.status !== 200)) expectProblem(lost, 409, 'record_changed');
    const stored = await record({ api, agency }, id);
    expect(stored.json.version).toBe(1 + winners.length);
    expect(stored.json.history.map((h: { reason: string }) => h.reason).sort()).toEqual(
      winners.map((w) => w.json.history.at(-1).reason).sort(),
    );
    expect(winners.map((w) => w.json.version).sort((a, b) => a - b)).toEqual(at(2).slice(0, winners.length));
    const last = winners.find((w) => w.json.version === stored.json.version);
    expect(stored.json.record).toEqual(last?.json.record);
    await auditIsClean({ service, admin });
  });

  it('revokes once: one 200, the rest 409, and the public reads the winner’s revocation notice', async ({
    service,
    api,
    agency,
    entity,
    admin,
  }) => {
    const id = await api.publishedPenalty(agency, entity);

    const answers = await settled(
      at(0).map(
        (n) => () =>
          api.send('POST', `/v1/records/${id}/revocations`, {
            token: agency.token,
            body: revocationBody({ reason: `撤销${n}` }),
          }),
      ),
    );

    const winner = oneWinner(answers, ['record_changed', 'record_revoked']);
    const stored = await record({ api, agency }, id);
    expect(stored.json).toMatchObject({
      status: 'revoked',
      revocation: winner?.json.revocation ?? expect.objectContaining({ reason: expect.any(String) }),
    });
    const notice = await api.publicRecord(id);
    expect(notice.json).toMatchObject({
      status: 'revoked',
      revocation: { reason: stored.json.revocation.reason },
    });
    await auditIsClean({ service, admin });
  });
});

describe(`${N} decisions at once`, () => {
  it('decides an objection once; the record shows exactly the winning decision', async ({
    service,
    api,
    agency,
    entity,
    admin,
  }) => {
    const recordId = await api.publishedPenalty(agency, entity);
    const objectionId = await api.objected(entity, recordId);
    const bodies = at(0).map((n) =>
      n % 3 === 0
        ? { ...REJECT, reason: `驳回${n}` }
        : n % 3 === 1
          ? { outcome: 'upheld', reason: `更正${n}`, correction: { penalty: { fineAmount: n + 10 } } }
          : { outcome: 'upheld', reason: `撤销${n}`, revoke: true },
    );

    const answers = await settled(
      bodies.map((body) => () => api.decideObjection(agency.token, objectionId, body)),
    );

    const winner = oneWinner(answers, ['objection_already_decided', 'objection_changed', 'record_changed']);
    const [seen, stored] = await Promise.all([
      api.objection(agency.token, objectionId),
      record({ api, agency }, recordId),
    ]);
    const decision = seen.json.decision;
    const won = bodies.find((b) => b.reason === decision.reason) as Record<string, unknown>;
    expect(seen.json.status).toBe('decided');
    if (winner) expect(winner.json.decision).toEqual(decision);
    expect(stored.json.objection).toBeUndefined();
    const effect = won.revoke ? 'revoked' : won.correction ? 'corrected' : 'none';
    expect(decision.effect).toBe(effect);
    expect(stored.json.status).toBe(effect === 'revoked' ? 'revoked' : 'published');
    expect(stored.json.version).toBe(effect === 'corrected' ? 2 : 1);
    const correction = won.correction as { penalty: { fineAmount: number } } | undefined;
    expect(stored.json.record.penalty.fineAmount).toBe(correction?.penalty.fineAmount ?? 5);
    await auditIsClean({ service, admin });
  });

  it('decides a repair application once; the record and the document match the winner', async ({
    service,
    api,
    agency,
    entity,
    admin,
  }) => {
    const recordId = await api.publishedPenalty(agency, entity);
    const repairId = await api.repaired(entity, recordId);
    const bodies = at(0).map((n) =>
      n % 2 === 0
        ? { outcome: 'approved', reason: `批准${n}` }
        : { ...REFUSE_REPAIR, reason: `不予修复${n}` },
    );

    const answers = await settled(bodies.map((body) => () => api.decideRepair(agency.token, repairId, body)));

    const winner = oneWinner(
      answers,
      ['repair_already_decided', 'repair_changed', 'record_changed', 'record_not_public'],
      true,
    );
    const [seen, stored, document] = await Promise.all([
      api.repair(entity.token, repairId),
      record({ api, agency }, recordId),
      api.send('GET', `/v1/repairs/${repairId}/decision-document`, { token: entity.token }),
    ]);
    const approved = seen.json.status === 'approved';
    expect(seen.json.decision.reason).toMatch(approved ? /^批准/ : /^不予修复/);
    if (winner) expect(winner.json).toMatchObject({ status: seen.json.status, decision: seen.json.decision });
    expect(stored.json.repair).toBeUndefined();
    expect(stored.json.publicationEnd?.reason).toBe(approved ? 'repaired' : undefined);
    expect(document.status).toBe(approved ? 200 : 404);
    if (approved) expect(document.json.reason).toBe(seen.json.decision.reason);
    await auditIsClean({ service, admin });
  });
});
