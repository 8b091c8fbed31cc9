import type { RecordInput } from '../../schemas/records/record-input.ts';
import { GENESIS } from '../audit.ts';
import type { WorkingCalendar } from '../calendar/working-days.ts';
import { workingDaysBetween } from '../calendar/working-days.ts';
import { shanghaiDate } from '../dates.ts';
import { ConflictError, InvalidInputError, RuleViolationError } from '../errors.ts';
import { UPHELD_PREFIX } from '../objections/vocabulary.ts';
import { disclosureDeadline, publicationExpiry } from './deadlines.ts';
import { alreadyPublished, decisionDateInFuture, recordRevoked } from './errors.ts';
import { type Authority, changedFields, type DisclosureRecord } from './record.ts';
import type { JudgedChange } from './revocation.ts';
import { isShownAt } from './shown.ts';

/**
 * Every change a record can go through, each guarding its own preconditions: the use cases
 * load, call one of these and save, so no rule about a record lives anywhere else.
 */

/** Corrections kept per record; the record item must stay well inside DynamoDB's 400 KB. */
export const MAX_VERSIONS = 50;

function assertNotRevoked(record: DisclosureRecord): void {
  if (record.status === 'revoked') throw recordRevoked();
}

/** No decision lies after today (Asia/Shanghai): not at registration, not by a correction. */
export function assertDecidedByToday(content: RecordInput, today: string, field = 'decisionDate'): void {
  if (content.decisionDate > today) throw decisionDateInFuture(today, field);
}

/** A new registered record, due for disclosure within the limit counted from its decision. */
export function register(
  input: { id: string; authority: Authority; content: RecordInput },
  calendar: WorkingCalendar,
  at: Date,
): DisclosureRecord {
  assertDecidedByToday(input.content, shanghaiDate(at));
  return {
    ...input,
    status: 'registered',
    version: 1,
    revision: 1,
    registeredAt: at.toISOString(),
    disclosure: disclosureDeadline(calendar, input.content.decisionDate),
    history: [],
    head: GENESIS,
  };
}

/**
 * Publishes a registered record at `at`, on time if `at` is not after the end of the
 * disclosure deadline; otherwise it says by how many working days it was late.
 */
export function publish(
  record: DisclosureRecord,
  at: Date,
  by: 'agency' | 'system',
  calendar: WorkingCalendar,
): DisclosureRecord {
  assertNotRevoked(record);
  if (record.status !== 'registered') throw alreadyPublished();
  const onTime = at.getTime() <= Date.parse(record.disclosure.dueAt);
  const publishedOn = shanghaiDate(at);
  const workingDaysLate = onTime ? 0 : workingDaysBetween(calendar, record.disclosure.due, publishedOn);
  const workingDaysToPublish = workingDaysBetween(calendar, record.content.decisionDate, publishedOn);
  const published: DisclosureRecord = {
    ...record,
    status: 'published',
    revision: record.revision + 1,
    publication: { at: at.toISOString(), by, onTime, workingDaysLate, workingDaysToPublish },
  };
  // Published after its maximum period already ended (registered late): it never shows,
  // rather than showing until the next daily sweep ends it.
  const expiry = publicationExpiry(published);
  return expiry && Date.parse(expiry) <= at.getTime()
    ? { ...published, publicationEnd: { at: at.toISOString(), reason: 'expired' } }
    : published;
}

/** A correction may not change what kind of action the record is: that is a new record. */
export function assertKindUnchanged(
  record: DisclosureRecord,
  changes: Record<string, unknown>,
  field: string,
) {
  if (changes.kind !== undefined && changes.kind !== record.content.kind) {
    throw new InvalidInputError({
      code: 'kind_unchangeable',
      field: `${field}.kind`,
      messages: {
        zh: '不能更改记录类别，请撤销后重新登记',
        en: 'the kind cannot change; revoke and register anew',
      },
    });
  }
}

