import { addDays, shanghaiDate } from '../dates.ts';
import type { OpenDeadline } from '../deadlines/kinds.ts';
import { ConflictError, RuleViolationError } from '../errors.ts';
import { publicationWindow } from '../policy/publication-window.ts';
import type { DisclosureRecord } from '../records/record.ts';
import { filingDeadlines } from '../workflows/deadlines.ts';
import { workflowChanged } from '../workflows/errors.ts';
import {
  type Evidence,
  type Filing,
  type HandlingDeadline,
  isInForceFor,
  newFiling,
} from '../workflows/filing.ts';
import { type Filer, filerOf } from '../workflows/party.ts';
import type { DecisionDocument } from './decision-document.ts';
import type { RepairOutcome, RepairStatus } from './vocabulary.ts';

/** An entity's or a person's application for credit repair (信用修复) of a published penalty. */
export interface Repair extends Filing {
  readonly commitment: Commitment;
  readonly status: RepairStatus;
  readonly decision?:
    | {
        readonly outcome: RepairOutcome;
        readonly reason: string;
        readonly at: string;
        /** An approval's 信用修复决定书 as issued, frozen (decision-document.ts). */
        readonly document?: DecisionDocument | undefined;
      }
    | undefined;
}

/** 信用承诺书: what the entity promises, and the day it signed. */
export interface Commitment {
  readonly text: string;
  readonly signedAt: string;
}

export function repairDecided(): ConflictError {
  return new ConflictError({
    code: 'repair_already_decided',
    messages: { zh: '该信用修复申请已作出决定', en: 'the repair application has already been decided' },
  });
}

function refuse(code: string, zh: string, en: string, details?: Record<string, unknown>): RuleViolationError {
  return new RuleViolationError({
    code,
    field: 'recordId',
    messages: { zh, en },
    ...(details ? { details } : {}),
  });
}

/**
 * Why a record may not be repaired now, in the order the conditions are checked, or nothing:
 * a published penalty (in public view for an entity; for a person, published: 山东省社会信用条例
 * 第41条 gives persons repair too, of records never public), repairable, past its minimum
 * period, not already under repair.
 */
export function repairRefusal(
  record: DisclosureRecord,
  at: Date,
  filer: Filer,
): RuleViolationError | undefined {
  const today = shanghaiDate(at);
  if (record.content.kind !== 'penalty' || !isInForceFor(record, filer, at)) {
    return refuse(
      'repair_not_applicable',
      '只有正在公示的行政处罚信息可以申请信用修复',
      'only a penalty in public view can be repaired',
    );
  }
  const penalty = record.content.penalty;
  if (penalty.repairable === false) {
    return refuse(
      'not_repairable',
      '该处罚信息依法不可修复（特定严重失信等）',
      'this penalty may not be repaired (e.g. a specific serious breach)',
    );
  }
  const window = publicationWindow(record.content.decisionDate, penalty);
  if (!window?.repairFrom) {
    return refuse(
      'no_minimum_period',
      '该类处罚信息不适用信用修复',
      'no repair applies to this class of penalty',
    );
  }
  if (today < window.repairFrom) {
    return refuse(
      'minimum_period_not_over',
      `最短公示期未满，${window.repairFrom} 起方可申请`,
      `the minimum publication period is not over; apply from ${window.repairFrom}`,
      { firstAllowedDate: window.repairFrom, regime: window.regime },
    );
  }
  if (record.repair) {
    return refuse(
      'repair_pending',
      '该记录已有待决定的信用修复申请',
      'a repair application for this record is already pending',
      { repairId: record.repair.id },
    );
  }
  return undefined;
}

/** The commitment must be signed within the past year, and not after today. */
export function assertRecentCommitment(commitment: Commitment, today: string): void {
  if (commitment.signedAt > today || commitment.signedAt < addDays(today, -365)) {
    throw new RuleViolationError({
      code: 'commitment_date',
      field: 'commitment.signedAt',
      messages: {
        zh: '承诺书签署日期须在一年内且不晚于今日',
        en: 'the commitment must be signed within the past year, not in the future',
      },
    });
  }
}

/**
 * A new repair application of `filer` for `record`, if it may be filed now: a recent
 * commitment, and a record that can be repaired today (repairRefusal).
 */
export function fileRepair(
  record: DisclosureRecord,
  filing: {
    readonly id: string;
    readonly filer: Filer;
    readonly commitment: Commitment;
    readonly evidence: readonly Evidence[];
  },
  deadline: HandlingDeadline,
  at: Date,
): Repair {
  const today = shanghaiDate(at);
  assertRecentCommitment(filing.commitment, today);
  const refusal = repairRefusal(record, at, filing.filer);
  if (refusal) throw refusal;
  return { ...newFiling(record, filing, deadline, at), commitment: filing.commitment };
}

/**
 * A repair can be decided only while its record still marks it (otherwise it was decided
 * meanwhile: a lost race), and approved only while that record is still in force for its
 * filer (public for an entity, published for a person): approval ends publication, which
 * means nothing for a record no longer in force.
 */
export function assertDecidableOn(
  repair: Repair,
  record: DisclosureRecord,
  outcome: RepairOutcome,
  at: Date,
): void {
  if (repair.status !== 'pending') throw repairDecided();
  if (record.repair?.id !== repair.id) throw workflowChanged('repair');
  if (outcome === 'approved' && !isInForceFor(record, filerOf(repair), at)) {
    throw new RuleViolationError({
      code: 'record_not_public',
      messages: {
        zh: '该记录已不在公示中，无需批准修复，请作出不予修复的决定',
        en: 'the record is no longer public; there is nothing to approve',
      },
    });
  }
}

export function decideRepair(repair: Repair, outcome: RepairOutcome, reason: string, at: Date): Repair {
  if (repair.status !== 'pending') throw repairDecided();
  return {
    ...repair,
    status: outcome,
    decision: { outcome, reason, at: at.toISOString() },
    revision: repair.revision + 1,
  };
}

export function escalateRepair(repair: Repair, at: Date): Repair {
  return { ...repair, escalatedAt: at.toISOString(), revision: repair.revision + 1 };
}

export function repairDeadlines(repair: Repair): OpenDeadline[] {
  return filingDeadlines('repair', repair);
}
