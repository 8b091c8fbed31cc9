import { afterAll } from 'vitest';
import { type FakeUpstream, startFakeUpstream } from '../../local/fake-upstream.ts';
import { describe, it as e2e, expect } from '../support/e2e.ts';
import { call } from '../support/http.ts';
import {
  type Party,
  penaltyAgainst,
  revocationBody,
  type WorkflowClient,
} from '../support/workflow-mothers.ts';

/*
 * Records reach the city's credit platform: a fake platform of this file's own, which
 * validates messages against the exchange format and can be told to fail (503, late answers,
 * refusals, random faults). The `upstream` sweep is run by the test, with the clock it needs.
 */

const fake: FakeUpstream = await startFakeUpstream();
// A late answer counts as no answer after half a second (the default is 10 s).
afterAll(() => fake.stop());
const it = e2e.override('serviceOptions', { upstream: { url: fake.url, token: fake.token, timeoutMs: 500 } });

const AGENCY_NAME = '济南市济阳区市场监督管理局';
const MINUTE = 60_000;

/** The agency in the directory, once: messages name it (CF_CFJG). */
async function named({ api, agency, admin }: { api: WorkflowClient; agency: Party; admin: string }) {
  const listed = (await api.send('GET', '/v1/agencies')).json.items as { uscc: string }[];
  if (listed.some((a) => a.uscc === agency.uscc)) return;
  const put = await api.send('PUT', `/v1/agencies/${agency.uscc}`, {
    token: admin,
    body: { name: AGENCY_NAME },
  });
  expect([200, 201]).toContain(put.status);
}

const messagesOf = (recordId: string) => fake.accepted().filter((m) => m.message.recordId === recordId);

