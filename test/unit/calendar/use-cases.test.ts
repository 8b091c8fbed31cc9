import { describe, expect, it } from 'vitest';
import type { Actor } from '../../../shared/domain/audit.ts';
import { officialYearBody } from '../../support/calendar-builders.ts';
import { domainWorld } from '../../support/domain-world.ts';

const OFFICE: Actor = { role: 'admin', id: 'credit-office' };
const load = (world: ReturnType<typeof domainWorld>, year: number, body: unknown, ifMatch?: number) =>
  world.calendar.loadOfficialYear(year, body as never, { actor: OFFICE, ifMatch });

describe('the calendar use cases', () => {
  it('shows a year without a notice as provisional, from the statutory rules, and a seeded year as seed', async () => {
    const world = domainWorld();

    const provisional = await world.calendar.getYear(2027);
    const seeded = await world.calendar.getYear(2026);

    expect(provisional).toMatchObject({ origin: 'statutory-rules', year: { status: 'provisional' } });
    expect(seeded).toMatchObject({ origin: 'seed', year: { status: 'official' } });
  });

  it('loads an official year, which deadlines then use at once', async () => {
    const world = domainWorld();
    const before = await world.calendar.deadline('2027-12-24', 10);

    const loaded = await load(
      world,
      2028,
      officialYearBody(2028, { holidays: [{ date: '2028-01-03', name: '元旦' }] }),
    );
    const after = await world.calendar.deadline('2027-12-24', 10);

    expect(loaded).toMatchObject({
      created: true,
      origin: 'loaded',
      version: 1,
      year: { status: 'official' },
    });
    expect(before.provisional).toBe(true);
    expect(after.skipped).toContainEqual({ date: '2028-01-03', reason: 'holiday', name: '元旦' });
  });

  it('replaces a loaded year when If-Match names the current version, and refuses a stale one', async () => {
    const world = domainWorld();
    await load(world, 2032, officialYearBody(2032));

    const replaced = await load(world, 2032, officialYearBody(2032), 1);
    const stale = load(world, 2032, officialYearBody(2032), 1);
    const notFirst = load(world, 2032, officialYearBody(2032), 0);

    expect(replaced).toMatchObject({ created: false, version: 2 });
    await expect(stale).rejects.toMatchObject({ code: 'calendar_version_mismatch', field: 'if-match' });
    await expect(notFirst).rejects.toMatchObject({ code: 'calendar_version_mismatch' });
    expect((await world.calendar.getYear(2032)).version).toBe(2);
  });

  it('refuses a deadline from outside the supported years, naming the start date', async () => {
    const world = domainWorld();

    await expect(world.calendar.deadline('1999-12-31', 3)).rejects.toMatchObject({
      code: 'year_out_of_range',
      field: 'from',
    });
  });
});
