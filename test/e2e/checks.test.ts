import { describe, expect, it, type World } from '../support/e2e.ts';
import { call } from '../support/http.ts';
import { listClient } from '../support/list-mothers.ts';
import { daysAgo } from '../support/workflow-mothers.ts';

/*
 * 应查必查 end to end: a check of a listed entity answers its entries, the measures bearing on
 * the matter and a check id; without feedback by its deadline the check is escalated to the
 * credit office; feedback after that is still taken and marked late; the entity sees who
 * checked it; the loop's figures count it all.
 */

const get = (w: Pick<World, 'service'>, path: string, token?: string) =>
  call(w.service.url, 'GET', path, token ? { token } : {});
const post = (w: Pick<World, 'service'>, path: string, token: string, body: unknown) =>
  call(w.service.url, 'POST', path, { token, body });

describe('a check of a listed entity', () => {
  it('returns the entry, its measures for the matter and a check id; escalates without feedback; takes late feedback', async ({
    service,
    api,
    agency,
    otherAgency,
    entity,
    admin,
  }) => {
    const w = { service };
    const entryId = await listClient(service).listed(agency, entity, { type: 'serious_dishonesty' });
    const record = (await get(w, `/v1/lists/entries/${entryId}/case`, agency.token)).json.recordIds[0];

    const made = await post(w, '/v1/checks', otherAgency.token, {
      uscc: entity.uscc,
      matter: { name: '食品经营许可（新办）', type: '行政许可' },
    });
    expect(made.status).toBe(201);
    const check = made.json;
    expect(check.id).toMatch(/^chk_/);
    expect(check.entries).toEqual([
      expect.objectContaining({ id: entryId, type: 'serious_dishonesty', agency: agency.uscc }),
    ]);
    expect(check.measures.map((m: { code: string }) => m.code).sort()).toEqual([
      'enhanced_supervision',
      'restrict_licensing',
    ]);
    expect(check.records.map((r: { id: string }) => r.id)).toContain(record);
    expect(check).toMatchObject({
      matter: { type: 'licensing', typeLabel: '行政许可' },
      status: 'awaiting_feedback',
    });

    // Only the checking agency reads it.
    const theirs = await get(w, `/v1/checks/${check.id}`, agency.token);
    expect([theirs.status, theirs.json.code]).toEqual([403, 'check_not_accessible']);
    expect((await get(w, `/v1/checks/${check.id}`, otherAgency.token)).json.id).toBe(check.id);

    const early = await service.sweeps('check-deadlines', {
      clock: () => new Date(Date.parse(check.deadline.dueAt) - 1),
    });
    expect(early.actions).toEqual({});
    const due = await service.sweeps('check-deadlines', { clock: () => new Date(check.deadline.dueAt) });
    expect(due.actions).toEqual({ escalated: 1 });
    expect((await api.list(admin, '/v1/admin/escalations?kind=check')).map((c) => c.id)).toContain(check.id);
    await service.sweeps('notifications', { clock: () => new Date(check.deadline.dueAt) });
    const office = (await get(w, '/v1/inbox', admin)).json.items.map((n: { title: string }) => n.title);
    expect(office).toContain('信用核查执行反馈逾期报告');

    const fed = await post(w, `/v1/checks/${check.id}/feedback`, otherAgency.token, {
      applied: true,
      measures: ['restrict_licensing'],
      reason: '申请人在严重失信主体名单内，不予许可。',
      actedOn: daysAgo(0),
    });
    expect(fed.status).toBe(200);
    expect(fed.json).toMatchObject({
      status: 'fed_back_late',
      statusLabel: '逾期反馈',
      feedback: { applied: true, late: true },
    });
    expect((await api.list(admin, '/v1/admin/escalations?kind=check')).map((c) => c.id)).not.toContain(
      check.id,
    );
    const again = await post(w, `/v1/checks/${check.id}/feedback`, otherAgency.token, {
      applied: false,
      reason: '重复',
      actedOn: daysAgo(0),
    });
    expect([again.status, again.json.code]).toEqual([409, 'feedback_already_given']);

    // The entity sees who checked it, and for what.
    const seen = await api.list(entity.token, '/v1/entity/checks');
    expect(seen).toEqual([
      expect.objectContaining({
        id: check.id,
        agency: otherAgency.uscc,
        matter: expect.objectContaining({ name: '食品经营许可（新办）' }),
      }),
    ]);

    // An on-time check, and the figures of both.
    const onTime = await listClient(service).checked(otherAgency, entity.uscc, '政府采购');
    const answered = await post(w, `/v1/checks/${onTime}/feedback`, otherAgency.token, {
      applied: true,
      reason: '限制参加本次政府采购',
      actedOn: daysAgo(0),
    });
    expect(answered.json.feedback).toMatchObject({
      late: false,
      measures: [expect.objectContaining({ code: 'restrict_procurement' }), expect.anything()],
    });
    const row = (await get(w, '/v1/stats/checks')).json.agencies.find(
      (a: { agency: string }) => a.agency === otherAgency.uscc,
    );
    expect(row).toMatchObject({
      made: 2,
      withFeedback: 2,
      feedbackOnTime: 1,
      feedbackLate: 1,
      awaitingFeedback: 0,
      escalated: 1,
      measuresApplied: 2,
      onTimeRate: 0.5,
    });
    const csv = await call(service.url, 'GET', '/v1/stats/checks', { headers: { accept: 'text/csv' } });
    expect(csv.text).toContain('核查次数');
    expect(csv.text).toContain(`${otherAgency.uscc},`);
  });

  it('answers a check of an entity on no list with no entries and no measures, and refuses measures in its feedback', async ({
    service,
    agency,
    otherEntity,
  }) => {
    const w = { service };
    const id = await listClient(service).checked(agency, otherEntity.uscc, 'other');
    const check = (await get(w, `/v1/checks/${id}`, agency.token)).json;
    expect([check.entries, check.measures]).toEqual([[], []]);
    const wrong = await post(w, `/v1/checks/${id}/feedback`, agency.token, {
      applied: true,
      reason: '限制',
      actedOn: daysAgo(0),
    });
    expect([wrong.status, wrong.json.code, wrong.json.field]).toEqual([
      422,
      'measures_not_applicable',
      'measures',
    ]);
  });
});
