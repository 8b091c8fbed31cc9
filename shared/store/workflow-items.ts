import type { Objection } from '../domain/objections/objection.ts';
import type { Repair } from '../domain/repairs/repair.ts';
import { filingDeadlines } from '../domain/workflows/deadlines.ts';
import { chainHeadOf } from './audit-items.ts';
import { deadlineEntry } from './deadline-items.ts';
import type { IndexEntry } from './record-items.ts';

/*
 * Objections and repair applications, one partition each (`OBJ#<id>`, `REP#<id>`) with their
 * audit chains. The agency's worklist is on gsi1 (by status, ordered by due instant); the rest
 * is derived, like a record's index entries, and written with every change:
 *   ENTITY#<uscc>#<kind> / <filedAt>#<id>   the entity's own list
 *   PERSON#<sha256>#<kind> / <filedAt>#<id>  a person's own list, keyed by the hash of the ID
 *                                           number (party.ts personRef), never the number
 *   ESC#<kind> / <escalatedAt>#<id>         the credit office's list of escalated cases
 *   <pk> / DEADLINE#<kind>                  the open handling deadline and its reminder
 */

import { type Filer, filerOf, personRef, type WorkflowKind } from '../domain/workflows/party.ts';

export type { WorkflowKind };

const PREFIX = { objection: 'OBJ', repair: 'REP' } as const;

export const workflowKey = (kind: WorkflowKind, id: string) => ({
  pk: `${PREFIX[kind]}#${id}`,
  sk: PREFIX[kind],
});

export const agencyPartition = (kind: WorkflowKind, agency: string, status: string) =>
  `AGENCY${PREFIX[kind]}#${agency}#${status}`;

type Workflow = Objection | Repair;

/** The partition of a filer's own list of `kind`: an entity's by USCC, a person's by hash. */
export function filerPartition(kind: WorkflowKind, filer: Filer): string {
  return filer.role === 'entity'
    ? `ENTITY#${filer.uscc}#${kind}`
    : `PERSON#${personRef(filer.idNumber).slice('person:'.length)}#${kind}`;
}

export function workflowToItem(kind: WorkflowKind, w: Workflow): Record<string, unknown> {
  const { head, ...state } = w;
  return {
    ...workflowKey(kind, w.id),
    type: kind,
    state,
    revision: w.revision,
    auditSeq: head.seq,
    auditHash: head.hash,
    gsi1pk: agencyPartition(kind, w.agency, w.status),
    gsi1sk: `${w.deadline.dueAt}#${w.id}`,
  };
}

export function workflowFromItem<T extends Workflow>(item: Record<string, unknown>): T {
  const head = chainHeadOf(item);
  if (!head) throw new Error(`${String(item.pk)} has no audit head`);
  return { ...(item.state as Omit<T, 'head'>), head } as T;
}

export function workflowEntries(kind: WorkflowKind, w: Workflow): IndexEntry[] {
  const { pk } = workflowKey(kind, w.id);
  const entries: IndexEntry[] = [];
  const pointer = (p: string, sk: string) => ({
    pk: p,
    sk,
    item: { pk: p, sk, type: `${kind}-pointer`, id: w.id },
  });
  entries.push(pointer(filerPartition(kind, filerOf(w)), `${w.filedAt}#${w.id}`));
  if (w.escalatedAt && w.status === 'pending')
    entries.push(pointer(`ESC#${kind}`, `${w.escalatedAt}#${w.id}`));
  for (const deadline of filingDeadlines(kind, w)) entries.push(deadlineEntry(pk, w.id, deadline));
  return entries;
}
