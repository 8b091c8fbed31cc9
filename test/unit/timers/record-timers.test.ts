import { describe, expect, it } from 'vitest';
import { officialYearBody } from '../../support/calendar-builders.ts';
import { penaltyOf, publishedPenalty, registered } from '../../support/domain-mothers.ts';
import { AGENCY_ACTOR, domainWorld } from '../../support/domain-world.ts';
import { naturalPersonPenalty } from '../../support/record-mothers.ts';

describe('the disclosure sweep across the National Day holiday', () => {
  it('reminds one working day before the deadline, once', async () => {
    const world = domainWorld('2026-09-30T10:00:00+08:00');
    const record = await registered(world, penaltyOf('2026-09-30'));

    world.time.set('2026-10-14T23:00:00+08:00');
    const early = await world.sweep('disclosure-deadlines');
    world.time.set('2026-10-15T00:00:00+08:00');
    const due = await world.sweep('disclosure-deadlines');
    const again = await world.sweep('disclosure-deadlines');

    expect(early.actions).toEqual({});
    expect(due.actions).toEqual({ reminded: 1 });
    expect(again.actions).toEqual({});
    expect(world.table.records.get(record.id)?.disclosure.remindedAt).toBe('2026-10-14T16:00:00.000Z');
    expect(world.table.eventsOfType('reminder')).toEqual([
      expect.objectContaining({
        id: `${record.id}.2.reminder`,
        subject: expect.objectContaining({ kind: 'record', id: record.id }),
        data: { dueAt: '2026-10-16T00:00:00+08:00', due: '2026-10-15' },
      }),
    ]);
  });

  it('publishes a public record automatically once its deadline has passed, saying how late', async () => {
    const world = domainWorld('2026-09-30T10:00:00+08:00');
    const record = await registered(world, penaltyOf('2026-09-30'));

    world.time.set('2026-10-16T09:00:00+08:00');
    const report = await world.sweep('disclosure-deadlines');

    const stored = world.table.records.get(record.id);
    expect(report.actions).toEqual({ 'auto-published': 1 });
    expect(stored?.status).toBe('published');
    expect(stored?.publication).toMatchObject({ by: 'system', onTime: false, workingDaysLate: 1 });
    expect(world.table.eventsOfType('overdue')[0]?.data).toMatchObject({
      action: 'auto-published',
      workingDaysLate: 1,
    });
    // Past both, it is not reminded of a deadline it has already missed.
    expect(world.table.eventsOfType('reminder')).toEqual([]);
    expect((await world.sweep('disclosure-deadlines')).actions).toEqual({});
  });

  it('marks a record the public may never see overdue instead of publishing it', async () => {
    const world = domainWorld('2026-09-30T10:00:00+08:00');
    const { record } = await world.recordUseCases.register(
      { uscc: '11370100MB2850377W' },
      naturalPersonPenalty({ decisionDate: '2026-09-30' }),
      { actor: AGENCY_ACTOR },
    );

    world.time.set('2026-10-20T00:00:00+08:00');
    await world.sweep('disclosure-deadlines');

    const stored = world.table.records.get(record.id);
    expect(stored).toMatchObject({ status: 'registered', overdue: { at: '2026-10-19T16:00:00.000Z' } });
    expect(world.table.eventsOfType('overdue')[0]?.data).toMatchObject({
      action: 'marked-overdue',
      reason: 'not-public',
    });
  });

  it('marks a public record overdue when automatic publication is switched off', async () => {
    const world = domainWorld('2026-09-30T10:00:00+08:00', { autoPublish: false });
    const record = await registered(world, penaltyOf('2026-09-30'));

    world.time.set('2026-10-20T00:00:00+08:00');
    await world.sweep('disclosure-deadlines');

    expect(world.table.records.get(record.id)?.status).toBe('registered');
    expect(world.table.eventsOfType('overdue')[0]?.data).toMatchObject({ reason: 'auto-publish-off' });
  });

  it('does nothing for a record its agency published in time', async () => {
    const world = domainWorld('2026-09-30T10:00:00+08:00');
    await registered(world, penaltyOf('2026-09-30'), true);

    world.time.set('2026-10-20T00:00:00+08:00');

    expect((await world.sweep('disclosure-deadlines')).actions).toEqual({});
  });
});

