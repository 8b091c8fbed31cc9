import { describe, expect, it } from 'vitest';
import type { ChangingDecision } from '../../../shared/domain/records/revocation.ts';
import { objected, penaltyOf, publishedPenalty, registered } from '../../support/domain-mothers.ts';
import { AGENCY_ACTOR, type DomainWorld, domainWorld } from '../../support/domain-world.ts';
import { AGENCY, COMPANY } from '../../support/record-builders.ts';
import { naturalPersonPenalty } from '../../support/record-mothers.ts';

/*
 * Revoking a record after its decision was revoked (条例 第40条; 行政处罚法 第48条). The world's
 * clock stands at Fri 2026-12-04 10:00 Asia/Shanghai.
 */

/** A 复议 decision of Tue 2026-12-01: due Fri 12/4 (Wed 12/2, Thu 12/3, Fri 12/4). */
const TIMELY: ChangingDecision = { decisionDate: '2026-12-01', documentNumber: '济阳复决字〔2026〕12号' };
/** One of Fri 2026-11-27: due Wed 12/2, so entering it on Fri 12/4 is 2 working days late. */
const LATE: ChangingDecision = { decisionDate: '2026-11-27', documentNumber: '济阳复决字〔2026〕9号' };

const revoke = (
  world: DomainWorld,
  id: string,
  decision?: ChangingDecision,
  reason = '原处罚决定经复议被撤销',
) => world.recordUseCases.revoke(AGENCY, id, reason, AGENCY_ACTOR, decision);

describe('revoking a record under a revoking decision (条例 第40条, 处罚法 第48条)', () => {
  it('withdraws the record at once and keeps the decision, its deadline and that it came on time', async () => {
    const world = domainWorld();
    const record = await publishedPenalty(world, '2026-06-01');

    const revoked = await revoke(world, record.id, TIMELY);

    expect(revoked).toMatchObject({
      status: 'revoked',
      revocation: {
        at: '2026-12-04T02:00:00.000Z',
        reason: '原处罚决定经复议被撤销',
        ...TIMELY,
        deadline: { due: '2026-12-04', provisional: false },
        onTime: true,
        workingDaysLate: 0,
        shownWhenRevoked: true,
      },
    });
    expect(revoked.revocation?.escalatedAt).toBeUndefined();
    expect(world.table.eventsOfType('overdue')).toEqual([]);
  });

  it('tells the entity, by its USCC, why and by which decision, in the same write', async () => {
    const world = domainWorld();
    const record = await publishedPenalty(world, '2026-06-01');

    await revoke(world, record.id, TIMELY);

    expect(world.table.eventsOfType('record-revoked')).toEqual([
      expect.objectContaining({
        subject: { kind: 'record', id: record.id, agency: AGENCY, entity: COMPANY },
        data: expect.objectContaining({ reason: '原处罚决定经复议被撤销', ...TIMELY, due: '2026-12-04' }),
      }),
    ]);
  });

  it('addresses no entity when the subject is a natural person (telling persons is not built yet)', async () => {
    const world = domainWorld();
    const person = await registered(world, naturalPersonPenalty({ decisionDate: '2026-06-01' }), true);

    await revoke(world, person.id, TIMELY);

    const events = world.table.eventsOfType('record-revoked');
    expect(events).toHaveLength(1);
    expect(events[0]?.subject.entity).toBeUndefined();
  });

  it('masks personal data in the reason it tells (the event leaves the service)', async () => {
    const world = domainWorld();
    const person = await registered(world, naturalPersonPenalty({ decisionDate: '2026-06-01' }), true);

    await revoke(world, person.id, TIMELY, '经复议撤销，联系人电话13812345678');

    const [event] = world.table.eventsOfType('record-revoked');
    expect(String(event?.data.reason)).toContain('经复议撤销');
    expect(String(event?.data.reason)).not.toContain('13812345678');
  });

  it('escalates a revocation entered after its 3 working days, with an overdue event', async () => {
    const world = domainWorld();
    const record = await publishedPenalty(world, '2026-06-01');

    const revoked = await revoke(world, record.id, LATE);

    expect(revoked.revocation).toMatchObject({
      deadline: { due: '2026-12-02' },
      onTime: false,
      workingDaysLate: 2,
      escalatedAt: '2026-12-04T02:00:00.000Z',
    });
    expect(world.table.eventsOfType('overdue')).toEqual([
      expect.objectContaining({
        subject: expect.objectContaining({ id: record.id }),
        data: expect.objectContaining({ action: 'revoked-late', workingDaysLate: 2, escalated: true }),
      }),
    ]);
  });

  it.each([
    ['before the record’s own decision', '2026-05-31', 'decision_date_before_record'],
    ['after today', '2026-12-05', 'decision_date_in_future'],
  ])('refuses a revoking decision dated %s, naming the field and changing nothing', async (_, date, code) => {
    const world = domainWorld();
    const record = await publishedPenalty(world, '2026-06-01');

    await expect(revoke(world, record.id, { ...TIMELY, decisionDate: date })).rejects.toMatchObject({
      code,
      field: 'decisionDate',
    });
    expect(world.table.records.get(record.id)?.status).toBe('published');
    expect(world.table.eventsOfType('record-revoked')).toEqual([]);
  });

  it('still refuses while an objection is pending (workflow_pending)', async () => {
    const world = domainWorld();
    const record = await publishedPenalty(world, '2026-06-01');
    await objected(world, record.id);

    await expect(revoke(world, record.id, TIMELY)).rejects.toMatchObject({ code: 'workflow_pending' });
  });
});

