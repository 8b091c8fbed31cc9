import { seededOfficialYear } from '../../shared/domain/calendar/seed.ts';
import { addWorkingDays, WorkingCalendar } from '../../shared/domain/calendar/working-days.ts';
import { addDays, yearOf } from '../../shared/domain/dates.ts';
import { describe, expect, it } from '../support/e2e.ts';
import { call, expectProblem } from '../support/http.ts';
import { penaltyInput } from '../support/record-builders.ts';
import { objectionBody, penaltyAgainst, repairBody, today } from '../support/workflow-mothers.ts';

/** The shipped calendar of this year and the next (the server loads the same seed). */
function calendarNow() {
  const year = yearOf(today());
  const years = [year, year + 1].map((y) => seededOfficialYear(y)).filter((y) => y !== undefined);
  return new WorkingCalendar(years);
}

/** A decision date whose 7-working-day publication deadline is the next working day. */
function decidedSoDueTomorrow(): string {
  const calendar = calendarNow();
  const next = addWorkingDays(calendar, today(), 1).due;
  for (let back = 0; back < 30; back++) {
    const date = addDays(today(), -back);
    if (addWorkingDays(calendar, date, 7).due === next) return date;
  }
  throw new Error('no decision date falls due on the next working day');
}

describe('GET /v1/agency/worklist', () => {
  it('lists what the agency must do, each with its deadline in working days', async ({
    service,
    api,
    parties,
    entity,
  }) => {
    const agency = await parties.agency();
    const post = (path: string, body: unknown) =>
      call(service.url, 'POST', path, { token: agency.token, body });
    const fresh = (await post('/v1/records', penaltyInput({ decisionDate: today() }))).json.id;
    const late = (await post('/v1/records', penaltyInput({ decisionDate: '2026-08-01' }))).json.id;
    const soon = (await post('/v1/records', penaltyInput({ decisionDate: decidedSoDueTomorrow() }))).json.id;
    const published = await api.register(agency, penaltyAgainst(entity.uscc));
    const objection = (await api.object(entity, objectionBody(published))).json.id;
    const repairable = await api.register(agency, penaltyAgainst(entity.uscc));
    const repair = (await api.fileRepair(entity, repairBody(repairable))).json.id;

    const answer = await call(service.url, 'GET', '/v1/agency/worklist', { token: agency.token });

    expect(answer.status).toBe(200);
    const { registered, dueSoon, overdue, objections, repairs } = answer.json;
    const ids = (s: { items: { id: string }[] }) => s.items.map((i) => i.id).sort();
    expect(answer.json.today).toBe(today());
    expect(ids(registered)).toEqual([fresh, late, soon].sort());
    expect(registered).toMatchObject({ count: 3, more: false });
    expect(ids(overdue)).toEqual([late]);
    expect(ids(dueSoon)).toEqual([soon]);
    expect(ids(objections)).toEqual([objection]);
    expect(ids(repairs)).toEqual([repair]);
    const item = (id: string) => registered.items.find((i: { id: string }) => i.id === id);
    expect(item(fresh).deadline).toEqual({
      due: addWorkingDays(calendarNow(), today(), 7).due,
      workingDaysLeft: 7,
      late: false,
    });
    expect(item(late).deadline).toMatchObject({ due: '2026-08-11', late: true });
    expect(item(late).deadline.workingDaysLeft).toBeLessThan(-50);
    expect(dueSoon.items[0].deadline).toMatchObject({ workingDaysLeft: 1, late: false });
    expect(objections.items[0]).toMatchObject({
      recordId: published,
      accepted: false,
      deadline: { workingDaysLeft: 3, late: false },
    });
  });

  it('shows at most 20 items of a list and says that more exist', async ({ service, parties }) => {
    const agency = await parties.agency();
    await Promise.all(
      Array.from({ length: 21 }, () =>
        call(service.url, 'POST', '/v1/records', { token: agency.token, body: penaltyInput() }),
      ),
    );

    const answer = await call(service.url, 'GET', '/v1/agency/worklist', { token: agency.token });

    expect(answer.json.registered).toMatchObject({ count: 20, more: true });
    expect(answer.json.registered.items).toHaveLength(20);
    expect(answer.json.objections).toEqual({ count: 0, more: false, items: [] });
  });

  it('refuses a query parameter it does not take', async ({ service, agency }) => {
    const answer = await call(service.url, 'GET', '/v1/agency/worklist?status=registered', {
      token: agency.token,
    });

    expectProblem(answer, 400, 'validation_failed', 'query.status');
  });
});
