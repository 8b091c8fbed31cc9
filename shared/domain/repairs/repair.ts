import type { ChainHead } from '../audit.ts';
import type { OpenDeadline } from '../deadlines/kinds.ts';
import { ConflictError } from '../errors.ts';
import type { Evidence, HandlingDeadline, RecordSummary } from '../objections/objection.ts';
import type { RepairOutcome, RepairStatus } from './vocabulary.ts';

/** An entity's application for credit repair (信用修复) of a published penalty. */
export interface Repair {
  readonly id: string;
  readonly recordId: string;
  readonly record: RecordSummary;
  readonly entity: string;
  readonly agency: string;
  readonly commitment: { readonly text: string; readonly signedAt: string };
  readonly evidence: readonly Evidence[];
  readonly status: RepairStatus;
  readonly filedAt: string;
  readonly deadline: HandlingDeadline;
  readonly escalatedAt?: string | undefined;
  readonly decision?:
    | { readonly outcome: RepairOutcome; readonly reason: string; readonly at: string }
    | undefined;
  readonly revision: number;
  readonly head: ChainHead;
}

export function repairDecided(): ConflictError {
  return new ConflictError({
    code: 'repair_already_decided',
    messages: { zh: '该信用修复申请已作出决定', en: 'the repair application has already been decided' },
  });
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
  return repair.status === 'pending' && !repair.escalatedAt
    ? [{ kind: 'repair-due', dueAt: repair.deadline.dueAt }]
    : [];
}