describe('the public notice of a revoked decision (处罚法 第48条: 公开说明理由)', () => {
  it('states 已撤销, the revoking decision and the masked reason, and nothing of the penalty itself', async () => {
    const world = domainWorld();
    const record = await publishedPenalty(world, '2026-06-01');
    await revoke(world, record.id, TIMELY, '经复议撤销，联系人电话 13812345678，身份证 11010519491231002X');

    const notice = await world.disclosures.detail(record.id);

    expect(notice).toMatchObject({
      id: record.id,
      status: 'revoked',
      kind: 'penalty',
      decisionDate: '2026-06-01',
      documentNumber: record.content.documentNumber,
      subject: { uscc: COMPANY },
      revocation: { decisionDate: TIMELY.decisionDate, documentNumber: TIMELY.documentNumber },
    });
    const text = JSON.stringify(notice);
    expect(text).not.toContain('13812345678');
    expect(text).not.toContain('11010519491231002X');
    expect(text).not.toContain('马化腾');
    expect(notice).not.toHaveProperty('details');
    expect(text).not.toContain(String(penaltyOf().penalty.content));
  });

  it('is not listed by any search', async () => {
    const world = domainWorld();
    const record = await publishedPenalty(world, '2026-06-01');
    await revoke(world, record.id, TIMELY);

    const page = await world.disclosures.search({ uscc: COMPANY, limit: 100 });

    expect(page.items.map((r) => r.id)).not.toContain(record.id);
  });

  it('ends with the publication period it replaces', async () => {
    const world = domainWorld();
    const record = await publishedPenalty(world, '2026-06-01');
    await revoke(world, record.id, TIMELY);

    world.time.set('2029-06-02T00:00:00+08:00');

    await expect(world.disclosures.detail(record.id)).rejects.toMatchObject({ code: 'disclosure_not_found' });
  });

  it('is never shown for a record the public never saw (unpublished, or a natural person’s)', async () => {
    const world = domainWorld();
    const unpublished = await registered(world, penaltyOf('2026-11-30'));
    const person = await registered(world, naturalPersonPenalty({ decisionDate: '2026-06-01' }), true);
    await revoke(world, unpublished.id, TIMELY);
    await revoke(world, person.id, TIMELY);

    for (const id of [unpublished.id, person.id]) {
      await expect(world.disclosures.detail(id)).rejects.toMatchObject({ code: 'disclosure_not_found' });
    }
  });
});

describe('correcting a record under a changing decision (条例 第40条)', () => {
  it('keeps the changing decision and its judgement on the history entry; a typo fix has none', async () => {
    const world = domainWorld();
    const record = await publishedPenalty(world, '2026-06-01');
    const correct = (changes: Record<string, unknown>, decision?: ChangingDecision) =>
      world.recordUseCases.correct(
        AGENCY,
        record.id,
        { changes, reason: '复议变更罚款', decision },
        world.validate,
        AGENCY_ACTOR,
      );

    await correct({ remarks: '错字更正' });
    const changed = await correct({ penalty: { fineAmount: 1 } }, LATE);

    expect(changed.history[0]?.decision).toBeUndefined();
    expect(changed.history[1]?.decision).toEqual({
      ...LATE,
      deadline: { due: '2026-12-02', dueAt: '2026-12-03T00:00:00+08:00', provisional: false },
      onTime: false,
      workingDaysLate: 2,
    });
    expect(world.table.eventsOfType('overdue')).toEqual([
      expect.objectContaining({
        subject: expect.objectContaining({ id: record.id }),
        data: {
          action: 'changed-late',
          dueAt: '2026-12-03T00:00:00+08:00',
          workingDaysLate: 2,
          escalated: true,
        },
      }),
    ]);
  });
});
