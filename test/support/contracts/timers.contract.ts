import { describe, expect, it } from 'vitest';
import type { Actor } from '../../../shared/domain/audit.ts';
import { officialYear } from '../../../shared/domain/calendar/calendar-year.ts';
import type { StoredCalendarYear } from '../../../shared/domain/calendar/ports.ts';
import type { DeadlineKind, DueDeadline } from '../../../shared/domain/deadlines/kinds.ts';
import type { DueDeadlinesPort } from '../../../shared/domain/deadlines/sweep.ts';
import { penaltyInput } from '../record-builders.ts';
import { anAgency } from '../record-mothers.ts';
import { newRecord } from './aggregates.ts';
import type { MakePorts } from './ports.ts';

const OFFICE: Actor = { role: 'admin', id: 'credit-office' };

/** A stored year as compared here: the chain head by its link (seq, hash) only. */
const asRead = (stored: StoredCalendarYear) => ({
  ...stored,
  head: { seq: stored.head.seq, hash: stored.head.hash },
});

async function dueNow(deadlines: DueDeadlinesPort, kind: DeadlineKind, now: string, pageSize = 25) {
  const pages: DueDeadline[][] = [];
  for await (const page of deadlines.due(kind, new Date(now), pageSize)) pages.push([...page]);
  return pages;
}

const yearOf = (year: number) =>
  officialYear(year, {
    holidays: [{ date: `${year}-01-01`, name: '元旦' }],
    workdays: [],
    source: { title: `国务院办公厅关于${year}年部分节假日安排的通知`, urls: ['https://www.gov.cn/zhengce/'] },
  });

/**
 * What the timers rely on of the open-deadline index and of the calendar store. Run against
 * the in-memory fakes and the DynamoDB repositories.
 */
export function timerPortsContract(makePorts: MakePorts): void {
  describe('DueDeadlinesPort', () => {
    it('due: the open deadlines of one kind due by now, in pages; nothing later, nothing of another kind', async () => {
      const { records, deadlines } = await makePorts();
      const agency = anAgency();
      const made = ['2026-09-28', '2026-09-21', '2026-10-09'].map((decisionDate) =>
        newRecord(penaltyInput({ decisionDate }), { agency }),
      );
      for (const { record, audit } of made) await records.create(record, audit);
      const [sep28, sep21] = made.map((m) => m.record);

      const pages = await dueNow(deadlines, 'disclosure-due', '2026-10-14T00:00:00+08:00', 1);

      // The index is sharded, each shard read oldest first: the order across shards is not promised.
      const due = pages.flat().sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt));
      expect(due).toEqual(
        [sep21, sep28].map((r) =>
          expect.objectContaining({ kind: 'disclosure-due', subjectId: r?.id, dueAt: r?.disclosure.dueAt }),
        ),
      );
      expect(pages.every((page) => page.length === 1)).toBe(true);
      expect((await dueNow(deadlines, 'publication-expiry', '2026-10-14T00:00:00+08:00')).flat()).toEqual([]);
    });

    it('deadLetter and discard take an item out of the sweep’s way', async () => {
      const { records, deadlines } = await makePorts();
      const made = ['2026-09-21', '2026-09-22'].map((decisionDate) =>
        newRecord(penaltyInput({ decisionDate })),
      );
      for (const { record, audit } of made) await records.create(record, audit);
      const now = '2026-10-20T00:00:00+08:00';
      const [parked, dropped] = (await dueNow(deadlines, 'disclosure-due', now)).flat();

      await deadlines.deadLetter(
        'disclosure-deadlines',
        parked as DueDeadline,
        'Error: broken',
        new Date(now),
      );
      await deadlines.discard(dropped as DueDeadline);

      expect((await dueNow(deadlines, 'disclosure-due', now)).flat()).toEqual([]);
    });
  });

  describe('CalendarStore', () => {
    it('getYears: only the years loaded; putYear: version 1, then 2 over the copy read', async () => {
      const { calendars } = await makePorts();
      const change = { actor: OFFICE, at: '2026-11-05T02:00:00.000Z' };

      const first = await calendars.putYear(yearOf(2030), undefined, change);
      const second = await calendars.putYear(yearOf(2030), first, change);

      expect(first).toMatchObject({ version: 1, year: { year: 2030, status: 'official' } });
      expect(second.version).toBe(2);
      expect((await calendars.getYears([2029, 2030])).map(asRead)).toEqual([asRead(second)]);
    });

    it('putYear refuses a copy someone else replaced meanwhile, and a second first load', async () => {
      const { calendars } = await makePorts();
      const change = { actor: OFFICE, at: '2026-11-05T02:00:00.000Z' };
      const first = await calendars.putYear(yearOf(2031), undefined, change);
      const theirs = await calendars.putYear(yearOf(2031), first, change);

      await expect(calendars.putYear(yearOf(2031), first, change)).rejects.toMatchObject({
        code: 'calendar_changed',
      });
      await expect(calendars.putYear(yearOf(2031), undefined, change)).rejects.toMatchObject({
        code: 'calendar_changed',
      });
      expect((await calendars.getYears([2031])).map(asRead)).toEqual([asRead(theirs)]);
    });

    it('putYear opens a recompute job, due at once, for the deadlines that depend on the year', async () => {
      const { calendars, deadlines } = await makePorts();

      await calendars.putYear(yearOf(2032), undefined, { actor: OFFICE, at: '2026-11-05T02:00:00.000Z' });

      expect((await dueNow(deadlines, 'calendar-recompute', '2026-11-05T02:00:00.000Z')).flat()).toEqual([
        expect.objectContaining({ kind: 'calendar-recompute', subjectId: 'calendar-2032-v1' }),
      ]);
    });
  });
}
