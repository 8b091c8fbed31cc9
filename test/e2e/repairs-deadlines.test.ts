import { describe, expect, it, type TestService, type World } from '../support/e2e.ts';
import { APPROVE, dueAfter, REFUSE_REPAIR } from '../support/workflow-mothers.ts';

const MINUTE = 60_000;
/** Runs the repair sweep as if the clock read `offsetMs` after `instant`. */
const sweepAt = (service: TestService, instant: string, offsetMs: number) =>
  service.sweeps('repair-deadlines', { clock: () => new Date(Date.parse(instant) + offsetMs) });

/** A new repair application for a new repairable penalty: its id and decision due instant. */
async function filed({ api, agency, entity }: Pick<World, 'api' | 'agency' | 'entity'>) {
  const id = await api.repaired(entity, await api.publishedPenalty(agency, entity));
  const { json } = await api.repair(entity.token, id);
  return {
    id,
    dueAt: json.deadline.dueAt as string,
    due: json.deadline.due as string,
    filedAt: json.filedAt,
  };
}

const escalatedIds = async ({ api, admin }: Pick<World, 'api' | 'admin'>, kind = 'repair') =>
  (await api.list(admin, `/v1/admin/escalations?kind=${kind}`)).map((r) => r.id);
const escalationEvents = async ({ api, admin }: Pick<World, 'api' | 'admin'>, id: string) =>
  (await api.list(admin, '/v1/admin/events?type=repair-escalated')).filter((e) => e.subject.id === id);

describe('the repair-deadlines sweep', () => {
  let overdue: Awaited<ReturnType<typeof filed>>;

  it('gives the agency 3 working days and leaves the application alone until then', async ({
    service,
    api,
    agency,
    entity,
    admin,
  }) => {
    overdue = await filed({ api, agency, entity });

    await sweepAt(service, overdue.dueAt, -MINUTE);

    expect(overdue.due).toBe(await dueAfter(service, overdue.filedAt, 3));
    expect((await api.repair(entity.token, overdue.id)).json.escalatedAt).toBeUndefined();
    expect(await escalatedIds({ api, admin })).not.toContain(overdue.id);
  });

  it('escalates it once the due instant has passed: the admin lists it (kind=repair) and an event is written', async ({
    service,
    api,
    agency,
    entity,
    admin,
  }) => {
    const report = await sweepAt(service, overdue.dueAt, MINUTE);

    expect(report.actions.escalated).toBeGreaterThanOrEqual(1);
    expect((await api.repair(entity.token, overdue.id)).json).toMatchObject({
      status: 'pending',
      escalatedAt: expect.any(String),
    });
    expect(await escalatedIds({ api, admin })).toContain(overdue.id);
    expect(await escalatedIds({ api, admin }, 'objection')).not.toContain(overdue.id);
    expect(await escalationEvents({ api, admin }, overdue.id)).toEqual([
      expect.objectContaining({
        subject: expect.objectContaining({ kind: 'repair', agency: agency.uscc, entity: entity.uscc }),
      }),
    ]);
  });

  it('escalates it only once however often the sweep runs', async ({ service, api, admin }) => {
    const reports = [
      await sweepAt(service, overdue.dueAt, MINUTE),
      await sweepAt(service, overdue.dueAt, 60 * MINUTE),
    ];

    expect(reports.map((r) => r.actions.escalated ?? 0)).toEqual([0, 0]);
    expect(await escalationEvents({ api, admin }, overdue.id)).toHaveLength(1);
  });

  it('escalates once when two sweeps run at the same moment', async ({
    service,
    api,
    agency,
    entity,
    admin,
  }) => {
    const late = await filed({ api, agency, entity });

    const reports = await Promise.all([
      sweepAt(service, late.dueAt, MINUTE),
      sweepAt(service, late.dueAt, MINUTE),
    ]);

    expect(reports.reduce((sum, r) => sum + (r.actions.escalated ?? 0), 0)).toBe(1);
    expect(await escalationEvents({ api, admin }, late.id)).toHaveLength(1);
    expect(await escalatedIds({ api, admin })).toContain(late.id);
  });

  it('takes it off the admin list once the agency decides it, late as it is', async ({
    api,
    agency,
    admin,
  }) => {
    const decided = await api.decideRepair(agency.token, overdue.id, APPROVE);

    expect(decided.status).toBe(200);
    expect(await escalatedIds({ api, admin })).not.toContain(overdue.id);
  });

  it('never escalates an application decided in time', async ({ service, api, agency, entity, admin }) => {
    const onTime = await filed({ api, agency, entity });
    await api.decideRepair(agency.token, onTime.id, REFUSE_REPAIR);

    await sweepAt(service, onTime.dueAt, MINUTE);

    expect((await api.repair(entity.token, onTime.id)).json.escalatedAt).toBeUndefined();
    expect(await escalationEvents({ api, admin }, onTime.id)).toEqual([]);
  });
});
