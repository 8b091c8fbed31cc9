import { type Commitment, commitmentDeadlines } from '../domain/commitments/commitment.ts';
import type { CommitmentStatus } from '../domain/commitments/vocabulary.ts';
import { chainHeadOf } from './audit-items.ts';
import { deadlineEntry } from './deadline-items.ts';
import type { IndexEntry } from './record-items.ts';

/*
 * Credit commitments, one partition each (`CMT#<id>`) with their audit chain, and pointers:
 *   CMTENT#<uscc>               / <createdAt>#<id>  an entity's commitments (all public)
 *   CMTAG#<agency>#ALL          / <createdAt>#<id>  those an agency received
 *   CMTAG#<agency>#<status>     / <createdAt>#<id>  the same, by 履约状态
 *   <pk> / DEADLINE#<kind>                          the open verification and end of validity
 */

export const commitmentKey = (id: string) => ({ pk: `CMT#${id}`, sk: 'CMT' });
export const entityCommitmentsPartition = (uscc: string) => `CMTENT#${uscc}`;
export const agencyCommitmentsPartition = (agency: string, status?: CommitmentStatus) =>
  `CMTAG#${agency}#${status ?? 'ALL'}`;

export function commitmentToItem(c: Commitment): Record<string, unknown> {
  const { head, ...state } = c;
  return {
    ...commitmentKey(c.id),
    type: 'commitment',
    state,
    revision: c.revision,
    auditSeq: head.seq,
    auditHash: head.hash,
  };
}

export function commitmentFromItem(item: Record<string, unknown>): Commitment {
  const head = chainHeadOf(item);
  if (!head) throw new Error(`${String(item.pk)} has no audit head`);
  return { ...(item.state as Omit<Commitment, 'head'>), head };
}

export function commitmentEntries(c: Commitment): IndexEntry[] {
  const pointer = (pk: string) => {
    const sk = `${c.createdAt}#${c.id}`;
    return { pk, sk, item: { pk, sk, type: 'commitment-pointer', id: c.id } };
  };
  return [
    pointer(entityCommitmentsPartition(c.subject.uscc)),
    pointer(agencyCommitmentsPartition(c.receiver)),
    pointer(agencyCommitmentsPartition(c.receiver, c.status)),
    ...commitmentDeadlines(c).map((d) => deadlineEntry(commitmentKey(c.id).pk, c.id, d)),
  ];
}
