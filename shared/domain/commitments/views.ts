import { scrubText } from '../records/masking.ts';
import { looksLikePersonalName, OPERATOR_NAME_HIDDEN } from '../records/public-view.ts';
import type { Commitment, CommitmentSubject } from './commitment.ts';
import { COMMITMENT_STATUS_LABELS, COMMITMENT_TYPE_LABELS } from './vocabulary.ts';

/**
 * A commitment as anyone sees it (信用承诺公示). A 个体工商户 registered under its operator's
 * name is shown by its USCC only, and the name is scrubbed from the free text: the records' rule.
 */
export function publicCommitment(c: Commitment) {
  const operator = operatorName(c.subject);
  const known = { names: operator ? [operator] : [], idNumbers: [] };
  return {
    id: c.id,
    type: c.type,
    typeLabel: COMMITMENT_TYPE_LABELS[c.type],
    subject: { uscc: c.subject.uscc, name: operator ? OPERATOR_NAME_HIDDEN : c.subject.name },
    matter: scrubText(c.matter, known),
    text: scrubText(c.text, known),
    madeOn: c.madeOn,
    receiver: c.receiver,
    ...(c.validUntil ? { validUntil: c.validUntil } : {}),
    status: c.status,
    statusLabel: COMMITMENT_STATUS_LABELS[c.status],
    verified: c.verification.at !== undefined,
    ...(c.recordId ? { recordId: c.recordId } : {}),
    ...(c.breach
      ? {
          breach: {
            finding: scrubText(c.breach.finding, known),
            on: c.breach.at,
            ...(c.breach.recordId ? { recordId: c.breach.recordId } : {}),
          },
        }
      : {}),
    ...(c.keptOn ? { keptOn: c.keptOn } : {}),
  };
}
export type PublicCommitment = ReturnType<typeof publicCommitment>;

/** The whole commitment as its receiving agency and its entity see it. */
export function commitmentCase(c: Commitment) {
  return {
    ...publicCommitment(c),
    subject: c.subject,
    matter: c.matter,
    text: c.text,
    registeredBy: c.registeredBy,
    ...(c.repairId ? { repairId: c.repairId } : {}),
    verification: {
      due: c.verification.deadline.due,
      dueAt: c.verification.deadline.dueAt,
      ...(c.verification.at ? { at: c.verification.at } : {}),
      ...(c.verification.finding ? { finding: c.verification.finding } : {}),
      ...(c.verification.late ? { late: true } : {}),
    },
    ...(c.breach
      ? { breach: { finding: c.breach.finding, on: c.breach.at, recordId: c.breach.recordId } }
      : {}),
    ...(c.escalatedAt ? { escalatedAt: c.escalatedAt } : {}),
    createdAt: c.createdAt,
  };
}

function operatorName(subject: CommitmentSubject): string | undefined {
  return subject.category === 'individual_business' && looksLikePersonalName(subject.name)
    ? subject.name
    : undefined;
}
