import type { Objection } from '../objections/objection.ts';
import type { Repair } from '../repairs/repair.ts';

/**
 * An objection as its parties and the credit office see it (dueAt also at the top). Which
 * rejected objection a refiling follows stays inside until the response schema declares it.
 */
export function objectionView({
  head: _head,
  revision: _revision,
  refiles: _refiles,
  ...objection
}: Objection) {
  return { ...objection, dueAt: objection.deadline.dueAt };
}

/** A repair application as its parties and the credit office see it. */
export function repairView({ head: _head, revision: _revision, ...repair }: Repair) {
  return { ...repair, dueAt: repair.deadline.dueAt };
}
