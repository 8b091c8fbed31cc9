import type { RecordInput } from '../../schemas/records/record-input.ts';
import { type Actor, GENESIS, nextAuditEntry } from '../audit.ts';
import { type CalendarYearsPort, withCalendar } from '../calendar/load-calendar.ts';
import { addWorkingDays } from '../calendar/working-days.ts';
import type { Clock } from '../clock.ts';
import { shanghaiDate, shanghaiTimestamp, yearOf } from '../dates.ts';
import { AccessDeniedError, ConflictError, fieldsUnder, RuleViolationError } from '../errors.ts';
import { workflowEvent } from '../events.ts';
import { newId } from '../ids.ts';
import { TIME_LIMITS } from '../policy/time-limits.ts';
import { decisionDateInFuture } from '../records/errors.ts';
import { mergeChanges } from '../records/merge.ts';
import type { Page, RecordStore } from '../records/ports.ts';
import { type DisclosureRecord, isPubliclyListed } from '../records/record.ts';
import { correct, recountDeadline, revoke } from '../records/transitions.ts';
import { stateOf } from '../records/use-cases.ts';
import type { WorkflowStore } from '../workflows/ports.ts';
import {
  accept,
  decide,
  type Evidence,
  type HandlingDeadline,
  type Objection,
  type ObjectionReason,
  objectionDecided,
  recordSummary,
} from './objection.ts';

export interface ObjectionDeps {
  readonly records: RecordStore;
  readonly workflows: WorkflowStore;
  readonly calendarYears: CalendarYearsPort;
  readonly clock: Clock;
}

/** The caller as this workflow knows it: the entity that objects or the agency that decides. */
export type Party =
  | { readonly role: 'entity'; readonly uscc: string }
  | { readonly role: 'agency'; readonly agency: string };

export function notAccessible(kind: 'objection' | 'repair' | 'record'): AccessDeniedError {
  const zh = { objection: '异议', repair: '信用修复申请', record: '记录' }[kind];
  return new AccessDeniedError({
    code: `${kind}_not_accessible`,
    messages: { zh: `无权访问该${zh}，或其不存在`, en: `no such ${kind} among those you may access` },
  });
}

/** The record an entity acts on: its own (by USCC), else the same refusal as for none at all. */
export async function ownRecordOf(
  records: RecordStore,
  entity: string,
  recordId: string,
): Promise<DisclosureRecord> {
  const record = await records.get(recordId);
  if (!record || record.content.subject.uscc !== entity) throw notAccessible('record');
  return record;
}

/** Working days from the date of `at`, as a handling deadline. */
export async function handlingDeadline(
  calendarYears: CalendarYearsPort,
  at: Date,
  workingDays: number,
): Promise<HandlingDeadline> {
  const from = shanghaiDate(at);
  const d = await withCalendar(calendarYears, [yearOf(from)], (calendar) =>
    addWorkingDays(calendar, from, workingDays),
  );
  return { due: d.due, dueAt: d.dueAt, provisional: d.provisional };
}

