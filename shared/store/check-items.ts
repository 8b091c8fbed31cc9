import { createHash } from 'node:crypto';
import { type CreditCheck, checkDeadlines } from '../domain/checks/check.ts';
import { chainHeadOf } from './audit-items.ts';
import { deadlineEntry } from './deadline-items.ts';
import type { IndexEntry } from './record-items.ts';

/*
 * Credit checks, one partition each (`CHK#<id>`) with their audit chain, and pointers:
 *   CHKAG#<agency> / <madeAt>#<id>      the checking agency's own checks
 *   CHKENT#<uscc>  / <madeAt>#<id>      the checks made of an entity (条例 第37条)
 *   CHKESC         / <escalatedAt>#<id> escalated for want of feedback, still without it
 *   <pk> / DEADLINE#check-feedback-due   the open feedback deadline
 * and the loop's counters, per agency, spread over shards as the timeliness counters are:
 *   STATS#CHECKS / <agency>#<shard>      made, withFeedback, feedbackOnTime, escalated, measuresApplied
 */

export const checkKey = (id: string) => ({ pk: `CHK#${id}`, sk: 'CHK' });
export const agencyChecksPartition = (agency: string) => `CHKAG#${agency}`;
export const entityChecksPartition = (uscc: string) => `CHKENT#${uscc}`;
export const ESCALATED_CHECKS = 'CHKESC';
export const CHECK_COUNTERS_PARTITION = 'STATS#CHECKS';
export const CHECK_COUNTER_SHARDS = 8;

export const checkCounterKey = (agency: string, checkId: string) => ({
  pk: CHECK_COUNTERS_PARTITION,
  sk: `${agency}#${(createHash('sha256').update(checkId).digest()[0] ?? 0) % CHECK_COUNTER_SHARDS}`,
});

export function checkToItem(check: CreditCheck): Record<string, unknown> {
  const { head, ...state } = check;
  return {
    ...checkKey(check.id),
    type: 'check',
    state,
    revision: check.revision,
    auditSeq: head.seq,
    auditHash: head.hash,
  };
}

export function checkFromItem(item: Record<string, unknown>): CreditCheck {
  const head = chainHeadOf(item);
  if (!head) throw new Error(`${String(item.pk)} has no audit head`);
  return { ...(item.state as Omit<CreditCheck, 'head'>), head };
}

export function checkEntries(check: CreditCheck): IndexEntry[] {
  const pointer = (pk: string, sk: string) => ({
    pk,
    sk,
    item: { pk, sk, type: 'check-pointer', id: check.id },
  });
  const own = `${check.madeAt}#${check.id}`;
  const out: IndexEntry[] = [
    pointer(agencyChecksPartition(check.agency), own),
    pointer(entityChecksPartition(check.uscc), own),
  ];
  if (check.escalatedAt && !check.feedback)
    out.push(pointer(ESCALATED_CHECKS, `${check.escalatedAt}#${check.id}`));
  for (const d of checkDeadlines(check)) out.push(deadlineEntry(checkKey(check.id).pk, check.id, d));
  return out;
}
