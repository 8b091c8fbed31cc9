import { describe, expect, it } from '../support/e2e.ts';
import { expectProblem } from '../support/http.ts';
import { dueAfter, objectionBody, repairBody, sha256Hex, sortedJson } from '../support/workflow-mothers.ts';

/*
 * The objection and repair journey, step by step, as a new user would take it: one record, one
 * objection upheld with a correction, then one credit repair approved. The steps build on
 * each other and run in order.
 */

let recordId: string;
let objectionId: string;
let repairId: string;

const CORRECTION = { penalty: { fineAmount: 3, content: '罚款人民币叁万元整' } };
const HTML_REASON = '<script>alert("修复")</script> 已缴清罚款 & 完成整改';

it.beforeAll(async ({ api, agency, entity }) => {
  recordId = await api.publishedPenalty(agency, entity);
});

describe('an objection upheld with a correction', () => {
  it('is filed by the entity and answered 201 pending, due in 3 working days', async ({
    service,
    api,
    agency,
    entity,
  }) => {
    const answer = await api.object(entity, objectionBody(recordId));
    objectionId = answer.json.id;

    expect(answer.status).toBe(201);
    expect(answer.headers.get('location')).toBe(`/v1/objections/${objectionId}`);
    expect(answer.json).toMatchObject({
      recordId,
      entity: entity.uscc,
      agency: agency.uscc,
      status: 'pending',
      needsOtherUnit: false,
      deadline: { dueAt: expect.stringMatching(/T00:00:00\+08:00$/), provisional: expect.any(Boolean) },
    });
    expect(answer.json.deadline.due).toBe(await dueAfter(service, answer.json.filedAt, 3));
  });

  it('labels the public record 异议处理中, in its detail and in the search results', async ({
    api,
    entity,
  }) => {
    const filed = await api.objection(entity.token, objectionId);
    const label = { status: 'pending', filedAt: filed.json.filedAt };

    const [detail, found] = await Promise.all([
      api.publicRecord(recordId),
      api.send('GET', `/v1/disclosures?uscc=${entity.uscc}`),
    ]);

    expect(detail.json.objection).toEqual(label);
    expect(found.json.items.find((r: { id: string }) => r.id === recordId)?.objection).toEqual(label);
  });

  it('is listed among the agency’s pending objections and, accepted as needing another unit, is due in 7 working days', async ({
    service,
    api,
    agency,
  }) => {
    const pending = await api.list(agency.token, '/v1/agency/objections?status=pending');

    const accepted = await api.accept(agency, objectionId, true);

    expect(pending.map((o) => o.id)).toContain(objectionId);
    expect(accepted.status).toBe(200);
    expect(accepted.json).toMatchObject({ needsOtherUnit: true, acceptedAt: expect.any(String) });
    expect(accepted.json.deadline.due).toBe(await dueAfter(service, accepted.json.filedAt, 7));
  });

  it('upheld with a correction, shows the public version 2 with its history and without the label', async ({
    api,
    agency,
    entity,
  }) => {
    const decision = { outcome: 'upheld', reason: '罚款金额登记错误', correction: CORRECTION };

    const decided = await api.decideObjection(agency.token, objectionId, decision);
    const [detail, found] = await Promise.all([
      api.publicRecord(recordId),
      api.send('GET', `/v1/disclosures?uscc=${entity.uscc}`),
    ]);

    expect(decided.status).toBe(200);
    expect(decided.json).toMatchObject({
      status: 'decided',
      decision: { outcome: 'upheld', effect: 'corrected', recordVersion: 2 },
    });
    expect(detail.json).toMatchObject({ version: 2, details: CORRECTION.penalty });
    expect(detail.json.objection).toBeUndefined();
    expect(detail.json.history).toEqual([
      {
        version: 2,
        at: expect.any(String),
        reason: expect.stringContaining('罚款金额登记错误'),
        changedFields: ['penalty.content', 'penalty.fineAmount'],
      },
    ]);
    expect(found.json.items.find((r: { id: string }) => r.id === recordId)).toMatchObject({ version: 2 });
  });

  it('moves from the agency’s pending list to its decided list', async ({ api, agency }) => {
    const [pending, decided] = await Promise.all([
      api.list(agency.token, '/v1/agency/objections?status=pending'),
      api.list(agency.token, '/v1/agency/objections?status=decided'),
    ]);

    expect(pending.map((o) => o.id)).not.toContain(objectionId);
    expect(decided.map((o) => o.id)).toContain(objectionId);
  });

  it('tells the entity the outcome, on GET /v1/objections/{id} and by an objection-decided event', async ({
    api,
    agency,
    entity,
    admin,
  }) => {
    const seen = await api.objection(entity.token, objectionId);
    const events = await api.list(admin, '/v1/admin/events?type=objection-decided');

    expect(seen.json).toMatchObject({
      status: 'decided',
      decision: { outcome: 'upheld', reason: '罚款金额登记错误', effect: 'corrected', recordVersion: 2 },
    });
    expect(events.find((e) => e.subject.id === objectionId)).toMatchObject({
      subject: { kind: 'objection', agency: agency.uscc, entity: entity.uscc },
      data: { outcome: 'upheld', effect: 'corrected' },
    });
  });
});

