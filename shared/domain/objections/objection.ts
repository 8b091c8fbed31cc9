import type { OpenDeadline } from '../deadlines/kinds.ts';
import { ConflictError, RuleViolationError } from '../errors.ts';
import { TIME_LIMITS, type TimeLimit } from '../policy/time-limits.ts';
import type { DisclosureRecord } from '../records/record.ts';
import { filingDeadlines, replacedDeadline } from '../workflows/deadlines.ts';
import { workflowChanged } from '../workflows/errors.ts';
import {
  type Evidence,
  type Filing,
  type HandlingDeadline,
  isInForceFor,
  newFiling,
} from '../workflows/filing.ts';
import type { Filer } from '../workflows/party.ts';
import type { ObjectionEffect, ObjectionOutcome, ObjectionReason, ObjectionStatus } from './vocabulary.ts';

export type { ObjectionReason };

/** An entity's or a person's objection (异议) to a published record, handled by the record's agency. */
export interface Objection extends Filing {
  readonly reason: ObjectionReason;
  readonly statement: string;
  readonly status: ObjectionStatus;
  readonly needsOtherUnit: boolean;
  readonly acceptedAt?: string | undefined;
  readonly decision?: ObjectionDecision | undefined;
  /**
   * The entity's rejected objection to the same record this one follows (objections/repeat.ts).
   * A refiling labels the record 异议处理中 only once the agency has accepted it.
   */
  readonly refiles?: string | undefined;
}

/** Whether the record carries this objection's 异议处理中 label: from filing, or for a refiling from acceptance. */
export function isLabelled(objection: Objection): boolean {
  return objection.refiles === undefined || objection.acceptedAt !== undefined;
}

export interface ObjectionDecision {
  readonly outcome: ObjectionOutcome;
  readonly reason: string;
  readonly at: string;
  readonly effect: ObjectionEffect;
  readonly recordVersion?: number | undefined;
}

export interface ObjectionFiling {
  readonly reason: ObjectionReason;
  readonly statement: string;
  readonly evidence: readonly Evidence[];
}

export function objectionDecided(): ConflictError {
  return new ConflictError({
    code: 'objection_already_decided',
    messages: { zh: '该异议已处理完毕', en: 'the objection has already been decided' },
  });
}

/**
 * A new objection of `filer` to `record`, if the record may be objected to now: it must be in
 * force for the filer (an entity's in public view, a person's published: filing.ts), with no
 * objection pending; `repair_result` needs a refused repair to contest. (Whose record it is,
 * the caller has checked: see workflows/party.ts.)
 */
export function fileObjection(
  record: DisclosureRecord,
  filing: ObjectionFiling & { readonly id: string; readonly filer: Filer; readonly refiles?: string },
  deadline: HandlingDeadline,
  at: Date,
): Objection {
  if (!isInForceFor(record, filing.filer, at)) {
    throw new RuleViolationError({
      code: 'record_not_public',
      field: 'recordId',
      messages: { zh: '只能对正在公示的记录提出异议', en: 'objections are to records in public view' },
    });
  }
  if (filing.reason === 'repair_result' && record.lastRepairDecision?.outcome !== 'rejected') {
    // A record still in public view after a repair decision was refused repair; one that was
    // approved has left public view (refused above). Without a refusal there is no result.
    throw new RuleViolationError({
      code: 'no_repair_result',
      field: 'reason',
      messages: {
        zh: '该记录没有不予修复的决定，不能以“对信用修复结果有异议”为由提出异议',
        en: 'no credit repair of this record was refused; there is no repair result to object to',
      },
    });
  }
  if (record.objection) {
    throw new ConflictError({
      code: 'objection_pending',
      field: 'recordId',
      messages: { zh: '该记录已有待处理的异议', en: 'an objection to this record is already pending' },
      details: { objectionId: record.objection.id },
    });
  }
  return {
    ...newFiling(record, filing, deadline, at),
    reason: filing.reason,
    statement: filing.statement,
    needsOtherUnit: false,
    ...(filing.refiles ? { refiles: filing.refiles } : {}),
  };
}

/** The handling limit: 7 working days when another unit must help verify, else 3 (条例 第39条). */
export function handlingLimit(needsOtherUnit: boolean): TimeLimit {
  return needsOtherUnit ? TIME_LIMITS.objectionWithOtherUnit : TIME_LIMITS.objection;
}

/** Accepting fixes the handling limit: 7 working days if another unit must help verify, else 3. */
export function accept(
  objection: Objection,
  needsOtherUnit: boolean,
  deadline: HandlingDeadline,
  at: Date,
): Objection {
  if (objection.status !== 'pending') throw objectionDecided();
  if (objection.acceptedAt) {
    throw new ConflictError({
      code: 'objection_already_accepted',
      messages: { zh: '该异议已受理', en: 'the objection has already been accepted' },
    });
  }
  return {
    ...objection,
    needsOtherUnit,
    acceptedAt: at.toISOString(),
    // The same deadline keeps its reminder as it stands; a longer one gets its own.
    deadline: replacedDeadline(objection.deadline, deadline),
    // An escalation stands: accepting late cannot undo what the credit office was told.
    escalatedAt: objection.escalatedAt,
    revision: objection.revision + 1,
  };
}

/**
 * An objection can be decided only while it is pending and its record carries the label it
 * should (its own; none for a refiling not yet accepted): a record otherwise was changed by
 * someone else between the two reads (a lost race).
 */
export function assertPendingOn(objection: Objection, record: DisclosureRecord): void {
  if (objection.status !== 'pending') throw objectionDecided();
  const label = isLabelled(objection) ? objection.id : undefined;
  if (record.objection?.id !== label) throw workflowChanged('objection');
}

export function decide(objection: Objection, decision: ObjectionDecision): Objection {
  if (objection.status !== 'pending') throw objectionDecided();
  return { ...objection, status: 'decided', decision, revision: objection.revision + 1 };
}

export function escalate(objection: Objection, at: Date): Objection {
  return { ...objection, escalatedAt: at.toISOString(), revision: objection.revision + 1 };
}

/** The handling deadline and its reminder, open while the objection is pending and not yet escalated. */
export function objectionDeadlines(objection: Objection): OpenDeadline[] {
  return filingDeadlines('objection', objection);
}
