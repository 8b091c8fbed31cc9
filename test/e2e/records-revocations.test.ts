import { describe, expect, it, type World } from '../support/e2e.ts';
import { call, expectProblem } from '../support/http.ts';
import { tableState } from '../support/table-state.ts';
import { daysAgo, dueAfter, penaltyAgainst, revocationBody, today } from '../support/workflow-mothers.ts';

/*
 * An agency revokes a published penalty after a 复议 decision (条例 第40条; 行政处罚法 第48条):
 * the record leaves every search at once, the 3 working days are counted from the 复议
 * decision, the public reads 已撤销 with the reason (masked), the entity is told, and a late
 * revocation is escalated to the credit office.
 */

const REASON = '经行政复议，原处罚决定认定事实不清，予以撤销。经办人电话 13812345678';

const revoke = ({ api, agency }: Pick<World, 'api' | 'agency'>, id: string, body: unknown) =>
  api.send('POST', `/v1/records/${id}/revocations`, { token: agency.token, body });

const eventsOf = async ({ api, admin }: Pick<World, 'api' | 'admin'>, type: string, recordId: string) =>
  (await api.list(admin, `/v1/admin/events?type=${type}`)).filter((e) => e.subject.id === recordId);

describe('a published penalty revoked after a 复议 decision', () => {
  it('is withdrawn at once, on time, with the deadline counted from the 复议 decision by the calendar', async ({
    api,
    agency,
    entity,
    service,
  }) => {
    const id = await api.publishedPenalty(agency, entity);
    const decision = revocationBody({
      reason: REASON,
      decisionDate: today(),
      documentNumber: '济阳复决字〔2026〕8号',
    });

    const answer = await revoke({ api, agency }, id, decision);

    // The public deadline calculator counts the same calendar: 3 working days from the decision.
    const due = await dueAfter(service, `${decision.decisionDate}T12:00:00+08:00`, 3);
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({
      status: 'revoked',
      revocation: {
        reason: REASON,
        decisionDate: decision.decisionDate,
        documentNumber: '济阳复决字〔2026〕8号',
        deadline: { due },
        onTime: true,
        workingDaysLate: 0,
      },
    });
    expect(answer.json.revocation.escalatedAt).toBeUndefined();
    expect(await api.publicIds({ uscc: entity.uscc })).not.toContain(id);
  });

  it('shows the public 已撤销, the 复议 decision and the reason with the phone number masked', async ({
    api,
    agency,
    entity,
  }) => {
    const id = await api.publishedPenalty(agency, entity);
    const before = (await api.publicRecord(id)).json;
    await revoke(
      { api, agency },
      id,
      revocationBody({ reason: REASON, documentNumber: '济阳复决字〔2026〕9号' }),
    );

    const notice = await api.publicRecord(id);

    expect(notice.status).toBe(200);
    expect(notice.json).toMatchObject({
      id,
      status: 'revoked',
      kind: 'penalty',
      documentNumber: before.documentNumber,
      decisionDate: before.decisionDate,
      subject: before.subject,
      authority: before.authority,
      revocation: { decisionDate: today(), documentNumber: '济阳复决字〔2026〕9号' },
    });
    expect(notice.json.revocation.reason).toContain('认定事实不清');
    expect(notice.json.revocation.reason).not.toContain('13812345678');
    // Nothing of the revoked penalty itself: no facts, no fine, no content.
    expect(notice.json).not.toHaveProperty('details');
    expect(notice.text).not.toContain(String(before.details.facts));
  });

  it('tells the entity by a record-revoked event addressed to its USCC', async ({
    api,
    agency,
    entity,
    admin,
  }) => {
    const id = await api.publishedPenalty(agency, entity);
    const body = revocationBody({ documentNumber: '济阳复决字〔2026〕10号' });
    await revoke({ api, agency }, id, body);

    const events = await eventsOf({ api, admin }, 'record-revoked', id);

    expect(events).toEqual([
      expect.objectContaining({
        subject: { kind: 'record', id, agency: agency.uscc, entity: entity.uscc },
        data: expect.objectContaining({
          reason: body.reason,
          decisionDate: body.decisionDate,
          documentNumber: '济阳复决字〔2026〕10号',
          onTime: true,
        }),
      }),
    ]);
  });

  it('escalates a revocation entered after its 3 working days to the credit office', async ({
    api,
    agency,
    entity,
    admin,
    service,
  }) => {
    const id = await api.publishedPenalty(agency, entity);
    // Thirty calendar days hold more than 3 working days whatever the holidays.
    const decisionDate = daysAgo(30);

    const answer = await revoke({ api, agency }, id, revocationBody({ decisionDate }));
    const overdue = await eventsOf({ api, admin }, 'overdue', id);

    const due = await dueAfter(service, `${decisionDate}T12:00:00+08:00`, 3);
    expect(answer.json.revocation).toMatchObject({ deadline: { due }, onTime: false });
    expect(answer.json.revocation.workingDaysLate).toBeGreaterThan(0);
    expect(answer.json.revocation.escalatedAt).toBe(answer.json.revocation.at);
    // On the credit office's list of escalated cases, beside objections and repairs.
    const listed = await call(service.url, 'GET', '/v1/admin/escalations?kind=record-change', {
      token: admin,
    });
    expect(listed.status).toBe(200);
    expect(listed.json.items).toContainEqual(
      expect.objectContaining({
        id,
        status: 'revoked',
        revocation: expect.objectContaining({ onTime: false }),
      }),
    );
    expect(overdue).toEqual([
      expect.objectContaining({
        data: expect.objectContaining({
          action: 'revoked-late',
          escalated: true,
          dueAt: answer.json.revocation.deadline.dueAt,
        }),
      }),
    ]);
  });
});

