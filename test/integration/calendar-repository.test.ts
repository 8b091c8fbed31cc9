import { beforeAll, describe, expect, it } from 'vitest';
import { type Actor, firstBrokenLink } from '../../shared/domain/audit.ts';
import { officialYear } from '../../shared/domain/calendar/calendar-year.ts';
import { type CalendarRepository, calendarRepository } from '../../shared/store/calendar-repository.ts';
import { freshStore } from '../support/dynamodb.ts';

const ADMIN: Actor = { role: 'admin', id: 'credit-office' };
const AT = '2026-11-20T02:00:00.000Z';

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

// getYears and putYear are tested with the other repositories' methods (repositories.test.ts).
describe('calendar repository on DynamoDB Local', () => {
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
});