/** A new version of the content; the old one is kept in the history. */
export function correct(
  record: DisclosureRecord,
  content: RecordInput,
  reason: string,
  at: Date,
): DisclosureRecord {
  assertNotRevoked(record);
  const fields = changedFields(record.content, content);
  if (fields.length === 0) {
    throw new RuleViolationError({
      code: 'nothing_changed',
      field: 'changes',
      messages: { zh: '更正没有改变任何内容', en: 'the correction changes nothing' },
    });
  }
  if (record.version >= MAX_VERSIONS) {
    throw new RuleViolationError({
      code: 'too_many_versions',
      messages: {
        zh: `一条记录最多更正 ${MAX_VERSIONS - 1} 次`,
        en: `a record takes at most ${MAX_VERSIONS - 1} corrections`,
      },
    });
  }
  return {
    ...record,
    content,
    version: record.version + 1,
    revision: record.revision + 1,
    history: [
      ...record.history,
      {
        version: record.version + 1,
        at: at.toISOString(),
        reason,
        changedFields: fields,
        previous: record.content,
      },
    ],
  };
}

function revoked(
  record: DisclosureRecord,
  reason: string,
  at: Date,
  decision?: JudgedChange,
): DisclosureRecord {
  assertNotRevoked(record);
  const late = decision !== undefined && !decision.onTime;
  return {
    ...record,
    status: 'revoked',
    revision: record.revision + 1,
    revocation: {
      at: at.toISOString(),
      reason,
      ...decision,
      // Withdrawn after the 3 working days (条例 第40条): the credit office is told at once.
      ...(late ? { escalatedAt: at.toISOString() } : {}),
      // The decision itself was revoked (处罚法 第48条: 公开说明理由): the public that saw it is
      // told. A record withdrawn for an upheld objection was wrong, not revoked: it just goes.
      ...(decision && isShownAt(record, at) ? { shownWhenRevoked: true } : {}),
    },
  };
}

/**
 * Takes the record out of public view for good; its history stays. With the revoking
 * decision, the revocation keeps it and its judgement against the limit (revocation.ts). A
 * pending objection or repair would be left dangling: it must be decided first (an objection
 * can itself be upheld with the revocation, see revokeOnObjection).
 */
export function revoke(
  record: DisclosureRecord,
  reason: string,
  at: Date,
  decision?: JudgedChange,
): DisclosureRecord {
  if (record.objection || record.repair) {
    throw new ConflictError({
      code: 'workflow_pending',
      messages: {
        zh: '该记录有待处理的异议或信用修复申请，请先作出决定',
        en: 'an objection or repair application for this record is pending; decide it first',
      },
      details: {
        ...(record.objection ? { objectionId: record.objection.id } : {}),
        ...(record.repair ? { repairId: record.repair.id } : {}),
      },
    });
  }
  return revoked(record, reason, at, decision);
}

/** An upheld objection revokes its record, and its own 异议处理中 label goes with it. */
export function revokeOnObjection(record: DisclosureRecord, reason: string, at: Date): DisclosureRecord {
  return { ...revoked(record, `${UPHELD_PREFIX}${reason}`, at), objection: undefined };
}

/**
 * After the decision date was corrected: the disclosure deadline counted again from it, a
 * publication judged against the new deadline, and an overdue mark kept only if still true.
 */
export function recountDeadline(
  record: DisclosureRecord,
  calendar: WorkingCalendar,
  now: Date,
): DisclosureRecord {
  const next = disclosureDeadline(calendar, record.content.decisionDate);
  const { remindedAt } = record.disclosure;
  const p = record.publication;
  const publishedOn = p && shanghaiDate(new Date(p.at));
  const onTime = p ? Date.parse(p.at) <= Date.parse(next.dueAt) : undefined;
  return {
    ...record,
    disclosure: { ...next, ...(remindedAt ? { remindedAt } : {}) },
    publication:
      p && publishedOn
        ? {
            ...p,
            onTime: onTime === true,
            workingDaysLate: onTime ? 0 : workingDaysBetween(calendar, next.due, publishedOn),
            workingDaysToPublish: workingDaysBetween(calendar, record.content.decisionDate, publishedOn),
          }
        : undefined,
    overdue: record.overdue && Date.parse(next.dueAt) <= now.getTime() ? record.overdue : undefined,
  };
}

/**
 * The change that revokes a record. A revoked decision gives its document number up: a new
 * decision under the same number is a new record (the stores retire the number's claim).
 */
export const isNewlyRevoked = (before: DisclosureRecord | undefined, after: DisclosureRecord) =>
  after.status === 'revoked' && before !== undefined && before.status !== 'revoked';
