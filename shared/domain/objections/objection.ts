import type { ChainHead } from '../audit.ts';
import type { IsoDate } from '../dates.ts';
import type { OpenDeadline } from '../deadlines/kinds.ts';
import { ConflictError } from '../errors.ts';
import type { ObjectionEffect, ObjectionOutcome, ObjectionReason, ObjectionStatus } from './vocabulary.ts';

export type { ObjectionReason };

export interface Evidence {
  readonly name: string;
  readonly sha256: string;
  readonly url?: string | undefined;
}

/** What the entity's lists show of the record, kept as it was when the case was filed. */
export interface RecordSummary {
  readonly kind: string;
  readonly documentNumber: string;
  readonly decisionDate: string;
  readonly subjectName: string;
}

export function recordSummary(record: {
  content: { kind: string; documentNumber: string; decisionDate: string; subject: { name: string } };
}): RecordSummary {
  const { kind, documentNumber, decisionDate, subject } = record.content;
  return { kind, documentNumber, decisionDate, subjectName: subject.name };
}

export interface HandlingDeadline {
  readonly due: IsoDate;
  readonly dueAt: string;
  readonly provisional: boolean;
}

/** An entity's objection (异议) to a published record, handled by the record's agency. */
export interface Objection {
  readonly id: string;
  readonly recordId: string;
  readonly record: RecordSummary;
  readonly entity: string;
  readonly agency: string;
  readonly reason: ObjectionReason;
  readonly statement: string;
  readonly evidence: readonly Evidence[];
  readonly status: ObjectionStatus;
  readonly filedAt: string;
  readonly needsOtherUnit: boolean;
  readonly acceptedAt?: string | undefined;
  readonly deadline: HandlingDeadline;
  readonly escalatedAt?: string | undefined;
  readonly decision?:
    | {
        readonly outcome: ObjectionOutcome;
        readonly reason: string;
        readonly at: string;
        readonly effect: ObjectionEffect;
        readonly recordVersion?: number | undefined;
      }
    | undefined;
  readonly revision: number;
  readonly head: ChainHead;
}

export function objectionDecided(): ConflictError {
  return new ConflictError({
    code: 'objection_already_decided',
    messages: { zh: '该异议已处理完毕', en: 'the objection has already been decided' },
  });
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
    deadline,
    // An escalation stands: accepting late cannot undo what the credit office was told.
    escalatedAt: objection.escalatedAt,
    revision: objection.revision + 1,
  };
}

export function decide(objection: Objection, decision: NonNullable<Objection['decision']>): Objection {
  if (objection.status !== 'pending') throw objectionDecided();
  return { ...objection, status: 'decided', decision, revision: objection.revision + 1 };
}

export function escalate(objection: Objection, at: Date): Objection {
  return { ...objection, escalatedAt: at.toISOString(), revision: objection.revision + 1 };
}

/** The handling deadline, open while the objection is pending and not yet escalated. */
export function objectionDeadlines(objection: Objection): OpenDeadline[] {
  return objection.status === 'pending' && !objection.escalatedAt
    ? [{ kind: 'objection-due', dueAt: objection.deadline.dueAt }]
    : [];
}
