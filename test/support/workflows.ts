import { calendarYearsFrom } from '../../shared/domain/calendar/use-cases.ts';
import { makeObjectionUseCases } from '../../shared/domain/objections/use-cases.ts';
import { makeRepairUseCases } from '../../shared/domain/repairs/use-cases.ts';
import { recordInputSchema } from '../../shared/schemas/records/record-input.ts';
import { calendarRepository } from '../../shared/store/calendar-repository.ts';
import type { Store } from '../../shared/store/client.ts';
import { workflowRepository } from '../../shared/store/workflow-repository.ts';
import { timerWorld } from './timers.ts';

/** Records, objections, repairs and sweeps of one store on one test clock. */
export function workflowWorld(store: Store, start: string) {
  const world = timerWorld(store, start);
  const deps = {
    records: world.records,
    workflows: workflowRepository(store),
    calendarYears: calendarYearsFrom(calendarRepository(store)),
    clock: world.time.clock,
  };
  return {
    ...world,
    workflows: deps.workflows,
    objections: makeObjectionUseCases(deps),
    repairs: makeRepairUseCases(deps),
    validate: (content: unknown) => recordInputSchema.parse(content),
  };
}

export const EVIDENCE = [{ name: '缴款凭证', sha256: 'a'.repeat(64) }];
