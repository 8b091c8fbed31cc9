import { beforeAll, describe, expect, it } from 'vitest';
import { type Actor, firstBrokenLink } from '../../shared/domain/audit.ts';
import { officialYear } from '../../shared/domain/calendar/calendar-year.ts';
import { makeCalendarUseCases } from '../../shared/domain/calendar/use-cases.ts';
import { ConflictError, StaleVersionError } from '../../shared/domain/errors.ts';
import { type CalendarRepository, calendarRepository } from '../../shared/store/calendar-repository.ts';
import { freshStore } from '../support/dynamodb.ts';

const ADMIN: Actor = { role: 'admin', id: 'credit-office' };
const AT = '2026-11-20T02:00:00.000Z';
const clock = () => new Date(AT);

function year(n: number, holidayDay = '01') {
  return officialYear(n, {
    holidays: [{ date: `${n}-01-${holidayDay}`, name: '元旦' }],
    workdays: [],
    source: { title: `notice ${n}`, urls: [] },
  });
}

let repository: CalendarRepository;

beforeAll(async () => {
  repository = calendarRepository(await freshStore());
});

describe('calendar repository on DynamoDB Local', () => {
  it('returns only the years that were loaded', async () => {
    await repository.putYear(year(2050), undefined, { actor: ADMIN, at: AT });

    const found = await repository.getYears([2050, 2051]);

    expect(found.map((s) => s.year.year)).toEqual([2050]);
    expect(found[0]).toMatchObject({ version: 1, updatedAt: AT, year: year(2050) });
  });

  it('writes an audit entry with every load, chained to the one before', async () => {
    const first = await repository.putYear(year(2052), undefined, { actor: ADMIN, at: AT });
    await repository.putYear(year(2052, '02'), first, { actor: ADMIN, at: AT });

    const trail = await repository.auditTrail(2052);

    expect(trail.map((e) => [e.seq, e.action])).toEqual([
      [1, 'calendar.loaded'],
      [2, 'calendar.replaced'],
    ]);
    expect(trail[1]?.prevHash).toBe(trail[0]?.hash);
    expect(firstBrokenLink(trail)).toBeUndefined();
    expect((await repository.getYears([2052]))[0]?.head).toEqual({ seq: 2, hash: trail[1]?.hash });
  });

  it('refuses a write over a copy someone else replaced meanwhile, and keeps theirs', async () => {
    const first = await repository.putYear(year(2053), undefined, { actor: ADMIN, at: AT });
    await repository.putYear(year(2053, '02'), first, { actor: ADMIN, at: AT });

    await expect(repository.putYear(year(2053, '03'), first, { actor: ADMIN, at: AT })).rejects.toThrow(
      ConflictError,
    );

    const [current] = await repository.getYears([2053]);
    expect(current?.version).toBe(2);
    expect(current?.year.holidays[0]?.date).toBe('2053-01-02');
    expect(await repository.auditTrail(2053)).toHaveLength(2);
  });

  it('refuses a second first load of the same year', async () => {
    await repository.putYear(year(2054), undefined, { actor: ADMIN, at: AT });

    await expect(repository.putYear(year(2054, '02'), undefined, { actor: ADMIN, at: AT })).rejects.toThrow(
      ConflictError,
    );
  });
});

describe('calendar use cases on DynamoDB Local', () => {
  it('computes a deadline with a year loaded in the table instead of the provisional one', async () => {
    const calendar = makeCalendarUseCases({ store: repository, clock });
    const provisional = await calendar.deadline('2055-12-30', 3);

    await calendar.loadOfficialYear(
      2056,
      {
        holidays: [{ date: '2056-01-03', name: '元旦' }],
        workdays: [],
        source: { title: 'notice 2056', urls: [] },
      },
      { actor: ADMIN },
    );
    const official = await calendar.deadline('2055-12-30', 3);

    expect(provisional).toMatchObject({ provisional: true });
    expect(official.skipped.map((d) => d.date)).toContain('2056-01-03');
    expect(official.due > provisional.due).toBe(true);
  });

  it('refuses a load whose If-Match version is not the current one', async () => {
    const calendar = makeCalendarUseCases({ store: repository, clock });
    const input = {
      holidays: [{ date: '2057-01-01', name: '元旦' }],
      workdays: [],
      source: { title: 't', urls: [] },
    };

    await expect(calendar.loadOfficialYear(2057, input, { actor: ADMIN, ifMatch: 3 })).rejects.toThrow(
      StaleVersionError,
    );
    expect(await repository.getYears([2057])).toEqual([]);
  });
});