describe('revocations refused', () => {
  it.for<[string, Record<string, unknown>, number, string, string | undefined]>([
    [
      'without the revoking decision’s date',
      { decisionDate: undefined },
      400,
      'validation_failed',
      'body.decisionDate',
    ],
    [
      'without its document number',
      { documentNumber: undefined },
      400,
      'validation_failed',
      'body.documentNumber',
    ],
    [
      'with a date that does not exist',
      { decisionDate: '2026-02-30' },
      400,
      'validation_failed',
      'body.decisionDate',
    ],
    ['dated after today', { decisionDate: daysAgo(-2) }, 400, 'decision_date_in_future', 'body.decisionDate'],
    [
      'dated before the revoked decision',
      { decisionDate: daysAgo(400) },
      400,
      'decision_date_before_record',
      'body.decisionDate',
    ],
    ['with a field it does not know', { revokedBy: '复议机关' }, 400, 'validation_failed', undefined],
  ])(
    'refuses a body %s and changes nothing',
    async ([, change, status, code, field], { api, agency, entity, store, service, admin }) => {
      const id = await api.register(agency, penaltyAgainst(entity.uscc));
      const before = await tableState(store, service.url, admin);

      const answer = await revoke({ api, agency }, id, revocationBody(change));

      expectProblem(answer, status, code, field);
      expect(await tableState(store, service.url, admin)).toEqual(before);
      expect((await api.publicRecord(id)).json).not.toHaveProperty('status');
    },
  );

  it('keeps refusing while an objection is pending (workflow_pending)', async ({ api, agency, entity }) => {
    const id = await api.publishedPenalty(agency, entity);
    await api.objected(entity, id);

    expectProblem(await revoke({ api, agency }, id, revocationBody()), 409, 'workflow_pending');
  });
});

describe('a correction under a changing decision', () => {
  it('keeps the changing decision and its judgement on the history entry', async ({
    api,
    agency,
    entity,
  }) => {
    const id = await api.publishedPenalty(agency, entity);

    const answer = await api.send('POST', `/v1/records/${id}/corrections`, {
      token: agency.token,
      body: {
        reason: '复议决定变更罚款金额',
        changes: { penalty: { fineAmount: 1 } },
        decisionDate: today(),
        documentNumber: '济阳复决字〔2026〕11号',
      },
    });

    expect(answer.status).toBe(200);
    expect(answer.json.history.at(-1).decision).toMatchObject({
      decisionDate: today(),
      documentNumber: '济阳复决字〔2026〕11号',
      onTime: true,
    });
  });

  it('puts a correction entered after its 3 working days on the credit office’s list, once, and one on time not', async ({
    api,
    agency,
    entity,
    admin,
    service,
  }) => {
    const [late, timely] = await Promise.all([
      api.publishedPenalty(agency, entity),
      api.publishedPenalty(agency, entity),
    ]);
    const correct = (id: string, decisionDate: string, fineAmount: number) =>
      api.send('POST', `/v1/records/${id}/corrections`, {
        token: agency.token,
        body: {
          reason: '复议决定变更罚款金额',
          changes: { penalty: { fineAmount } },
          decisionDate,
          documentNumber: '济阳复决字〔2026〕12号',
        },
      });

    // Thirty calendar days hold more than 3 working days whatever the holidays.
    expect((await correct(late, daysAgo(30), 1)).json.history.at(-1).decision.onTime).toBe(false);
    expect((await correct(late, daysAgo(30), 2)).status).toBe(200);
    expect((await correct(timely, today(), 1)).json.history.at(-1).decision.onTime).toBe(true);
    const listed = await call(service.url, 'GET', '/v1/admin/escalations?kind=record-change&limit=100', {
      token: admin,
    });

    const ids = listed.json.items.map((r: { id: string }) => r.id);
    expect(ids.filter((id: string) => id === late)).toHaveLength(1);
    expect(ids).not.toContain(timely);
  });

  it('refuses the changing decision’s date without its document number', async ({ api, agency, entity }) => {
    const id = await api.publishedPenalty(agency, entity);

    const answer = await api.send('POST', `/v1/records/${id}/corrections`, {
      token: agency.token,
      body: { reason: '复议变更', changes: { penalty: { fineAmount: 1 } }, decisionDate: today() },
    });

    expectProblem(answer, 400, 'validation_failed', 'body.documentNumber');
  });
});
