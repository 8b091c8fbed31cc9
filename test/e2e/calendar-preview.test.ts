import { officialYearBody } from '../support/calendar-builders.ts';
import { describe, expect, it } from '../support/e2e.ts';
import { call, expectProblem } from '../support/http.ts';
import { penaltyInput } from '../support/record-builders.ts';
import { timerWorld } from '../support/timers.ts';

/** Monday 4 January 2027 off as well: deadlines counted over it move one working day later. */
const january4Off = () =>
  officialYearBody(2027, {
    holidays: [
      { date: '2027-01-01', name: '元旦' },
      { date: '2027-01-04', name: '元旦' },
    ],
  });

describe('POST /v1/calendar/{year}/preview', () => {
  it('lists the deadlines a 2027 notice would move, writes nothing, and loading it moves exactly those', async ({
    service,
    store,
    admin,
    agency,
  }) => {
    // Decisions of late December 2026 cannot be registered through HTTP before the day, so
    // they are registered through the use cases on a clock of that day, into the same table.
    const world = timerWorld(store, '2026-12-30T10:00:00+08:00');
    const register = async (decisionDate: string) =>
      (
        await world.useCases.register({ uscc: agency.uscc }, penaltyInput({ decisionDate }) as never, {
          publish: false,
          actor: { role: 'agency', id: agency.uscc },
        })
      ).record;
    const moving = await register('2026-12-28');
    const alsoMoving = await register('2026-12-30');
    const notMoving = await register('2026-11-02');

    const preview = await call(service.url, 'POST', '/v1/calendar/2027/preview', {
      token: admin,
      body: january4Off(),
    });

    expect(preview.status).toBe(200);
    expect(preview.json).toMatchObject({ year: 2027, truncated: false });
    const moves = preview.json.moves.filter((m: { id: string }) =>
      [moving.id, alsoMoving.id, notMoving.id].includes(m.id),
    );
    expect(moves).toContainEqual({
      kind: 'disclosure-due',
      id: moving.id,
      agency: agency.uscc,
      oldDue: '2027-01-07',
      newDue: '2027-01-08',
    });
    expect(moves.map((m: { id: string }) => m.id).sort()).toEqual([moving.id, alsoMoving.id].sort());
    const calendar = await call(service.url, 'GET', '/v1/calendar/2027');
    expect(calendar.json).toMatchObject({ provisional: true, origin: 'statutory-rules' });
    expect((await world.records.get(moving.id))?.disclosure.due).toBe('2027-01-07');

    const loaded = await call(service.url, 'PUT', '/v1/calendar/2027', {
      token: admin,
      body: january4Off(),
      headers: { 'if-match': calendar.headers.get('etag') ?? '' },
    });
    expect(loaded.status).toBe(201);
    await world.sweep('deadline-recompute');

    for (const move of moves) {
      expect((await world.records.get(move.id))?.disclosure.due).toBe(move.newDue);
    }
    expect((await world.records.get(notMoving.id))?.disclosure.due).toBe(notMoving.disclosure.due);
  });

  it('refuses what PUT refuses, with the same problem', async ({ service, admin }) => {
    const bad = officialYearBody(2031, { workdays: ['2031-01-06'] });

    const preview = await call(service.url, 'POST', '/v1/calendar/2031/preview', { token: admin, body: bad });
    const put = await call(service.url, 'PUT', '/v1/calendar/2031', { token: admin, body: bad });

    expectProblem(preview, 400, 'workday_not_weekend');
    expect(preview.json.field).toBe(put.json.field);
    expect(preview.json.code).toBe(put.json.code);
    expect(put.status).toBe(400);
  });
});