describe('a credit repair approved after the minimum period', () => {
  it('is filed by the entity, due in 3 working days, and approved by the agency', async ({
    service,
    api,
    agency,
    entity,
  }) => {
    const filed = await api.fileRepair(entity, repairBody(recordId));
    repairId = filed.json.id;

    const approved = await api.decideRepair(agency.token, repairId, {
      outcome: 'approved',
      reason: HTML_REASON,
    });

    expect(filed.status).toBe(201);
    expect(filed.json).toMatchObject({
      recordId,
      entity: entity.uscc,
      agency: agency.uscc,
      status: 'pending',
    });
    expect(filed.json.deadline.due).toBe(await dueAfter(service, filed.json.filedAt, 3));
    expect(approved.status).toBe(200);
    expect(approved.json).toMatchObject({ status: 'approved', decision: { outcome: 'approved' } });
  });

  it('takes the record out of public view at once: its detail answers 404 and no search returns it', async ({
    api,
    agency,
    entity,
  }) => {
    const queries: Record<string, string>[] = [
      {},
      { uscc: entity.uscc },
      { agency: agency.uscc },
      { kind: 'penalty' },
      { name: '异议修复' },
    ];

    const [detail, entityView, ...searches] = await Promise.all([
      api.publicRecord(recordId),
      api.list(entity.token, '/v1/entity/records'),
      ...queries.map((q) => api.publicIds(q)),
    ]);

    expectProblem(detail, 404, 'disclosure_not_found');
    expect(entityView.map((r) => r.id)).not.toContain(recordId);
    for (const ids of searches) expect(ids).not.toContain(recordId);
  });

  it('is reported by a repair-decided event addressed to the entity', async ({ api, entity, admin }) => {
    const events = await api.list(admin, '/v1/admin/events?type=repair-decided');

    expect(events.find((e) => e.subject.id === repairId)).toMatchObject({
      subject: { kind: 'repair', entity: entity.uscc },
      data: { outcome: 'approved' },
    });
  });

  it('yields a decision document as JSON, with the SHA-256 of its content', async ({
    api,
    agency,
    entity,
  }) => {
    const [mine, agencyCopy] = await Promise.all([
      api.send('GET', `/v1/repairs/${repairId}/decision-document`, { token: entity.token }),
      api.send('GET', `/v1/repairs/${repairId}/decision-document`, { token: agency.token }),
    ]);
    const { hash, ...content } = mine.json;

    expect(mine.status).toBe(200);
    expect(mine.headers.get('content-type')).toMatch(/^application\/json/);
    expect(mine.json).toMatchObject({
      title: '信用修复决定书',
      repairId,
      recordId,
      entity: { uscc: entity.uscc },
      agency: agency.uscc,
      outcome: 'approved',
      reason: HTML_REASON,
    });
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(sha256Hex(sortedJson(content))).toBe(hash);
    expect(agencyCopy.json).toEqual(mine.json);
  });

  it.for<[string, Record<string, string>]>([
    ['?format=html', {}],
    ['', { accept: 'text/html,application/xhtml+xml;q=0.9' }],
  ])(
    'yields a printable HTML page (%s %o) that shows the hash and escapes the reason',
    async ([query, headers], { api, entity }) => {
      const json = await api.send('GET', `/v1/repairs/${repairId}/decision-document`, {
        token: entity.token,
      });

      const page = await api.send('GET', `/v1/repairs/${repairId}/decision-document${query}`, {
        token: entity.token,
        headers,
      });

      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toMatch(/^text\/html/);
      expect(page.text).toContain(json.json.hash);
      expect(page.text).toContain('信用修复决定书');
      expect(page.text).toContain(
        '&lt;script&gt;alert(&quot;修复&quot;)&lt;/script&gt; 已缴清罚款 &amp; 完成整改',
      );
      expect(page.text).not.toContain('<script>');
    },
  );
});
