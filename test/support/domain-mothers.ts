import type { ObjectionDecisionInput } from '../../shared/domain/objections/use-cases.ts';
import type { DisclosureRecord } from '../../shared/domain/records/record.ts';
import type { RepairOutcome } from '../../shared/domain/repairs/vocabulary.ts';
import type { Party } from '../../shared/domain/workflows/party.ts';
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

// ---- The agency's side of objections and repair applications --------------------------------

/** The two parties of COMPANY's filings, as `get` and `decisionDocument` take them. */
export const AS_ENTITY: Party = { role: 'entity', uscc: COMPANY };
export const AS_AGENCY: Party = { role: 'agency', agency: AGENCY };

/** AGENCY accepts an objection, saying whether another unit must help verify; the objection. */
export const acceptedObjection = (world: DomainWorld, objectionId: string, needsOtherUnit = false) =>
  world.objections.accept(AGENCY, objectionId, needsOtherUnit, AGENCY_ACTOR);

/** AGENCY decides an objection, a correction validated as the route validates it; the objection. */
export const decidedObjection = (world: DomainWorld, objectionId: string, decision: ObjectionDecisionInput) =>
  world.objections.decide(AGENCY, objectionId, decision, world.validate, AGENCY_ACTOR);

/** AGENCY decides a repair application; the application. */
export const decidedRepair = (
  world: DomainWorld,
  repairId: string,
  outcome: RepairOutcome,
  reason = outcome === 'approved' ? '已履行行政处罚决定，同意信用修复。' : '罚款尚未缴清，不予修复。',
) => world.repairs.decide(AGENCY, repairId, { outcome, reason }, AGENCY_ACTOR);

/** A published penalty (default decided 2026-06-01) whose repair COMPANY applied for and AGENCY refused. */
export async function refusedRepairOf(world: DomainWorld, decisionDate?: string) {
  const record = await publishedPenalty(world, decisionDate);
  const repair = await decidedRepair(world, (await appliedForRepair(world, record.id)).id, 'rejected');
  return { record, repair };
}
