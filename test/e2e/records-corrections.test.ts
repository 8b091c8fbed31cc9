import { describe, it as e2e, expect } from '../support/e2e.ts';
import { call, expectProblem } from '../support/http.ts';
import { penaltyInput } from '../support/record-builders.ts';
import { aCompany, allPages, queryOf } from '../support/record-mothers.ts';
import { revocationBody } from '../support/workflow-mothers.ts';

/** What the file's agency and the public do, over HTTP. */
const it = e2e
  .extend(
    'post',
    { scope: 'file' },
    ({ service, agency: { token } }) =>
      (path: string, body?: unknown) =>
        call(service.url, 'POST', path, { token, ...(body === undefined ? {} : { body }) }),
  )
  .extend(
    'correct',
    { scope: 'file' },
    ({ post }) =>
      (id: string, body: unknown) =>
        post(`/v1/records/${id}/corrections`, body),
  )
  .extend(
    'revoke',
    { scope: 'file' },
    ({ post }) =>
      (id: string, reason = '行政处罚决定已被依法撤销') =>
        post(`/v1/records/${id}/revocations`, revocationBody({ reason })),
  )
  .extend(
    'publicDetail',
    { scope: 'file' },
    ({ service }) =>
      (id: string) =>
        call(service.url, 'GET', `/v1/disclosures/${id}`),
  )
  .extend(
    'publicIds',
    { scope: 'file' },
    ({ service }) =>
      async (query: Record<string, string>) =>
        (await allPages(service.url, `/v1/disclosures${queryOf(query)}`)).items.map((r) => r.id),
  )
  .extend(
    'publishedPenalty',
    { scope: 'file' },
    ({ post }) =>
      /** A published penalty against a company of its own, named `name`. */
      async (name: string) => {
        const uscc = aCompany();
        const input = penaltyInput({ subject: { category: 'legal_person', name, uscc } });
        const answer = await post('/v1/records', { ...input, publish: true });
        expect(answer.status).toBe(201);
        return { id: answer.json.id as string, input, uscc };
      },
  );

describe('POST /v1/records/{id}/corrections', () => {
  it('makes version 2, lists the change in the history and shows the new content to the public', async ({
    correct,
    publicDetail,
    publishedPenalty,
  }) => {
    const { id } = await publishedPenalty('济阳区更正测试商贸有限公司');

    const answer = await correct(id, {
      reason: '罚款金额登记错误',
      changes: { penalty: { fineAmount: 3, content: '罚款人民币叁万元整' } },
    });
    const detail = await publicDetail(id);

    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({ version: 2, status: 'published' });
    expect(answer.json.record.penalty).toMatchObject({ fineAmount: 3, content: '罚款人民币叁万元整' });
    expect(answer.json.history).toEqual([
      {
        version: 2,
        at: expect.any(String),
        reason: '罚款金额登记错误',
        changedFields: ['penalty.content', 'penalty.fineAmount'],
        // The agency sees what version 2 replaced; the public sees only that it changed.
        previous: expect.objectContaining({ penalty: expect.objectContaining({ fineAmount: 5 }) }),
      },
    ]);
    expect(detail.json).toMatchObject({
      version: 2,
      details: { fineAmount: 3, content: '罚款人民币叁万元整' },
    });
    const { previous: _previous, ...publicEntry } = answer.json.history[0];
    expect(detail.json.history).toEqual([publicEntry]);
  });

  it('moves the record in the name search from the old name to the new one', async ({
    correct,
    publicDetail,
    publicIds,
    publishedPenalty,
  }) => {
    const { id } = await publishedPenalty('济阳区旧称甲商贸有限公司');

    await correct(id, { reason: '名称登记错误', changes: { subject: { name: '济阳区新称乙商贸有限公司' } } });

    expect(await publicIds({ name: '旧称甲' })).not.toContain(id);
    expect(await publicIds({ name: '新称乙' })).toContain(id);
    expect((await publicDetail(id)).json.history[0].changedFields).toEqual(['subject.name']);
  });

  it('removes an optional field given as null and names it among the changed fields', async ({
    correct,
    publishedPenalty,
  }) => {
    const { id } = await publishedPenalty('济阳区删除字段测试有限公司');

    const answer = await correct(id, { reason: '无罚款', changes: { penalty: { fineAmount: null } } });

    expect(answer.status).toBe(200);
    expect(answer.json.record.penalty.fineAmount).toBeUndefined();
    expect(answer.json.history[0].changedFields).toEqual(['penalty.fineAmount']);
  });

  it('does not name the legal representative or their ID among the changes the public sees', async ({
    correct,
    publicDetail,
    publishedPenalty,
  }) => {
    const { id } = await publishedPenalty('济阳区代表人更正测试有限公司');

    await correct(id, { reason: '法定代表人变更', changes: { subject: { legalRepresentative: '张伟' } } });
    const detail = await publicDetail(id);

    expect(detail.json.version).toBe(2);
    expect(detail.json.history[0].changedFields).toEqual([]);
    expect(detail.text).not.toContain('张伟');
  });

  it.for<[string, Record<string, unknown>, number, string]>([
    ['a correction that changes nothing', { penalty: { violationType: '虚假宣传' } }, 422, 'nothing_changed'],
    ['a change of kind', { kind: 'license' }, 400, 'kind_unchangeable'],
  ])('refuses %s', async ([, changes, status, code], { correct, publishedPenalty }) => {
    const { id } = await publishedPenalty('济阳区拒绝更正测试有限公司');

    expectProblem(await correct(id, { reason: '测试', changes }), status, code);
  });

  it('refuses a correction that leaves the record invalid, naming the field under body.changes', async ({
    correct,
    publicDetail,
    publishedPenalty,
  }) => {
    const { id } = await publishedPenalty('济阳区无效更正测试有限公司');

    const answer = await correct(id, { reason: '测试', changes: { penalty: { fineAmount: -1 } } });

    expectProblem(answer, 400, 'validation_failed', 'body.changes.penalty.fineAmount');
    expect((await publicDetail(id)).json.version).toBe(1);
  });

  it('refuses a correction without a reason or without changes', async ({ correct, publishedPenalty }) => {
    const { id } = await publishedPenalty('济阳区缺少原因测试有限公司');

    expectProblem(
      await correct(id, { changes: { remarks: '备注' } }),
      400,
      'validation_failed',
      'body.reason',
    );
    expectProblem(
      await correct(id, { reason: '测试', changes: {} }),
      400,
      'validation_failed',
      'body.changes',
    );
  });
});

