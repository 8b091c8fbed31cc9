/**
 * EventBridge cron expressions — `cron(minutes hours day-of-month month day-of-week year)` —
 * evaluated in a fixed-offset zone, so the local runtime fires the schedules the CDK stack
 * declares at the same moments. Supported: `*`, `?`, numbers, `a-b`, `a,b`, `x/step`,
 * `*\/step`, and MON–SUN/JAN–DEC names. Not supported (refused): L, W and #.
 */

const DAY_NAMES = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];
const MONTH_NAMES = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];

interface Field {
  readonly any: boolean;
  readonly values: ReadonlySet<number>;
}

export interface Cron {
  readonly minutes: Field;
  readonly hours: Field;
  readonly dayOfMonth: Field;
  readonly month: Field;
  /** 1 = Sunday … 7 = Saturday, as EventBridge counts. */
  readonly dayOfWeek: Field;
  readonly year: Field;
}

function field(text: string, min: number, max: number, names: readonly string[] = [], nameBase = min): Field {
  if (text === '*' || text === '?') return { any: true, values: new Set() };
  const values = new Set<number>();
  const number = (token: string) => {
    const named = names.indexOf(token.toUpperCase());
    const value = named >= 0 ? named + nameBase : Number(token);
    if (!Number.isInteger(value) || value < min || value > max)
      throw new Error(`cron: ${token} is not in ${min}–${max}`);
    return value;
  };
  for (const part of text.split(',')) {
    if (/[LW#]/.test(part)) throw new Error(`cron: ${part} is not supported here`);
    const [range = '', stepText] = part.split('/');
    const step = stepText === undefined ? 1 : Number(stepText);
    if (!Number.isInteger(step) || step < 1) throw new Error(`cron: bad step in ${part}`);
    const [fromText = '', toText] = range.split('-');
    const from = range === '*' ? min : number(fromText);
    const to = toText !== undefined ? number(toText) : stepText !== undefined || range === '*' ? max : from;
    for (let v = from; v <= to; v += step) values.add(v);
  }
  return { any: false, values };
}

export function parseCron(expression: string): Cron {
  const match = /^cron\((.+)\)$/.exec(expression.trim());
  const parts = match?.[1]?.trim().split(/\s+/) ?? [];
  if (parts.length !== 6)
    throw new Error(`cron: expected cron(min hour dom month dow year), got ${expression}`);
  const [mi, h, dom, mo, dow, y] = parts as [string, string, string, string, string, string];
  return {
    minutes: field(mi, 0, 59),
    hours: field(h, 0, 23),
    dayOfMonth: field(dom, 1, 31),
    month: field(mo, 1, 12, MONTH_NAMES, 1),
    dayOfWeek: field(dow, 1, 7, DAY_NAMES, 1),
    year: field(y, 1970, 2199),
  };
}

const matches = (f: Field, v: number) => f.any || f.values.has(v);

/** The first minute strictly after `after` that the expression fires, in a zone `offsetMinutes` east of UTC. */
export function nextFire(cron: Cron, after: Date, offsetMinutes: number): Date {
  const offsetMs = offsetMinutes * 60_000;
  let t = Math.floor((after.getTime() + offsetMs) / 60_000 + 1) * 60_000; // local wall time, next whole minute
  const limit = t + 400 * 24 * 60 * 60_000;
  while (t < limit) {
    const d = new Date(t);
    if (
      matches(cron.year, d.getUTCFullYear()) &&
      matches(cron.month, d.getUTCMonth() + 1) &&
      matches(cron.dayOfMonth, d.getUTCDate()) &&
      matches(cron.dayOfWeek, d.getUTCDay() + 1)
    ) {
      if (matches(cron.hours, d.getUTCHours()) && matches(cron.minutes, d.getUTCMinutes()))
        return new Date(t - offsetMs);
      t += 60_000;
    } else {
      t = (Math.floor(t / 86_400_000) + 1) * 86_400_000; // skip to the next day
    }
  }
  throw new Error('cron: no time matches within 400 days');
}
