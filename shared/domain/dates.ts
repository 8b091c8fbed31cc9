/**
 * Calendar dates as `YYYY-MM-DD` strings, always meant in Asia/Shanghai.
 *
 * Arithmetic runs on UTC midnights so the server's own time zone never leaks in.
 * China has kept UTC+8 without daylight saving since 1991, so a fixed offset is exact
 * for every date this service handles.
 */

export type IsoDate = string;

export const SHANGHAI_OFFSET = '+08:00';
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `value` is a real calendar date written as `YYYY-MM-DD` (no 2026-02-30). */
export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function toUtcMidnight(date: IsoDate): number {
  if (!isIsoDate(date)) throw new RangeError(`not a date: ${date}`);
  return Date.parse(`${date}T00:00:00Z`);
}

function fromUtcMidnight(ms: number): IsoDate {
  return new Date(ms).toISOString().slice(0, 10);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromUtcMidnight(toUtcMidnight(date) + days * DAY_MS);
}

/** Whole days from `a` to `b` (positive when `b` is later). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return Math.round((toUtcMidnight(b) - toUtcMidnight(a)) / DAY_MS);
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: IsoDate): number {
  return new Date(toUtcMidnight(date)).getUTCDay();
}

export function isWeekend(date: IsoDate): boolean {
  const day = dayOfWeek(date);
  return day === 0 || day === 6;
}

export function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}

/** The Asia/Shanghai calendar date at `instant`. */
export function shanghaiDate(instant: Date): IsoDate {
  return fromUtcMidnight(Math.floor((instant.getTime() + SHANGHAI_OFFSET_MS) / DAY_MS) * DAY_MS);
}

/** An instant written in Asia/Shanghai time, `2026-11-26T02:00:00+08:00`: comparable as text with dueAt values. */
export function shanghaiTimestamp(instant: Date): string {
  const local = new Date(instant.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 19);
  return `${local}${SHANGHAI_OFFSET}`;
}

/** The instant a day starts in Asia/Shanghai, e.g. `2026-10-16T00:00:00+08:00`. */
export function startOfShanghaiDay(date: IsoDate): string {
  toUtcMidnight(date);
  return `${date}T00:00:00${SHANGHAI_OFFSET}`;
}

/** The instant a day ends (24:00 Asia/Shanghai), written as the start of the next day. */
export function endOfShanghaiDay(date: IsoDate): string {
  return startOfShanghaiDay(addDays(date, 1));
}

/** Every date from `from` to `to`, both included. */
export function datesInRange(from: IsoDate, to: IsoDate): IsoDate[] {
  const out: IsoDate[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}