describe("pushing to the city's credit platform", () => {
  it.beforeAll(async ({ api, agency, admin }) => {
    const put = await api.send('PUT', `/v1/agencies/${agency.uscc}`, {
      token: admin,
      body: { name: AGENCY_NAME },
    });
    expect(put.status).toBe(201);
  });

  const publish = (api: WorkflowClient, agency: Party, uscc: string) =>
    api.register(agency, penaltyAgainst(uscc));
  const pushOf = (url: string, token: string, id: string) =>
    call(url, 'GET', `/v1/records/${id}/upstream`, { token });

  let publishedId = '';

  it('a publication reaches the platform as one CF_* message; the agency reads accepted with the receipt', async ({
    service,
    api,
    agency,
    entity,
  }) => {
    publishedId = await publish(api, agency, entity.uscc);
    expect((await pushOf(service.url, agency.token, publishedId)).json).toMatchObject({ state: 'pending' });

    const report = await service.sweeps('upstream');

    expect(report.actions).toEqual({ 'upstream-accepted': 1 });
    const [sent, ...more] = messagesOf(publishedId);
    expect(more).toEqual([]);
    const record = (await api.send('GET', `/v1/records/${publishedId}`, { token: agency.token })).json;
    expect(sent?.message).toMatchObject({ operation: 'upsert', format: 'CF', public: true });
    expect(sent?.message.fields).toMatchObject({
      CF_WSH: record.record.documentNumber,
      CF_XDR_SHXYM: entity.uscc,
      CF_JDRQ: record.record.decisionDate,
      CF_CFJG: AGENCY_NAME,
      CF_CFJGDM: agency.uscc,
    });
    const push = (await pushOf(service.url, agency.token, publishedId)).json;
    expect(push).toMatchObject({ state: 'accepted', stateLabel: '已报送', receipt: sent?.receipt });
    // Another agency cannot read it; a second sweep sends nothing again.
    expect((await service.sweeps('upstream')).actions).toEqual({});
  });

  it('after 503 three times the record stays pending, then is accepted, with exactly one message taken', async ({
    service,
    api,
    agency,
    entity,
  }) => {
    fake.queueFaults([{ status: 503 }, { status: 503 }, { status: 503 }]);
    const id = await publish(api, agency, entity.uscc);
    const received = fake.received();
    let at = Date.now();
    for (let fault = 1; fault <= 3; fault++) {
      expect((await service.sweeps('upstream', { clock: () => new Date(at) })).actions).toEqual({
        'upstream-retry-later': 1,
      });
      const push = (await pushOf(service.url, agency.token, id)).json;
      expect(push).toMatchObject({ state: 'pending', attempts: fault });
      expect(push.reason).toContain('503');
      // Nothing is tried before its backoff (1, 2, 4 minutes) is up.
      expect((await service.sweeps('upstream', { clock: () => new Date(at + 30_000) })).actions).toEqual({});
      at += 2 ** (fault - 1) * MINUTE;
    }
    expect((await service.sweeps('upstream', { clock: () => new Date(at) })).actions).toEqual({
      'upstream-accepted': 1,
    });
    expect(fake.received() - received).toBe(4);
    expect(messagesOf(id)).toHaveLength(1);
    expect((await pushOf(service.url, agency.token, id)).json).toMatchObject({
      state: 'accepted',
      attempts: 3,
    });
  });

  it('a platform that takes the message but answers too late is not sent it twice', async ({
    service,
    api,
    agency,
    entity,
  }) => {
    fake.queueFaults([{ delayMs: 1500 }]);
    const id = await publish(api, agency, entity.uscc);
    expect((await service.sweeps('upstream')).actions).toEqual({ 'upstream-retry-later': 1 });
    expect(messagesOf(id)).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, 1200));
    expect(
      (await service.sweeps('upstream', { clock: () => new Date(Date.now() + MINUTE) })).actions,
    ).toEqual({
      'upstream-accepted': 1,
    });
    const [taken, ...again] = messagesOf(id);
    expect(again).toEqual([]);
    expect((await pushOf(service.url, agency.token, id)).json).toMatchObject({ receipt: taken?.receipt });
  });

  it('a revocation sends a deletion message, and the platform no longer holds the record', async ({
    service,
    api,
    agency,
  }) => {
    const revoked = await api.send('POST', `/v1/records/${publishedId}/revocations`, {
      token: agency.token,
      body: revocationBody(),
    });
    expect(revoked.status).toBe(200);

    expect((await service.sweeps('upstream')).actions).toEqual({ 'upstream-accepted': 1 });

    const [, deletion, ...more] = messagesOf(publishedId);
    expect(more).toEqual([]);
    expect(deletion?.message).toMatchObject({ operation: 'delete', format: 'CF', reason: '决定已撤销' });
    expect(deletion?.message.fields.CF_WSH).toBe(messagesOf(publishedId)[0]?.message.fields.CF_WSH);
    expect(fake.holdings().has(publishedId)).toBe(false);
    expect((await pushOf(service.url, agency.token, publishedId)).json).toMatchObject({
      state: 'accepted',
      operation: 'delete',
    });
  });

  it("a record the platform refuses is failed with the platform's reason on the agency's worklist, and sent again once corrected", async ({
    service,
    api,
    agency,
    entity,
  }) => {
    fake.queueFaults([{ refuse: 'CF_WFXW：违法行为类型不在标准代码表中', field: 'CF_WFXW' }]);
    const id = await publish(api, agency, entity.uscc);
    expect((await service.sweeps('upstream')).actions).toEqual({ 'upstream-refused': 1 });

    expect((await pushOf(service.url, agency.token, id)).json).toMatchObject({
      state: 'failed',
      stateLabel: '报送被退回',
      reason: 'CF_WFXW：违法行为类型不在标准代码表中',
      field: 'CF_WFXW',
    });
    const worklist = (await call(service.url, 'GET', '/v1/agency/worklist', { token: agency.token })).json;
    expect(worklist.upstreamRefused.items).toContainEqual(
      expect.objectContaining({
        recordId: id,
        reason: 'CF_WFXW：违法行为类型不在标准代码表中',
        field: 'CF_WFXW',
      }),
    );
    const failed = await call(service.url, 'GET', '/v1/agency/upstream?state=failed', {
      token: agency.token,
    });
    expect(failed.json.items.map((p: { recordId: string }) => p.recordId)).toContain(id);
    // A refused record is not tried again as it is…
    expect(
      (await service.sweeps('upstream', { clock: () => new Date(Date.now() + 3600_000) })).actions,
    ).toEqual({});
    // …but once its agency corrects it.
    const corrected = await api.send('POST', `/v1/records/${id}/corrections`, {
      token: agency.token,
      body: {
        reason: '违法行为类型按标准填写',
        changes: { penalty: { violationType: '未按规定公示年度报告' } },
      },
    });
    expect(corrected.status).toBe(200);
    expect((await service.sweeps('upstream')).actions).toEqual({ 'upstream-accepted': 1 });
    const after = (await call(service.url, 'GET', '/v1/agency/worklist', { token: agency.token })).json;
    expect(after.upstreamRefused.items.map((i: { recordId: string }) => i.recordId)).not.toContain(id);
  });

  it('the platform validates against the field table: a record of an agency it cannot name is refused', async ({
    service,
    api,
    otherAgency,
    entity,
    parties,
  }) => {
    const id = await publish(api, otherAgency, entity.uscc);
    expect((await service.sweeps('upstream')).actions).toEqual({ 'upstream-refused': 1 });
    expect((await pushOf(service.url, otherAgency.token, id)).json).toMatchObject({
      state: 'failed',
      field: 'CF_CFJG',
      reason: 'CF_CFJG：处罚机关必填',
    });
    // Another agency reads nothing of it.
    expect((await pushOf(service.url, (await parties.agency()).token, id)).status).toBe(403);
  });
});