/** Objections (异议): the entity files, the agency accepts and decides, within the time limit. */
export function makeObjectionUseCases({ records, workflows, calendarYears, clock }: ObjectionDeps) {
  const audit = (
    before: { head: Objection['head'] } | undefined,
    actor: Actor,
    action: string,
    state: unknown,
    at: Date,
  ) => nextAuditEntry(before?.head ?? GENESIS, { at: at.toISOString(), actor, action, state });

  async function visible(party: Party, id: string): Promise<Objection> {
    const objection = await workflows.getObjection(id);
    const mine =
      objection &&
      (party.role === 'entity' ? objection.entity === party.uscc : objection.agency === party.agency);
    if (!objection || !mine) throw notAccessible('objection');
    return objection;
  }

  return {
    /**
     * 1. the record must be the caller's own (else the same refusal as for no record);
     * 2. it must be public, with no objection of the entity's pending; `repair_result` needs a
     *    refused repair to contest;
     * 3. the limit is 3 working days from the day of filing (山东省社会信用条例 第39条);
     * 4. the objection, the record's 异议处理中 label, both audit entries and the event are one write.
     */
    async file(
      entity: string,
      input: { recordId: string; reason: ObjectionReason; statement: string; evidence: readonly Evidence[] },
      actor: Actor,
    ): Promise<Objection> {
      const record = await ownRecordOf(records, entity, input.recordId);
      if (!isPubliclyListed(record)) {
        throw new RuleViolationError({
          code: 'record_not_public',
          field: 'recordId',
          messages: { zh: '只能对正在公示的记录提出异议', en: 'objections are to records in public view' },
        });
      }
      if (input.reason === 'repair_result' && record.lastRepairDecision?.outcome !== 'rejected') {
        // A record still in public view after a repair decision was refused repair; one that was
        // approved has left public view (refused above). Without a refusal there is no result.
        throw new RuleViolationError({
          code: 'no_repair_result',
          field: 'reason',
          messages: {
            zh: '该记录没有不予修复的决定，不能以“对信用修复结果有异议”为由提出异议',
            en: 'no credit repair of this record was refused; there is no repair result to object to',
          },
        });
      }
      if (record.objection) {
        throw new ConflictError({
          code: 'objection_pending',
          field: 'recordId',
          messages: { zh: '该记录已有待处理的异议', en: 'an objection to this record is already pending' },
          details: { objectionId: record.objection.id },
        });
      }
      const at = clock();
      const objection: Objection = {
        id: newId('obj'),
        recordId: record.id,
        record: recordSummary(record),
        entity,
        agency: record.authority.uscc,
        reason: input.reason,
        statement: input.statement,
        evidence: input.evidence,
        status: 'pending',
        filedAt: at.toISOString(),
        needsOtherUnit: false,
        deadline: await handlingDeadline(calendarYears, at, TIME_LIMITS.objection.value),
        revision: 1,
        head: GENESIS,
      };
      const labelled: DisclosureRecord = {
        ...record,
        revision: record.revision + 1,
        objection: { id: objection.id, filedAt: objection.filedAt },
      };
      const objectionAudit = audit(undefined, actor, 'objection.filed', stateOf(objection), at);
      const recordAudit = audit(record, actor, 'record.objection_filed', stateOf(labelled), at);
      await workflows.commit({
        record: { before: record, after: { ...labelled, head: recordAudit }, audit: recordAudit },
        objection: {
          before: undefined,
          after: { ...objection, head: objectionAudit },
          audit: objectionAudit,
        },
        events: [
          workflowEvent('objection-filed', 'objection', objection, at, {
            reason: objection.reason,
            dueAt: objection.deadline.dueAt,
          }),
        ],
      });
      return { ...objection, head: objectionAudit };
    },

    get: visible,

    /** The agency accepts, saying whether another unit must help verify (7 working days, else 3). */
    async accept(agency: string, id: string, needsOtherUnit: boolean, actor: Actor): Promise<Objection> {
      const before = await visible({ role: 'agency', agency }, id);
      const at = clock();
      const limit = needsOtherUnit ? TIME_LIMITS.objectionWithOtherUnit : TIME_LIMITS.objection;
      const deadline = await handlingDeadline(calendarYears, new Date(before.filedAt), limit.value);
      const after = accept(before, needsOtherUnit, deadline, at);
      const entry = audit(before, actor, 'objection.accepted', stateOf(after), at);
      await workflows.commit({
        objection: { before, after: { ...after, head: entry }, audit: entry },
        events: [],
      });
      return { ...after, head: entry };
    },

    /**
     * The decision, in one write with its effect on the record: upheld with a correction, a
     * new record version; upheld with revoke, the record leaves public view; rejected, the
     * record unchanged. Either way the label is cleared and the entity is told (an event).
     */
    async decide(
      agency: string,
      id: string,
      input: {
        outcome: 'upheld' | 'rejected';
        reason: string;
        correction?: Record<string, unknown> | undefined;
        revoke?: boolean | undefined;
      },
      validate: (content: unknown) => RecordInput,
      actor: Actor,
    ): Promise<Objection> {
      const before = await visible({ role: 'agency', agency }, id);
      if (before.status !== 'pending') throw objectionDecided();
      const record = await records.get(before.recordId);
      if (!record) throw notAccessible('record');
      const at = clock();
      let changed: DisclosureRecord = { ...record, revision: record.revision + 1, objection: undefined };
      let effect: 'corrected' | 'revoked' | 'none' = 'none';
      if (input.outcome === 'upheld' && input.correction) {
        const content = validate(mergeChanges(record.content, input.correction));
        // The same rule as a correction through the records routes: no decision after today.
        const today = shanghaiDate(at);
        if (content.decisionDate > today) throw decisionDateInFuture(today, 'correction.decisionDate');
        changed = { ...correctForObjection(record, content, input.reason, at), objection: undefined };
        if (content.decisionDate !== record.content.decisionDate) {
          const years = [yearOf(content.decisionDate), yearOf(shanghaiDate(at))];
          const corrected = changed;
          changed = await withCalendar(calendarYears, years, (calendar) =>
            recountDeadline(corrected, calendar, at),
          );
        }
        effect = 'corrected';
      } else if (input.outcome === 'upheld' && input.revoke) {
        changed = { ...revoke(record, `异议成立：${input.reason}`, at), objection: undefined };
        effect = 'revoked';
      }
      const after = decide(before, {
        outcome: input.outcome,
        reason: input.reason,
        at: at.toISOString(),
        effect,
        ...(effect === 'corrected' ? { recordVersion: changed.version } : {}),
      });
      const objectionAudit = audit(before, actor, `objection.${input.outcome}`, stateOf(after), at);
      const recordAudit = audit(
        record,
        actor,
        effect === 'none' ? 'record.objection_closed' : `record.${effect}_on_objection`,
        stateOf(changed),
        at,
      );
      const write = () =>
        workflows.commit({
          record: { before: record, after: { ...changed, head: recordAudit }, audit: recordAudit },
          objection: { before, after: { ...after, head: objectionAudit }, audit: objectionAudit },
          events: [
            workflowEvent('objection-decided', 'objection', after, at, { outcome: input.outcome, effect }),
          ],
        });
      await (effect === 'corrected' ? fieldsUnder('correction', write) : write());
      return { ...after, head: objectionAudit };
    },

    async forAgency(
      agency: string,
      q: { status: 'pending' | 'decided'; overdue: boolean; limit: number; cursor?: string | undefined },
    ): Promise<Page<Objection>> {
      return workflows.objectionsForAgency({
        agency,
        status: q.status,
        ...(q.overdue ? { dueBefore: shanghaiTimestamp(clock()) } : {}),
        limit: q.limit,
        cursor: q.cursor,
      });
    },

    forEntity: (entity: string, q: { limit: number; cursor?: string | undefined }) =>
      workflows.objectionsForEntity({ entity, ...q }),
  };
}

export type ObjectionUseCases = ReturnType<typeof makeObjectionUseCases>;

/** The record corrected by an upheld objection; a correction that changes nothing names `correction`. */
function correctForObjection(
  record: DisclosureRecord,
  content: RecordInput,
  reason: string,
  at: Date,
): DisclosureRecord {
  try {
    return correct(record, content, `异议成立：${reason}`, at);
  } catch (error) {
    if (!(error instanceof RuleViolationError) || error.field !== 'changes') throw error;
    throw new RuleViolationError({
      code: error.code,
      field: 'correction',
      messages: error.messages,
      cause: error,
    });
  }
}
