import { beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../shared/store/client.ts';
import { freshStore } from '../support/dynamodb.ts';
import { AGENCY, penaltyInput } from '../support/record-builders.ts';
import { ADMIN_ACTOR, AGENCY_ACTOR, timerWorld } from '../support/timers.ts';

let store: Store;
beforeAll(async () => {
  store = await freshStore();
});

const shanghai = (local: string) => `${local}+08:00`;
const register = (world: ReturnType<typeof timerWorld>, overrides = {}) =>
  world.useCases.register({ uscc: AGENCY }, penaltyInput(overrides), { actor: AGENCY_ACTOR });
const eventsFor = async (world: ReturnType<typeof timerWorld>, id: string) =>
  (await world.events.list({ limit: 100 })).items.filter((e) => e.subject.id === id);

describe('the disclosure sweep walks a record across the National Day holiday', () => {
  it('reminds one working day before, publishes late after the deadline, and does nothing twice', async () => {
    const world = timerWorld(store, shanghai('2026-09-30T10:00:00'));
    const { record } = await register(world, { decisionDate: '2026-09-30' });
    expect(record.disclosure).toMatchObject({
      due: '2026-10-15',
      dueAt: '2026-10-16T00:00:00+08:00',
      reminderAt: '2026-10-15T00:00:00+08:00',
    });

    world.time.set(shanghai('2026-10-14T23:59:00'));
    const early = await world.sweep('disclosure-deadlines');
    world.time.set(shanghai('2026-10-15T00:05:00'));
    const reminded = await world.sweep('disclosure-deadlines');
    const remindedAgain = await world.sweep('disclosure-deadlines');
    world.time.set(shanghai('2026-10-16T00:05:00'));
    const overdue = await world.sweep('disclosure-deadlines');
    const overdueAgain = await world.sweep('disclosure-deadlines');

    expect(early.actions.reminded).toBeUndefined();
    expect(reminded.actions).toMatchObject({ reminded: 1 });
    expect(remindedAgain.actions.reminded).toBeUndefined();
    expect(overdue.actions).toMatchObject({ 'auto-published': 1 });
    expect(overdueAgain.actions['auto-published']).toBeUndefined();
    const after = await world.records.get(record.id);
    expect(after?.status).toBe('published');
    expect(after?.publication).toMatchObject({
      by: 'system',
      onTime: false,
      workingDaysLate: 1,
      workingDaysToPublish: 8,
    });
    const events = await eventsFor(world, record.id);
    expect(events.map((e) => e.type).sort()).toEqual(['overdue', 'reminder']);
    expect(events.find((e) => e.type === 'overdue')?.data).toMatchObject({
      action: 'auto-published',
      workingDaysLate: 1,
    });
  });

  it('counts the adjusted working Saturday 2026-10-10 as a working day', async () => {
    const world = timerWorld(store, shanghai('2026-09-29T10:00:00'));
    const { record } = await register(world, { decisionDate: '2026-09-29' });

    world.time.set(shanghai('2026-10-15T00:01:00'));
    const report = await world.sweep('disclosure-deadlines');

    // 9/30, 10/8, 10/9, Sat 10/10, 10/12, 10/13, 10/14: due at the end of 10/14.
    expect(record.disclosure.due).toBe('2026-10-14');
    expect(report.actions['auto-published']).toBeGreaterThanOrEqual(1);
    expect((await world.records.get(record.id))?.status).toBe('published');
  });
});

describe('records that cannot be published for the agency', () => {
  it('marks a natural-person record overdue instead of publishing it', async () => {
    const world = timerWorld(store, shanghai('2026-09-01T10:00:00'));
    const { record } = await register(world, {
      decisionDate: '2026-09-01',
      subject: {
        category: 'natural_person',
        name: '张三',
        idType: 'resident_id',
        idNumber: '11010519491231002X',
      },
    });

    world.time.set(shanghai('2026-09-11T00:05:00'));
    const report = await world.sweep('disclosure-deadlines');

    expect(report.actions['marked-overdue']).toBeGreaterThanOrEqual(1);
    const after = await world.records.get(record.id);
    expect(after).toMatchObject({ status: 'registered', overdue: { at: '2026-09-10T16:05:00.000Z' } });
    const [event] = (await eventsFor(world, record.id)).filter((e) => e.type === 'overdue');
    expect(event?.data).toMatchObject({ action: 'marked-overdue', reason: 'not-public' });
  });

  it('marks a public record overdue when auto-publishing is switched off', async () => {
    const world = timerWorld(store, shanghai('2026-08-03T10:00:00'), { autoPublish: false });
    const { record } = await register(world, { decisionDate: '2026-08-03' });

    world.time.set(shanghai('2026-08-13T00:05:00'));
    await world.sweep('disclosure-deadlines');

    expect(await world.records.get(record.id)).toMatchObject({
      status: 'registered',
      overdue: expect.any(Object),
    });
  });
});

describe('the publication period', () => {
  it('ends a general penalty one year after its decision, by itself, with an event', async () => {
    const world = timerWorld(store, shanghai('2026-05-12T10:00:00'));
    const { record } = await world.useCases.register(
      { uscc: AGENCY },
      penaltyInput({ decisionDate: '2026-05-10' }),
      {
        publish: true,
        actor: AGENCY_ACTOR,
      },
    );

    world.time.set(shanghai('2027-05-10T23:59:00'));
    const before = await world.sweep('publication-expiry');
    world.time.set(shanghai('2027-05-11T00:10:00'));
    const at = await world.sweep('publication-expiry');

    expect(before.actions.expired).toBeUndefined();
    expect(at.actions.expired).toBe(1);
    expect(await world.records.get(record.id)).toMatchObject({
      status: 'published',
      publicationEnd: { reason: 'expired' },
    });
    expect((await eventsFor(world, record.id)).map((e) => e.type)).toContain('expired');
  });
});

describe('a calendar change', () => {
  it('moves an open deadline that depends on the year, records the move and tells the agency', async () => {
    const world = timerWorld(store, shanghai('2026-12-28T10:00:00'));
    const { record } = await register(world, { decisionDate: '2026-12-25' });
    // 2027 is provisional: 12/28, 29, 30, 31, (1/1 元旦), 1/4, 1/5, 1/6.
    expect(record.disclosure).toMatchObject({ due: '2027-01-06', provisional: true });

    await world.calendar.loadOfficialYear(
      2027,
      {
        holidays: [1, 2, 3, 4].map((d) => ({ date: `2027-01-0${d}`, name: '元旦' })),
        workdays: [],
        source: { title: '测试通知', urls: [] },
      },
      { actor: ADMIN_ACTOR },
    );
    const report = await world.sweep('deadline-recompute');
    const again = await world.sweep('deadline-recompute');

    expect(report.actions).toMatchObject({ recomputed: 1 });
    expect(again.actions.recomputed).toBeUndefined();
    const after = await world.records.get(record.id);
    expect(after?.disclosure).toMatchObject({ due: '2027-01-07', provisional: false });
    expect(after?.deadlineMoves).toEqual([
      expect.objectContaining({
        kind: 'disclosure-due',
        from: '2027-01-07T00:00:00+08:00',
        to: '2027-01-08T00:00:00+08:00',
      }),
    ]);
    expect((await eventsFor(world, record.id)).map((e) => e.type)).toContain('deadline-moved');
  });
});