describe('the nightly reconciliation', () => {
  it.beforeAll(named);

  it('finds 0 differences after 200 records pushed through random faults, and reports one made on the platform', async ({
    service,
    api,
    agency,
    entity,
    admin,
  }) => {
    fake.randomFaults(0.35, 7);
    // 200 records, 8 at a time: a quarter of them corrected and a tenth revoked after publication.
    const ids: string[] = [];
    const make = async (n: number) => {
      const id = await api.register(agency, penaltyAgainst(entity.uscc));
      ids.push(id);
      if (n % 4 === 1) {
        const corrected = await api.send('POST', `/v1/records/${id}/corrections`, {
          token: agency.token,
          body: { reason: '罚款金额登记错误', changes: { penalty: { fineAmount: 2 + n } } },
        });
        expect(corrected.status).toBe(200);
      }
      if (n % 10 === 3) {
        const revoked = await api.send('POST', `/v1/records/${id}/revocations`, {
          token: agency.token,
          body: revocationBody(),
        });
        expect(revoked.status).toBe(200);
      }
    };
    for (let n = 0; n < 200; n += 8) await Promise.all(Array.from({ length: 8 }, (_, i) => make(n + i)));
    // Pushes interleave with the changes too: a sweep in the middle of them, then until all settled.
    let at = Date.now();
    let runs = 0;
    let retried = 0;
    for (;;) {
      const report = await service.sweeps('upstream', { clock: () => new Date(at) });
      retried += report.actions['upstream-retry-later'] ?? 0;
      runs++;
      if (Object.keys(report.actions).length === 0) break;
      if (runs >= 40) {
        const stuck = await call(service.url, 'GET', '/v1/agency/upstream?state=pending&limit=1', {
          token: agency.token,
        });
        throw new Error(`still pushing after 40 runs: ${JSON.stringify(report.actions)} ${stuck.text}`);
      }
      at += 3600_000;
    }
    expect(retried).toBeGreaterThan(10);
    fake.randomFaults(0);
    const pending = await call(service.url, 'GET', '/v1/agency/upstream?state=pending', {
      token: agency.token,
    });
    expect(pending.json.items).toEqual([]);

    const clean = await service.sweeps('upstream-reconcile');
    expect(clean.actions).toEqual({ reconciled: 1 });
    const reports = (await call(service.url, 'GET', '/v1/admin/upstream/reconciliations', { token: admin }))
      .json;
    const [latest] = reports.items;
    // None of the 200 was refused (a record an earlier test left refused counts in `failed`).
    expect(latest).toMatchObject({ differences: 0, pending: 0, sample: [] });
    const refused = await call(service.url, 'GET', '/v1/agency/upstream?state=failed', {
      token: agency.token,
    });
    expect(refused.json.items.filter((p: { recordId: string }) => ids.includes(p.recordId))).toEqual([]);
    expect(latest.ours).toEqual(latest.theirs);
    expect(latest.ours.count).toBeGreaterThanOrEqual(180);
    // One message per content: a fault never made the platform take the same content twice.
    const taken = fake.accepted().filter((m) => ids.includes(m.message.recordId));
    expect(new Set(taken.map((m) => m.message.messageId)).size).toBe(taken.length);

    // A record lost on the platform's side is a difference, reported to the credit office.
    const lost = ids.find((id) => fake.holdings().has(id)) as string;
    (fake.holdings() as Map<string, string>).delete(lost);
    expect((await service.sweeps('upstream-reconcile')).actions).toEqual({ 'differences-reported': 1 });
    const after = (await call(service.url, 'GET', '/v1/admin/upstream/reconciliations', { token: admin }))
      .json;
    expect(after.items[0]).toMatchObject({ differences: 1, sample: [{ recordId: lost, theirs: 'absent' }] });
    const events = await api.list(admin, '/v1/admin/events?type=upstream-differences');
    expect(events).toHaveLength(1);
  }, 240_000);
});
