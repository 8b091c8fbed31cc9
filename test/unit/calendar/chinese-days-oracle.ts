import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface FestivalDates {
  springFestival: string;
  qingming: string;
  dragonBoat: string;
  midAutumn: string;
}

export interface ChineseDaysAnswers {
  /** The zone offset the oracle ran in, in minutes as `getTimezoneOffset` gives it. */
  timezoneOffset: number;
  /** Every date of the official years that chinese-days' `isWorkday` calls a working day. */
  workedDates: string[];
  festivals: Record<string, FestivalDates>;
}

/*
 * chinese-days is right only in Asia/Shanghai. It builds its holiday tables when it is
 * imported, parsing `2026-1-4` as UTC midnight and formatting it in the local zone, and
 * `getSolarTermDate` does the same on every call; west of UTC both answer for the day before.
 * So the oracle runs in a child process in Asia/Shanghai (the way the generator script runs
 * it), and the test process keeps the zone vitest gave it.
 */
const SCRIPT = `
const chineseDays = require('chinese-days');
const [firstOfficial, lastOfficial, firstFestival, lastFestival] = process.argv.slice(1).map(Number);
const workedDates = [];
for (let t = Date.UTC(firstOfficial, 0, 1); t < Date.UTC(lastOfficial + 1, 0, 1); t += 86400000) {
  const date = new Date(t).toISOString().slice(0, 10);
  if (chineseDays.isWorkday(date)) workedDates.push(date);
}
const festivals = {};
for (let year = firstFestival; year <= lastFestival; year++) {
  const lunar = (monthDay) => chineseDays.getSolarDateFromLunar(year + '-' + monthDay).date;
  festivals[year] = {
    springFestival: lunar('01-01'),
    qingming: chineseDays.getSolarTermDate(year, 4, 'pure_brightness'),
    dragonBoat: lunar('05-05'),
    midAutumn: lunar('08-15'),
  };
}
const timezoneOffset = new Date(Date.UTC(2026, 0, 1)).getTimezoneOffset();
process.stdout.write(JSON.stringify({ timezoneOffset, workedDates, festivals }));
`;

const repositoryRoot = fileURLToPath(new URL('../../..', import.meta.url));

/** What chinese-days says, asked in Asia/Shanghai, about the given official and festival years. */
export function askChineseDaysInShanghai(
  official: { first: number; last: number },
  festival: { first: number; last: number },
): ChineseDaysAnswers {
  const args = [official.first, official.last, festival.first, festival.last].map(String);
  const output = execFileSync(process.execPath, ['-e', SCRIPT, ...args], {
    cwd: repositoryRoot,
    env: { ...process.env, TZ: 'Asia/Shanghai' },
    encoding: 'utf8',
  });
  return JSON.parse(output) as ChineseDaysAnswers;
}
