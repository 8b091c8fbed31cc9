import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestService, type TestService } from '../support/local-service.ts';
import {
  APPROVE,
  anAgencyParty,
  anEntityParty,
  dueAfter,
  type Party,
  REFUSE_REPAIR,
  type WorkflowClient,
  workflowClient,
} from '../support/workflow-mothers.ts';

let service: TestService;
let api: WorkflowClient;
let agency: Party;
let entity: Party;
let admin: string;

beforeAll(async () => {
  service = await startTestService();
  api = workflowClient(service);
  [agency, entity, admin] = await Promise.all([
    anAgencyParty(service),
    anEntityParty(service),
    service.token('--role admin'),
  ]);
});
afterAll(() => service.stop());

const MINUTE = 60_000;
/** Runs the repair sweep as if the clock read `offsetMs` after `instant`. */
const sweepAt = (instant: string, offsetMs: number) =>
  service.sweeps('repair-deadlines', { clock: () => new Date(Date.parse(instant) + offsetMs) });

/** A new repair application for a new repairable penalty: its id and decision due instant. */
async function filed() {
  const id = await api.repaired(entity, await api.publishedPenalty(agency, entity));
  const { json } = await api.repair(entity.token, id);
  return {
    id,
    dueAt: json.deadline.dueAt as string,
    due: json.deadline.due as string,
    filedAt: json.filedAt,
  };
}

const escalatedIds = async (kind = 'repair') =>
  (await api.list(admin, `/v1/admin/escalations?kind=${kind}`)).map((r) => r.id);
const escalationEvents = async (id: string) =>
  (await api.list(admin, '/v1/admin/events?type=repair-escalated')).filter((e) => e.subject.id === id);

describe('the repair-deadlines sweep', () => {
  let overdue: Awaited<ReturnType<typeof filed>>;

  it('gives the agency 3 working days and leaves the application alone until then', async () => {
    overdue = await filed();

    await sweepAt(overdue.dueAt, -MINUTE);

    expect(overdue.due).toBe(await dueAfter(service, overdue.filedAt, 3));
    expect((await api.repair(entity.token, overdue.id)).json.escalatedAt).toBeUndefined();
    expect(await escalatedIds()).not.toContain(overdue.id);
  });

  it('escalates it once the due instant has passed: the admin lists it (kind=repair) and an event is written', async () => {
    const report = await sweepAt(overdue.dueAt, MINUTE);

    expect(report.actions.escalated).toBeGreaterThanOrEqual(1);
    expect((await api.repair(entity.token, overdue.id)).json).toMatchObject({
      status: 'pending',
      escalatedAt: expect.any(String),
    });
    expect(await escalatedIds()).toContain(overdue.id);
    expect(await escalatedIds('objection')).not.toContain(overdue.id);
    expect(await escalationEvents(overdue.id)).toEqual([
      expect.objectContaining({
        subject: expect.objectContaining({ kind: 'repair', agency: agency.uscc, entity: entity.uscc }),
      }),
    ]);
  });

  it('escalates it only once however often the sweep runs', async () => {
    const reports = [await sweepAt(overdue.dueAt, MINUTE), await sweepAt(overdue.dueAt, 60 * MINUTE)];

    expect(reports.map((r) => r.actions.escalated ?? 0)).toEqual([0, 0]);
    expect(await escalationEvents(overdue.id)).toHaveLength(1);
  });

  it('escalates once when two sweeps run at the same moment', async () => {
    const late = await filed();

    const reports = await Promise.all([sweepAt(late.dueAt, MINUTE), sweepAt(late.dueAt, MINUTE)]);

    expect(reports.reduce((sum, r) => sum + (r.actions.escalated ?? 0), 0)).toBe(1);
    expect(await escalationEvents(late.id)).toHaveLength(1);
    expect(await escalatedIds()).toContain(late.id);
  });

  it('takes it off the admin list once the agency decides it, late as it is', async () => {
    const decided = await api.decideRepair(agency.token, overdue.id, APPROVE);

    expect(decided.status).toBe(200);
    expect(await escalatedIds()).not.toContain(overdue.id);
  });

  it('never escalates an application decided in time', async () => {
    const onTime = await filed();
    await api.decideRepair(agency.token, onTime.id, REFUSE_REPAIR);

    await sweepAt(onTime.dueAt, MINUTE);

    expect((await api.repair(entity.token, onTime.id)).json.escalatedAt).toBeUndefined();
    expect(await escalationEvents(onTime.id)).toEqual([]);
  });
});
