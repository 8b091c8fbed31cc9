import type { Objection } from '../objections/objection.ts';
import type { Repair } from '../repairs/repair.ts';
import type { HandlingDeadline } from './filing.ts';

/**
 * Who filed, as answers say it: an entity's filing names the entity (`entity`, its USCC); a
 * person's says only `filer: 'person'`. The person knows their own number and the agency has
 * the record, so no answer carries the ID number (山东省社会信用条例 第20条).
 */
function filerOut(filing: { readonly person?: string | undefined }) {
  return { filer: filing.person === undefined ? ('entity' as const) : ('person' as const) };
}

/**
 * The handling deadline as answers say it. Its reminder (`reminderAt`, `remindedAt`) is the
 * timers' bookkeeping, not part of the response schema, and stays inside.
 */
function deadlineOut({ due, dueAt, provisional }: HandlingDeadline) {
  return { due, dueAt, provisional };
}

/**
 * An objection as its parties and the credit office see it (dueAt also at the top). Which
 * rejected objection a refiling follows stays inside until the response schema declares it.
 */
export function objectionView({
  head: _head,
  revision: _revision,
  refiles: _refiles,
  person,
  ...objection
}: Objection) {
  const deadline = deadlineOut(objection.deadline);
  return { ...objection, deadline, ...filerOut({ person }), dueAt: deadline.dueAt };
}

/** A repair application as its parties and the credit office see it. */
export function repairView({ head: _head, revision: _revision, person, ...repair }: Repair) {
  const deadline = deadlineOut(repair.deadline);
  // The decision document has its own route (…/decision-document); the view names the decision only.
  const decision = repair.decision && {
    outcome: repair.decision.outcome,
    reason: repair.decision.reason,
    at: repair.decision.at,
  };
  return {
    ...repair,
    ...(decision ? { decision } : {}),
    deadline,
    ...filerOut({ person }),
    dueAt: deadline.dueAt,
  };
}
