import { describe, expect, it, type TestService, type World } from '../support/e2e.ts';
import { REJECT } from '../support/workflow-mothers.ts';

const MINUTE = 60_000;
/** Runs the objection sweep as if the clock read `offsetMs` after `instant`. */
const sweepAt = (service: TestService, instant: string, offsetMs: number) =>
  service.sweeps('objection-deadlines', { clock: () => new Date(Date.parse(instant) + offsetMs) });

/** A new objection to a new published penalty: its id and handling due instant. */
async function filed({ api, agency, entity }: Pick<World, 'api' | 'agency' | 'entity'>) {
  const id = await api.objected(entity, await api.publishedPenalty(agency, entity));
  const { json } = await api.objection(entity.token, id);
  return { id, dueAt: json.deadline.dueAt as string };
}

const escalatedIds = async ({ api, admin }: Pick<World, 'api' | 'admin'>, kind = 'objection') =>
  (await api.list(admin, `/v1/admin/escalations?kind=${kind}`)).map((o) => o.id);
const escalationEvents = async ({ api, admin }: Pick<World, 'api' | 'admin'>, id: string) =>
  (await api.list(admin, '/v1/admin/events?type=objection-escalated')).filter((e) => e.subject.id === id);

describe("the agency's list of overdue objections", () => {
  it('holds only objections past their due instant, not one filed today', async ({ api, agency, entity }) => {
    const fresh = await filed({ api, agency, entity });

    const [pending, overdue] = await Promise.all([
      api.list(agency.token, '/v1/agency/objections?status=pending'),
      api.list(agency.token, '/v1/agency/objections?status=pending&overdue=true'),
    ]);

    expect(pending.map((o) => o.id)).toContain(fresh.id);
    expect(overdue.map((o) => o.id)).not.toContain(fresh.id);
    for (const o of overdue) expect(Date.parse(o.deadline.dueAt)).toBeLessThan(Date.now());
  });
});

describe('the objection-deadlines sweep', () => {
  let overdue: { id: string; dueAt: string };

  it('leaves an objection alone until its due instant has passed', async ({
    service,
    api,
    agency,
    entity,
    admin,
  }) => {
    overdue = await filed({ api, agency, entity });

    await sweepAt(service, overdue.dueAt, -MINUTE);

    expect((await api.objection(entity.token, overdue.id)).json.escalatedAt).toBeUndefined();
    expect(await escalatedIds({ api, admin })).not.toContain(overdue.id);
  });

  it('escalates it once its due instant has passed: the admin lists it and an event is written', async ({
    service,
    api,
    agency,
    entity,
    admin,
  }) => {
    const report = await sweepAt(service, overdue.dueAt, MINUTE);

    const seen = await api.objection(entity.token, overdue.id);
    expect(report.actions.escalated).toBeGreaterThanOrEqual(1);
    expect(seen.json).toMatchObject({ status: 'pending', escalatedAt: expect.any(String) });
    expect(await escalatedIds({ api, admin })).toContain(overdue.id);
    expect(await escalatedIds({ api, admin }, 'repair')).not.toContain(overdue.id);
    expect(await escalationEvents({ api, admin }, overdue.id)).toEqual([
      expect.objectContaining({
        subject: expect.objectContaining({ kind: 'objection', agency: agency.uscc, entity: entity.uscc }),
        data: expect.objectContaining({ dueAt: overdue.dueAt }),
      }),
    ]);
  });

  it('escalates it only once however often the sweep runs', async ({ service, api, entity, admin }) => {
    const before = (await api.objection(entity.token, overdue.id)).json.escalatedAt;

    const reports = [
      await sweepAt(service, overdue.dueAt, MINUTE),
      await sweepAt(service, overdue.dueAt, 60 * MINUTE),
    ];

    expect(reports.map((r) => r.actions.escalated ?? 0)).toEqual([0, 0]);
    expect((await api.objection(entity.token, overdue.id)).json.escalatedAt).toBe(before);
    expect(await escalationEvents({ api, admin }, overdue.id)).toHaveLength(1);
  });

  it('takes it off the admin list once the agency decides it, late as it is', async ({
    api,
    agency,
    admin,
  }) => {
    const decided = await api.decideObjection(agency.token, overdue.id, REJECT);

    expect(decided.status).toBe(200);
    expect(await escalatedIds({ api, admin })).not.toContain(overdue.id);
  });

  it('never escalates an objection decided in time', async ({ service, api, agency, entity, admin }) => {
    const onTime = await filed({ api, agency, entity });
    await api.decideObjection(agency.token, onTime.id, REJECT);

    await sweepAt(service, onTime.dueAt, MINUTE);

    expect((await api.objection(entity.token, onTime.id)).json.escalatedAt).toBeUndefined();
    expect(await escalationEvents({ api, admin }, onTime.id)).toEqual([]);
  });

  it('gives an objection accepted as needing another unit until its 7-day limit before escalating it', async ({
    service,
    api,
    agency,
    entity,
    admin,
  }) => {
    const objection = await filed({ api, agency, entity });
    const accepted = await api.accept(agency, objection.id, true);
    const longer = accepted.json.deadline.dueAt as string;

    await sweepAt(service, objection.dueAt, MINUTE);
    const atThreeDays = await api.objection(entity.token, objection.id);
    await sweepAt(service, longer, MINUTE);
    const atSevenDays = await api.objection(entity.token, objection.id);

    expect(Date.parse(longer)).toBeGreaterThan(Date.parse(objection.dueAt));
    expect(atThreeDays.json.escalatedAt).toBeUndefined();
    expect(atSevenDays.json.escalatedAt).toEqual(expect.any(String));
    expect(await escalationEvents({ api, admin }, objection.id)).toHaveLength(1);
  });
});
