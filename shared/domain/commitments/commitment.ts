import { type ChainHead, GENESIS } from '../audit.ts';
import { addDays, type IsoDate, shanghaiDate, startOfShanghaiDay } from '../dates.ts';
import { ConflictError, RuleViolationError } from '../errors.ts';
import type { SubjectCategory } from '../records/vocabulary.ts';
import type { HandlingDeadline } from '../workflows/filing.ts';
import type { CommitmentStatus, CommitmentType } from './vocabulary.ts';

/*
 * A credit commitment (信用承诺) and how it was kept. The receiving agency (承诺受理单位)
 * verifies it within a period of working days (TIME_LIMITS.commitmentVerification) and
 * records a breach with its finding and the record the breach led to; a commitment still in
 * force at the end of its validity has been kept (已履约). An overdue verification is
 * escalated to the credit office; a verification after that is taken and marked late.
 */

export interface CommitmentSubject {
  readonly uscc: string;
  readonly name: string;
  readonly category: Extract<SubjectCategory, 'legal_person' | 'individual_business'>;
}

export interface Breach {
  readonly finding: string;
  /** The record (a penalty, usually) the breach led to. */
  readonly recordId?: string | undefined;
  readonly at: string;
}

export interface Verification {
  readonly deadline: HandlingDeadline;
  readonly at?: string | undefined;
  readonly finding?: string | undefined;
  /** Given after the deadline or the escalation (it is taken all the same). */
  readonly late?: boolean | undefined;
}

export interface Commitment {
  readonly id: string;
  readonly type: CommitmentType;
  readonly subject: CommitmentSubject;
  /** 承诺事由. */
  readonly matter: string;
  /** 承诺内容. */
  readonly text: string;
  /** 承诺日期. */
  readonly madeOn: IsoDate;
  /** 承诺受理单位: the agency's USCC. */
  readonly receiver: string;
  /** 有效期至 (its last day); none: in force until the agency closes it. */
  readonly validUntil?: IsoDate | undefined;
  /** Who registered it: the receiving agency, the entity itself, or a repair application. */
  readonly registeredBy: 'agency' | 'entity' | 'repair';
  /** The decision the commitment was made in (an approval under 告知承诺). */
  readonly recordId?: string | undefined;
  /** The repair application it was made in (信用修复型). */
  readonly repairId?: string | undefined;
  readonly status: CommitmentStatus;
  readonly verification: Verification;
  readonly escalatedAt?: string | undefined;
  readonly breach?: Breach | undefined;
  /** 已履约 as of this day: the day after the last day of validity. */
  readonly keptOn?: IsoDate | undefined;
  readonly createdAt: string;
  readonly revision: number;
  readonly head: ChainHead;
}

export type NewCommitment = Omit<
  Commitment,
  'status' | 'verification' | 'escalatedAt' | 'breach' | 'keptOn' | 'createdAt' | 'revision' | 'head'
>;

/**
 * The 信用承诺书 of a repair application, as a 信用修复型 commitment received by the agency
 * that decides the repair: in force from its signing, without an end (it is kept as long as
 * the record stays repaired).
 */
export function repairCommitment(
  repair: {
    readonly id: string;
    readonly agency: string;
    readonly recordId: string;
    readonly record: { readonly documentNumber: string };
    readonly commitment: { readonly text: string; readonly signedAt: string };
  },
  subject: CommitmentSubject,
  id: string,
  deadline: HandlingDeadline,
  at: Date,
): Commitment {
  return makeCommitment(
    {
      id,
      type: 'credit_repair',
      subject,
      matter: `申请信用修复（${repair.record.documentNumber}）`,
      text: repair.commitment.text,
      madeOn: repair.commitment.signedAt,
      receiver: repair.agency,
      registeredBy: 'repair',
      recordId: repair.recordId,
      repairId: repair.id,
    },
    deadline,
    at,
  );
}

