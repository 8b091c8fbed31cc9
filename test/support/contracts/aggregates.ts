import { type Actor, type AuditEntry, auditEntryFor } from '../../../shared/domain/audit.ts';
import { effectiveYear } from '../../../shared/domain/calendar/seed.ts';
import { WorkingCalendar } from '../../../shared/domain/calendar/working-days.ts';
import { endOfShanghaiDay } from '../../../shared/domain/dates.ts';
import { newId } from '../../../shared/domain/ids.ts';
import type { Objection } from '../../../shared/domain/objections/objection.ts';
import type { DisclosureRecord } from '../../../shared/domain/records/record.ts';
import { publish, register } from '../../../shared/domain/records/transitions.ts';
import type { Repair } from '../../../shared/domain/repairs/repair.ts';
import { recordSummary } from '../../../shared/domain/workflows/filing.ts';
import type { Change } from '../../../shared/domain/workflows/ports.ts';
import type { RecordInput } from '../../../shared/schemas/records/record-input.ts';
import { AGENCY, penaltyInput } from '../record-builders.ts';

/*
 * Aggregates in the states the port contracts need, built by the domain's own transitions
 * (not through a use case, so a contract tests one port method at a time).
 */

const calendar = new WorkingCalendar([2025, 2026, 2027].map((y) => effectiveYear(y, undefined)));
const ACTOR: Actor = { role: 'agency', id: AGENCY };

/** A record and the audit entry of its creation, as `create` takes them. */
export function newRecord(
  input: RecordInput = penaltyInput({ decisionDate: '2026-09-30' }),
  options: { agency?: string; publishedAt?: string } = {},
): { record: DisclosureRecord; audit: AuditEntry } {
  const at = new Date(options.publishedAt ?? '2026-10-09T10:00:00+08:00');
  let record = register(
    { id: newId('rec'), authority: { uscc: options.agency ?? AGENCY }, content: input },
    calendar,
    at,
  );
  if (options.publishedAt) record = publish(record, at, 'agency', calendar);
  const audit = auditEntryFor(undefined, record, { actor: ACTOR, action: 'record.registered', at });
  return { record: { ...record, head: headOf(audit) }, audit };
}

/** `after` as the next version of `before`, with its audit entry: what `save` takes. */
export function changed<T extends { revision: number; head: { seq: number; hash: string } }>(
  before: T,
  change: Partial<T>,
  action = 'changed',
): { after: T; audit: AuditEntry } {
  const after = { ...before, ...change, revision: before.revision + 1 };
  const audit = auditEntryFor(before, after, {
    actor: ACTOR,
    action,
    at: new Date('2026-10-10T10:00:00+08:00'),
  });
  return { after: { ...after, head: headOf(audit) }, audit };
}

export function asChange<T>(before: T | undefined, next: { after: T; audit: AuditEntry }): Change<T> {
  return { before, after: next.after, audit: next.audit };
}

const FILED_AT = '2026-10-09T02:00:00.000Z';
const headOf = (audit: AuditEntry) => ({ seq: audit.seq, hash: audit.hash });

/** What every pending filing about `record` carries (workflows/filing.ts). */
function pending(record: DisclosureRecord, entity: string, due: string, filedAt: string) {
  return {
    recordId: record.id,
    record: recordSummary(record),
    entity,
    agency: record.authority.uscc,
    evidence: [],
    status: 'pending' as const,
    filedAt,
    deadline: { due, dueAt: endOfShanghaiDay(due), provisional: false },
    revision: 1,
  };
}

/** A new filing with the first entry of its audit chain. */
function withFirstEntry<T extends Objection | Repair>(filing: Omit<T, 'head'>, action: string) {
  const audit = auditEntryFor(undefined, filing, { actor: ACTOR, action, at: new Date(filing.filedAt) });
  return { filing: { ...filing, head: headOf(audit) } as T, audit };
}

/** A pending objection to `record` by `entity`, due at the end of `due`. */
export const newObjection = (record: DisclosureRecord, entity: string, due: string, filedAt = FILED_AT) =>
  withFirstEntry<Objection>(
    {
      ...pending(record, entity, due, filedAt),
      id: newId('obj'),
      reason: 'content_error',
      statement: '公示内容有误',
      needsOtherUnit: false,
    },
    'objection.filed',
  );

/** A pending repair application for `record` by `entity`, due at the end of `due`. */
export const newRepair = (record: DisclosureRecord, entity: string, due: string, filedAt = FILED_AT) =>
  withFirstEntry<Repair>(
    {
      ...pending(record, entity, due, filedAt),
      id: newId('rep'),
      commitment: { text: '本单位承诺依法诚信经营。', signedAt: '2026-10-08' },
    },
    'repair.filed',
  );