describe('the end of the publication period', () => {
  it('ends a general penalty one year after its decision, by itself, with an event', async () => {
    const world = domainWorld('2026-05-11T10:00:00+08:00');
    const record = await publishedPenalty(world, '2026-05-10');

    world.time.set('2027-05-10T23:59:00+08:00');
    const early = await world.sweep('publication-expiry');
    world.time.set('2027-05-11T00:00:00+08:00');
    const due = await world.sweep('publication-expiry');

    expect(early.actions).toEqual({});
    expect(due.actions).toEqual({ expired: 1 });
    expect(world.table.records.get(record.id)?.publicationEnd).toEqual({
      at: '2027-05-10T16:00:00.000Z',
      reason: 'expired',
    });
    await expect(world.disclosures.get(record.id)).rejects.toMatchObject({ code: 'disclosure_not_found' });
    expect(world.table.eventsOfType('expired')[0]?.data).toEqual({ endedAt: '2027-05-11T00:00:00+08:00' });
  });

  it("ends a natural person's penalty too, though never public (条例 第38条 ends every disclosure)", async () => {
    const world = domainWorld('2026-05-11T10:00:00+08:00');
    const { record } = await world.recordUseCases.register(
      { uscc: '11370100MB2850377W' },
      naturalPersonPenalty({ decisionDate: '2026-05-10' }),
      { publish: true, actor: AGENCY_ACTOR },
    );

    world.time.set('2027-05-11T00:00:00+08:00');
    const due = await world.sweep('publication-expiry');

    expect(due.actions).toEqual({ expired: 1 });
    expect(world.table.records.get(record.id)?.publicationEnd).toMatchObject({ reason: 'expired' });
  });
});

describe('a calendar change', () => {
  it('moves an open disclosure deadline that depends on the year, records the move and tells the agency', async () => {
    const world = domainWorld('2026-12-28T10:00:00+08:00');
    const record = await registered(world, penaltyOf('2026-12-28'));
    expect(record.disclosure).toMatchObject({ due: '2027-01-07', provisional: true });
    const body = officialYearBody(2027, {
      holidays: [1, 2, 3, 4, 5].map((d) => ({ date: `2027-01-0${d}`, name: '元旦' })),
    });

    await world.calendar.loadOfficialYear(2027, body as never, { actor: { role: 'admin', id: 'office' } });
    const report = await world.sweep('deadline-recompute');

    const stored = world.table.records.get(record.id);
    expect(report.actions).toEqual({ recomputed: 1 });
    expect(stored?.disclosure).toMatchObject({ due: '2027-01-11', provisional: false });
    expect(stored?.deadlineMoves).toEqual([
      expect.objectContaining({
        kind: 'disclosure-due',
        from: '2027-01-08T00:00:00+08:00',
        to: '2027-01-12T00:00:00+08:00',
      }),
    ]);
    expect(world.table.eventsOfType('deadline-moved')).toHaveLength(1);
    expect((await world.sweep('deadline-recompute')).actions).toEqual({});
  });

  it('keeps a reminder already sent when the deadline moves', async () => {
    const world = domainWorld('2026-12-28T10:00:00+08:00');
    const record = await registered(world, penaltyOf('2026-12-28'));
    world.time.set('2027-01-07T00:00:00+08:00');
    await world.sweep('disclosure-deadlines');
    const remindedAt = world.table.records.get(record.id)?.disclosure.remindedAt;
    expect(remindedAt).toBeDefined();
    const body = officialYearBody(2027, {
      holidays: [1, 2, 3, 4, 5].map((d) => ({ date: `2027-01-0${d}`, name: '元旦' })),
    });

    await world.calendar.loadOfficialYear(2027, body as never, { actor: { role: 'admin', id: 'office' } });
    await world.sweep('deadline-recompute');

    expect(world.table.records.get(record.id)?.disclosure).toMatchObject({ due: '2027-01-11', remindedAt });
  });
});
