/**
 * Regenerates the calendar seed data in shared/domain/calendar/ from the npm package
 * `chinese-days` (MIT), and cross-checks it against the holiday-cn dataset when the team
 * handbook (../shared/data/holiday-cn) sits beside the repository.
 *
 *   npx tsx scripts/generate-calendar-data.ts
 *
 * The output is committed; the service never needs chinese-days at run time.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';

// chinese-days reads and formats dates in the process's zone, some of it at import time,
// so the zone is set before the package is loaded.
process.env.TZ = 'Asia/Shanghai';
const { default: chineseDays } = await import('chinese-days');

const require = createRequire(import.meta.url);
const raw = require('chinese-days/dist/chinese-days.json') as Record<
  'holidays' | 'workdays',
  Record<string, string>
>;
const handbook = resolve(import.meta.dirname, '../../shared/data/holiday-cn');
const out = resolve(import.meta.dirname, '../shared/domain/calendar');

// chinese-days shortens some names; the notices and the statutory rules use the full ones.
const FULL_NAMES: Record<string, string> = { 清明: '清明节', 端午: '端午节', 中秋: '中秋节' };
const nameOf = (value: string): string => {
  const name = value.split(',')[1] ?? value;
  return FULL_NAMES[name] ?? name;
};
const papersOf = (year: number): string[] => {
  const file = resolve(handbook, `${year}.json`);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')).papers as string[]) : [];
};

const years: Record<string, unknown> = {};
for (let year = 2004; year <= 2026; year++) {
  const inYear = (date: string) => date.startsWith(`${year}-`);
  const holidays = Object.entries(raw.holidays)
    .filter(([date]) => inYear(date))
    .map(([date, value]) => ({ date, name: nameOf(value) }))
    .sort((a, b) => a.date.localeCompare(b.date));
  const workdays = Object.keys(raw.workdays).filter(inYear).sort();
  years[year] = {
    source: { title: `国务院办公厅关于${year}年部分节假日安排的通知`, urls: papersOf(year) },
    holidays,
    workdays,
  };
  crossCheck(year, holidays, workdays);
}
writeFileSync(resolve(out, 'official-years.json'), `${JSON.stringify(years, null, 2)}\n`);

// holiday-cn files are keyed by notice, and a notice may cover the turn of the year, so the
// comparison runs on the union of its files. The two differ in which weekend days inside a
// holiday block they list (2011-06-05, 2014-04-06), so what is compared is whether each day
// of the year is worked.
function crossCheck(year: number, holidays: { date: string }[], workdays: string[]): void {
  if (year < 2007 || !existsSync(handbook)) return; // holiday-cn starts with the 2007 notice
  const theirs = new Map(handbookDays().map((d) => [d.date, !d.isOffDay]));
  const off = new Set(holidays.map((h) => h.date));
  const worked = new Set(workdays);
  for (let t = Date.UTC(year, 0, 1); t < Date.UTC(year + 1, 0, 1); t += 86_400_000) {
    const date = new Date(t).toISOString().slice(0, 10);
    const ordinary = ![0, 6].includes(new Date(t).getUTCDay());
    const ours = worked.has(date) || (ordinary && !off.has(date));
    if (ours !== (theirs.get(date) ?? ordinary)) throw new Error(`holiday-cn disagrees on ${date}`);
  }
}

function handbookDays(): { date: string; isOffDay: boolean }[] {
  const all: { date: string; isOffDay: boolean }[] = [];
  for (let year = 2007; year <= 2026; year++) {
    const file = resolve(handbook, `${year}.json`);
    if (existsSync(file)) all.push(...JSON.parse(readFileSync(file, 'utf8')).days);
  }
  return all;
}

// Lunar festivals and 清明 for the years that may have to be computed provisionally.
const festivals: Record<string, unknown> = {};
for (let year = 2027; year <= 2099; year++) {
  const lunar = (monthDay: string) => chineseDays.getSolarDateFromLunar(`${year}-${monthDay}`).date;
  festivals[year] = {
    springFestival: lunar('01-01'),
    qingming: chineseDays.getSolarTermDate(year, 4, 'pure_brightness'),
    dragonBoat: lunar('05-05'),
    midAutumn: lunar('08-15'),
  };
}
writeFileSync(resolve(out, 'festival-dates.json'), `${JSON.stringify(festivals, null, 2)}\n`);
console.log(`wrote official years 2004–2026 and festival dates 2027–2099 to ${out}`);
