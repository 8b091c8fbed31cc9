import { ConflictError, RuleViolationError } from '../errors.ts';
import type { DisclosureRecord } from '../records/record.ts';
import type { Filer } from '../workflows/party.ts';
import { filingsOf, type WorkflowStore } from '../workflows/ports.ts';
import type { Objection, ObjectionFiling } from './objection.ts';

/*
 * A rejected objection is not filed again unchanged (docs/objection-refiling.md).
 *
 * After an objection was decided 异议不成立, the same entity may object to the same record on
 * the same ground (事由) again only with new facts or new evidence: a statement that differs in
 * substance from every rejected one on that ground, or a piece of evidence none of them carried.
 * Otherwise 422 `objection_repeated`. 山东省社会信用条例 第39条 is silent on repeated objections;
 * the rule follows 山东省信访条例 第46条第2款 (a matter closed is not taken up again 「以同一的
 * 事实和理由」), applied here by analogy, and is the service's own.
 */

/** Entries of an entity's objection list read per page while looking for earlier ones. */
const PAGE = 100;

/**
 * The filer's (entity's or person's) objections to `record`, newest first. The filer's list is
 * ordered by filing instant, newest first, and no objection to a record predates its
 * registration, so the walk stops there: it reads the objections filed since, not the filer's
 * whole history.
 */
export async function earlierObjections(
  workflows: WorkflowStore,
  filer: Filer,
  record: DisclosureRecord,
): Promise<Objection[]> {
  const found: Objection[] = [];
  let cursor: string | undefined;
  do {
    const page = await filingsOf(workflows, 'objection', filer, { limit: PAGE, cursor });
    for (const objection of page.items) {
      if (objection.filedAt < record.registeredAt) return found;
      if (objection.recordId === record.id) found.push(objection);
    }
    cursor = page.cursor;
  } while (cursor);
  return found;
}

/**
 * A statement reduced to what it says: compatibility forms folded (full-width, etc.), case,
 * white space, punctuation and symbols dropped, so 「金额不符。」 and 「金额 不符！」 are one statement.
 */
export function statementSubstance(statement: string): string {
  return statement
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]/gu, '');
}

/**
 * Whether `filing` repeats `rejected` (an objection on the same ground decided 异议不成立): its
 * statement says nothing the rejected one did not (the same substance, or a part of it) and
 * every piece of its evidence (by SHA-256) was already before the agency.
 */
export function repeats(filing: ObjectionFiling, rejected: readonly Objection[]): boolean {
  const said = rejected.map((o) => statementSubstance(o.statement));
  const substance = statementSubstance(filing.statement);
  const sameStatement = said.some((old) => old.includes(substance));
  const seen = new Set(rejected.flatMap((o) => o.evidence.map((e) => e.sha256)));
  const newEvidence = filing.evidence.some((e) => !seen.has(e.sha256));
  return sameStatement && !newEvidence;
}

/**
 * What earlier objections of the same entity to the record mean for a new one: refused while
 * one is pending (an unaccepted refiling carries no label on the record to stop it); refused
 * as `objection_repeated` when it repeats those rejected on its ground; otherwise, the id of the
 * latest rejected one (on any ground) it follows, if any: such a refiling puts the 异议处理中 label
 * on the record only once the agency accepts it, so filing again cannot put it back at will.
 */
export function refilingCheck(filing: ObjectionFiling, earlier: readonly Objection[]): string | undefined {
  const pending = earlier.find((o) => o.status === 'pending');
  if (pending) {
    throw new ConflictError({
      code: 'objection_pending',
      field: 'recordId',
      messages: { zh: '该记录已有待处理的异议', en: 'an objection to this record is already pending' },
      details: { objectionId: pending.id },
    });
  }
  const rejected = earlier.filter((o) => o.reason === filing.reason && o.decision?.outcome === 'rejected');
  if (rejected.length > 0 && repeats(filing, rejected)) {
    throw new RuleViolationError({
      code: 'objection_repeated',
      field: 'statement',
      messages: {
        zh: '该记录以同一事由提出的异议已被认定不成立；再次提出须陈述新的事实或提供新的证据材料',
        en: 'an objection on this ground was rejected; a new one needs new facts in its statement or new evidence',
      },
      details: { rejectedObjectionId: rejected[0]?.id },
    });
  }
  return earlier.find((o) => o.decision?.outcome === 'rejected')?.id;
}
