import { endOfShanghaiDay } from '../../shared/domain/dates.ts';
import { describe, expect, it, type World } from '../support/e2e.ts';
import { APPROVE, dueAfter } from '../support/workflow-mothers.ts';

/*
 * The agency is reminded one working day before a filing's handling deadline (3 working days):
 * at the end of the second working day after the filing, which the public deadline calculator
 * gives independently of the filing. The sweeps run here with a clock set to that instant.
 */

type Kind = 'objection' | 'repair';

/** The instant the agency should be reminded of a filing made at `filedAt`. */
async function reminderInstant(service: World['service'], filedAt: string): Promise<Date> {
  return new Date(endOfShanghaiDay(await dueAfter(service, filedAt, 2)));
}

async function remindersOf({ api, admin }: Pick<World, 'api' | 'admin'>, id: string) {
  return (await api.list(admin, '/v1/admin/events?type=reminder')).filter((e) => e.subject.id === id);
}

const sweepOf = (kind: Kind) => (kind === 'objection' ? 'objection-deadlines' : 'repair-deadlines');

/** Runs the kind's sweep just before the reminder instant, then at it twice. */
async function sweptAround(service: World['service'], kind: Kind, instant: Date) {
  const run = (at: Date) => service.sweeps(sweepOf(kind), { clock: () => at });
  const early = await run(new Date(instant.getTime() - 1));
  const first = await run(instant);
  const second = await run(instant);
  return { early, first, second };
}

describe('the reminder of an objection’s handling deadline', () => {
  it('is sent once, at the end of the working day before the deadline, however often the sweep runs', async ({
    service,
    api,
    agency,
    entity,
    admin,
  }) => {
    const recordId = await api.publishedPenalty(agency, entity);
    const objectionId = await api.objected(entity, recordId);
    const filed = (await api.objection(entity.token, objectionId)).json;
    const instant = await reminderInstant(service, filed.filedAt);

    const { early, first, second } = await sweptAround(service, 'objection', instant);
    const reminders = await remindersOf({ api, admin }, objectionId);

    expect(early.actions).toEqual({});
    expect(first.actions).toEqual({ reminded: 1 });
    expect(second.actions).toEqual({});
    expect(reminders).toEqual([
      expect.objectContaining({
        type: 'reminder',
        at: instant.toISOString(),
        subject: { kind: 'objection', id: objectionId, agency: agency.uscc, entity: entity.uscc },
        data: { recordId, dueAt: filed.deadline.dueAt, due: filed.deadline.due },
      }),
    ]);
    expect((await api.objection(entity.token, objectionId)).json.status).toBe('pending');
  });
});

describe('the reminder of a repair application’s deadline', () => {
  it('is sent once, however often the sweep runs, and not for an application decided in time', async ({
    service,
    api,
    agency,
    entity,
    admin,
  }) => {
    const repairId = await api.repaired(entity, await api.publishedPenalty(agency, entity));
    const decidedId = await api.repaired(entity, await api.publishedPenalty(agency, entity));
    await api.decideRepair(agency.token, decidedId, APPROVE);
    const filed = (await api.repair(entity.token, repairId)).json;
    const instant = await reminderInstant(service, filed.filedAt);

    const { first, second } = await sweptAround(service, 'repair', instant);

    expect(first.actions).toEqual({ reminded: 1 });
    expect(second.actions).toEqual({});
    expect(await remindersOf({ api, admin }, repairId)).toEqual([
      expect.objectContaining({
        subject: expect.objectContaining({ kind: 'repair', id: repairId }),
        data: expect.objectContaining({ dueAt: filed.deadline.dueAt }),
      }),
    ]);
    expect(await remindersOf({ api, admin }, decidedId)).toEqual([]);
  });
});