/** A commitment as registered: in force, its verification due by `deadline`. */
export function makeCommitment(input: NewCommitment, deadline: HandlingDeadline, at: Date): Commitment {
  const today = shanghaiDate(at);
  if (input.madeOn > today) {
    throw new RuleViolationError({
      code: 'commitment_date_in_future',
      field: 'madeOn',
      messages: { zh: '承诺日期不能晚于今天', en: 'the commitment date may not be after today' },
    });
  }
  if (input.validUntil !== undefined && input.validUntil < today) {
    throw new RuleViolationError({
      code: 'commitment_validity_over',
      field: 'validUntil',
      messages: {
        zh: '有效期已届满，不能登记为履约中的承诺',
        en: 'the validity is over: the commitment cannot be registered as in force',
      },
    });
  }
  return {
    ...input,
    status: 'in_force',
    verification: { deadline },
    createdAt: at.toISOString(),
    revision: 1,
    head: GENESIS,
  };
}

const bump = (c: Commitment, change: Partial<Commitment>): Commitment => ({
  ...c,
  ...change,
  revision: c.revision + 1,
});

function assertInForce(c: Commitment): void {
  if (c.status !== 'in_force') {
    throw new ConflictError({
      code: 'commitment_closed',
      messages: {
        zh: `该承诺已${c.status === 'kept' ? '履约' : '记录为未履约'}，不能再变更`,
        en: `the commitment is already ${c.status === 'kept' ? 'kept' : 'recorded as broken'}`,
      },
    });
  }
}

/** Late: after the deadline, or once escalated for being overdue (whatever the clock says). */
const lateAt = (c: Commitment, at: Date) =>
  c.escalatedAt !== undefined || at.getTime() >= Date.parse(c.verification.deadline.dueAt);

/** The receiving agency found the commitment true (核查属实). Once. */
export function verifyCommitment(c: Commitment, finding: string, at: Date): Commitment {
  assertInForce(c);
  if (c.verification.at) {
    throw new ConflictError({
      code: 'commitment_verified',
      messages: { zh: '该承诺已核查', en: 'the commitment has already been verified' },
    });
  }
  return bump(c, { verification: { ...c.verification, at: at.toISOString(), finding, late: lateAt(c, at) } });
}

/** 未履约: the breach, its finding and the record it led to. It counts as the verification too. */
export function breachCommitment(
  c: Commitment,
  input: { finding: string; recordId?: string | undefined },
  at: Date,
): Commitment {
  assertInForce(c);
  const verification = c.verification.at
    ? c.verification
    : { ...c.verification, at: at.toISOString(), finding: input.finding, late: lateAt(c, at) };
  return bump(c, {
    status: 'broken',
    verification,
    breach: {
      finding: input.finding,
      ...(input.recordId ? { recordId: input.recordId } : {}),
      at: at.toISOString(),
    },
  });
}

/** When a commitment in force has been kept: 00:00 after the last day of its validity. */
export function keptInstant(c: Commitment): string | undefined {
  return c.validUntil ? startOfShanghaiDay(addDays(c.validUntil, 1)) : undefined;
}

/** 已履约 at the end of validity; keptOn is the day after it, however late the sweep runs. */
export function keepCommitment(c: Commitment): Commitment {
  assertInForce(c);
  return bump(c, { status: 'kept', keptOn: c.validUntil ? addDays(c.validUntil, 1) : undefined });
}

export function escalateCommitment(c: Commitment, at: Date): Commitment {
  return bump(c, { escalatedAt: at.toISOString() });
}

/** Open deadlines: the verification until done or escalated, the end of validity while in force. */
export function commitmentDeadlines(c: Commitment) {
  if (c.status !== 'in_force') return [];
  const out: { kind: 'commitment-verification-due' | 'commitment-expiry'; dueAt: string }[] = [];
  if (!c.verification.at && !c.escalatedAt)
    out.push({ kind: 'commitment-verification-due', dueAt: c.verification.deadline.dueAt });
  const kept = keptInstant(c);
  if (kept) out.push({ kind: 'commitment-expiry', dueAt: kept });
  return out;
}
