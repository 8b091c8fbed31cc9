import type { RecordInput } from '../../schemas/records/record-input.ts';
import type { WorkingCalendar } from '../calendar/working-days.ts';
import { workingDaysBetween } from '../calendar/working-days.ts';
import { shanghaiDate } from '../dates.ts';
import { RuleViolationError } from '../errors.ts';
import { disclosureDeadline } from './deadlines.ts';
import { alreadyPublished, recordRevoked } from './errors.ts';
import { changedFields, type DisclosureRecord } from './record.ts';

/** Corrections kept per record; the record item must stay well inside DynamoDB's 400 KB. */
export const MAX_VERSIONS = 50;

function assertNotRevoked(record: DisclosureRecord): void {
  if (record.status === 'revoked') throw recordRevoked();
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
  return {
    ...record,
    status: 'published',
    revision: record.revision + 1,
    publication: { at: at.toISOString(), by, onTime, workingDaysLate, workingDaysToPublish },
  };
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

/** Takes the record out of public view for good; its history stays. */
export function revoke(record: DisclosureRecord, reason: string, at: Date): DisclosureRecord {
  assertNotRevoked(record);
  return {
    ...record,
    status: 'revoked',
    revision: record.revision + 1,
    revocation: { at: at.toISOString(), reason },
  };
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