describe('POST /v1/records/{id}/revocations', () => {
  it('takes a published record out of every search, shows its revocation notice instead, and keeps it for the agency', async ({
    service,
    agency,
    revoke,
    publicDetail,
    publicIds,
    publishedPenalty,
  }) => {
    const name = '济阳区撤销公示测试有限公司';
    const { id, uscc, input } = await publishedPenalty(name);

    const answer = await revoke(id);

    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({
      status: 'revoked',
      revocation: { reason: '行政处罚决定已被依法撤销' },
    });
    const notice = await publicDetail(id);
    expect(notice.json).toMatchObject({
      id,
      status: 'revoked',
      revocation: { reason: '行政处罚决定已被依法撤销' },
    });
    expect(notice.json).not.toHaveProperty('details');
    const searches = await Promise.all([
      publicIds({}),
      publicIds({ uscc }),
      publicIds({ name: '撤销公示' }),
      publicIds({ agency: agency.uscc }),
      publicIds({ kind: 'penalty' }),
      publicIds({ from: input.decisionDate, to: input.decisionDate }),
    ]);
    for (const ids of searches) expect(ids).not.toContain(id);
    const revoked = await allPages(service.url, '/v1/agency/records?status=revoked', { token: agency.token });
    expect(revoked.items.map((r) => r.id)).toContain(id);
  });

  it('keeps the history of a corrected record after revocation', async ({
    correct,
    revoke,
    publishedPenalty,
  }) => {
    const { id } = await publishedPenalty('济阳区撤销历史测试有限公司');
    await correct(id, { reason: '补充备注', changes: { remarks: '已整改' } });

    const answer = await revoke(id);

    expect(answer.json).toMatchObject({ status: 'revoked', version: 2 });
    expect(answer.json.history).toHaveLength(1);
  });

  it('refuses to publish, correct or revoke a revoked record', async ({
    post,
    correct,
    revoke,
    publishedPenalty,
  }) => {
    const { id } = await publishedPenalty('济阳区撤销后操作测试有限公司');
    await revoke(id);

    expectProblem(await post(`/v1/records/${id}/publish`), 409, 'record_revoked');
    expectProblem(await correct(id, { reason: '测试', changes: { remarks: '备注' } }), 409, 'record_revoked');
    expectProblem(await revoke(id), 409, 'record_revoked');
  });

  it('refuses a revocation without a reason', async ({ post, publicDetail, publishedPenalty }) => {
    const { id } = await publishedPenalty('济阳区撤销无原因测试有限公司');

    expectProblem(
      await post(`/v1/records/${id}/revocations`, revocationBody({ reason: undefined })),
      400,
      'validation_failed',
      'body.reason',
    );
    expect((await publicDetail(id)).status).toBe(200);
  });
});
