import type { DisclosureRecord } from '../../shared/domain/records/record.ts';
import type { RecordInput } from '../../shared/schemas/records/record-input.ts';
import { AGENCY_ACTOR, type DomainWorld, ENTITY_ACTOR } from './domain-world.ts';
import { AGENCY, COMPANY, penaltyInput } from './record-builders.ts';

/*
 * Object mothers for the rule tests of test/unit: records, objections and repair applications
 * made through the use cases of a DomainWorld (in memory), in the states the rules care about.
 */

type Penalty = Extract<RecordInput, { kind: 'penalty' }>;

/** A general penalty against COMPANY decided on `decisionDate` (default 2026-06-01: repairable in December). */
export function penaltyOf(decisionDate = '2026-06-01', details: Partial<Penalty['penalty']> = {}): Penalty {
  const base = penaltyInput({ decisionDate });
  return { ...base, penalty: { ...base.penalty, ...details } };
}

/** Registers `input` for AGENCY (published when asked); the stored record. */
export async function registered(
  world: DomainWorld,
  input: RecordInput,
  publish = false,
): Promise<DisclosureRecord> {
  const { record } = await world.recordUseCases.register({ uscc: AGENCY }, input, {
    publish,
    actor: AGENCY_ACTOR,
  });
  return record;
}

/** A published penalty of AGENCY about COMPANY. */
export const publishedPenalty = (
  world: DomainWorld,
  decisionDate?: string,
  details?: Partial<Penalty['penalty']>,
) => registered(world, penaltyOf(decisionDate, details), true);

export const objectionFiling = (recordId: string, overrides: Record<string, unknown> = {}) => ({
  recordId,
  reason: 'content_error' as const,
  statement: '处罚决定书载明的罚款金额与公示不符。',
  evidence: [{ name: '行政处罚决定书扫描件', sha256: 'a'.repeat(64) }],
  ...overrides,
});

export const repairFiling = (
  recordId: string,
  signedAt: string,
  overrides: Record<string, unknown> = {},
) => ({
  recordId,
  commitment: { text: '本单位承诺依法诚信经营，如有违反愿承担相应责任。', signedAt },
  evidence: [{ name: '罚款缴款凭证', sha256: 'b'.repeat(64) }],
  ...overrides,
});

/** COMPANY objects to a record; the pending objection. */
export const objected = (world: DomainWorld, recordId: string, overrides: Record<string, unknown> = {}) =>
  world.objections.file(COMPANY, objectionFiling(recordId, overrides), ENTITY_ACTOR);

/** COMPANY applies for repair of a record, with a commitment signed today; the pending application. */
export const appliedForRepair = (world: DomainWorld, recordId: string) =>
  world.repairs.file(COMPANY, repairFiling(recordId, '2026-12-01'), ENTITY_ACTOR);
