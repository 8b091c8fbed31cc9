import type { DisclosureRecord, RepairDecisionMark } from './record.ts';

/**
 * What objections and repair applications leave on the record they are about: the marks that
 * show a filing is pending, and what its decision leaves behind. Each is written in the same
 * transaction as the filing's own change (workflows/ports.ts).
 */

/** 异议处理中: the record shows that an objection against it is being handled. */
export function labelObjection(
  record: DisclosureRecord,
  objection: { id: string; filedAt: string },
): DisclosureRecord {
  return {
    ...record,
    revision: record.revision + 1,
    objection: { id: objection.id, filedAt: objection.filedAt },
  };
}

/** The objection was decided: its label goes (whatever else the decision changed). */
export function clearObjection(record: DisclosureRecord): DisclosureRecord {
  return { ...record, revision: record.revision + 1, objection: undefined };
}

/** A repair application is pending for the record. */
export function markRepair(
  record: DisclosureRecord,
  repair: { id: string; filedAt: string },
): DisclosureRecord {
  return { ...record, revision: record.revision + 1, repair: { id: repair.id, filedAt: repair.filedAt } };
}

/** The repair was decided: approval ends publication at once; either way the decision is kept. */
export function closeRepair(record: DisclosureRecord, decision: RepairDecisionMark): DisclosureRecord {
  return {
    ...record,
    revision: record.revision + 1,
    repair: undefined,
    lastRepairDecision: decision,
    ...(decision.outcome === 'approved'
      ? { publicationEnd: { at: decision.at, reason: 'repaired' as const } }
      : {}),
  };
}
