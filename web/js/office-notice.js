/*
 * Reading a State Council holiday notice as a clerk types it: one holiday a line, its name
 * then its days ("春节 2月15日至2月23日", "元旦 1月1日", "国庆节 10-1至10-7"), and the 调休
 * working days as a list ("2月14日、2月28日"). Dates without a year belong to the notice's year.
 * Answers the PUT body's holidays and workdays, or the lines it cannot read.
 */

const pad = (n) => String(n).padStart(2, '0');

/** One day written as 1月1日, 1-1, 01-01, 1/1 or 2027-01-01. */
const DAY = String.raw`(?:(\d{4})\s*[年\-/.]\s*)?(\d{1,2})\s*[月\-/.]\s*(\d{1,2})\s*日?`;
const RANGE = new RegExp(
  String.raw`^${DAY}(?:\s*(?:至|到|~|～|—|–|-{1,2})\s*(?:(\d{1,2})\s*[月\-/.]\s*)?(\d{1,2})\s*日?)?$`,
);

function isoOf(year, month, day) {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return undefined;
  }
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** Every day of "2月15日至2月23日" (or one day), in `year`; undefined when unreadable. */
export function daysOf(text, year) {
  const m = RANGE.exec(text.trim());
  if (!m) return undefined;
  const y = m[1] ? Number(m[1]) : year;
  const first = isoOf(y, Number(m[2]), Number(m[3]));
  if (!first) return undefined;
  if (!m[5]) return [first];
  const last = isoOf(y, Number(m[4] ?? m[2]), Number(m[5]));
  if (!last || last < first) return undefined;
  const days = [];
  for (let d = new Date(`${first}T00:00:00Z`); ; d.setUTCDate(d.getUTCDate() + 1)) {
    const iso = d.toISOString().slice(0, 10);
    days.push(iso);
    if (iso === last || days.length > 31) break;
  }
  return days.length > 31 ? undefined : days;
}

/** The holidays of the textarea: `{ holidays, errors: [line numbers] }`. */
export function readHolidays(text, year) {
  const holidays = [];
  const errors = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return;
    const m = /^(\S+?)[：:\s]+(.+)$/.exec(line);
    const days = m ? daysOf(m[2].replace(/[，,、；;。]$/, ''), year) : undefined;
    if (!m || !days) errors.push(i + 1);
    else for (const date of days) holidays.push({ date, name: m[1] });
  });
  return { holidays, errors };
}

/** The 调休 working days: "2月14日、2月28日" or one a line; `{ workdays, errors: [texts] }`. */
export function readWorkdays(text, year) {
  const workdays = [];
  const errors = [];
  for (const part of text.split(/[\n、，,；;]+/)) {
    const item = part.trim();
    if (!item) continue;
    const days = daysOf(item, year);
    if (days?.length === 1) workdays.push(days[0]);
    else errors.push(item);
  }
  return { workdays, errors };
}
