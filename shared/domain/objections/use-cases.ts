import { type Actor, auditEntryFor } from '../audit.ts';
import type { CalendarYearsPort } from '../calendar/load-calendar.ts';
import type { Clock } from '../clock.ts';
import { fieldsUnder } from '../errors.ts';
import { newId } from '../ids.ts';
import { applyCorrection, type ValidateContent } from '../records/correction.ts';
import type { Page, RecordStore } from '../records/ports.ts';
import type { DisclosureRecord } from '../records/record.ts';
import { revokeOnObjection } from '../records/transitions.ts';
import { clearObjection, labelObjection } from '../records/workflow-marks.ts';
import { filingEvent } from '../workflows/events.ts';
import { handlingDeadline } from '../workflows/filing.ts';
import {
  asFiler,
  type Filer,
  notAccessible,
  ownRecordOf,
  type Party,
  visibleTo,
} from '../workflows/party.ts';
import { filingsOf, type WorkflowStore } from '../workflows/ports.ts';
import { type WorklistRequest, worklistQuery } from '../worklist.ts';
import {
  accept,
  assertPendingOn,
  decide,
  fileObjection,
  handlingLimit,
  isLabelled,
  type Objection,
  type ObjectionDecision,
  type ObjectionFiling,
} from './objection.ts';
import { earlierObjections, refilingCheck } from './repeat.ts';
import { type ObjectionOutcome, type ObjectionStatus, UPHELD_PREFIX } from './vocabulary.ts';

export interface ObjectionDeps {
  readonly records: RecordStore;
  readonly workflows: WorkflowStore;
  readonly calendarYears: CalendarYearsPort;
  readonly clock: Clock;
}

export interface ObjectionDecisionInput {
  readonly outcome: ObjectionOutcome;
  readonly reason: string;
  readonly correction?: Record<string, unknown> | undefined;
  readonly revoke?: boolean | undefined;
}

/**
 * Objections (异议): the entity or person files, the agency accepts and decides, within the
 * time limit (山东省社会信用条例 第39条: any 信用主体, natural persons included).
 */
export function makeObjectionUseCases({ records, workflows, calendarYears, clock }: ObjectionDeps) {
  const visible = async (party: Party, id: string) =>
    visibleTo('objection', party, await workflows.getObjection(id));

  /** What an upheld objection does to its record; a rejected one only clears the label. */
  async function effectOn(
    record: DisclosureRecord,
    input: ObjectionDecisionInput,
    validate: ValidateContent,
    at: Date,
  ): Promise<{ record: DisclosureRecord; effect: ObjectionDecision['effect'] }> {
    if (input.outcome === 'upheld' && input.correction) {
      const corrected = await applyCorrection(
        record,
        { changes: input.correction, reason: `${UPHELD_PREFIX}${input.reason}`, field: 'correction' },
        { validate, calendarYears, at },
      );
      return { record: { ...corrected, objection: undefined }, effect: 'corrected' };
    }
    if (input.outcome === 'upheld' && input.revoke) {
      return { record: revokeOnObjection(record, input.reason, at), effect: 'revoked' };
    }
    return { record: clearObjection(record), effect: 'none' };
  }

  return {
    /**
     * 1. the record must be the filer's own (else the same refusal as for no record);
     * 2. it must be in force for the filer (an entity's public, a person's published), with no
     *    objection of the filer's pending; `repair_result` needs a refused repair to contest
     *    (objection.ts);
     * 3. after a rejected objection, one on the same ground needs new facts or evidence, and a
     *    refiling waits for acceptance before it labels the record (repeat.ts);
     * 4. the limit is 3 working days from the day of filing (山东省社会信用条例 第39条);
     * 5. the objection, the record's 异议处理中 label (or, for a refiling, only its new revision,
     *    which stops a concurrent filing), both audit entries and the event are one write.
     */
    async file(
      by: Filer | string,
      input: ObjectionFiling & { recordId: string },
      actor: Actor,
    ): Promise<Objection> {
      const filer = asFiler(by);
      const record = await ownRecordOf(records, filer, input.recordId);
      const at = clock();
      const deadline = await handlingDeadline(calendarYears, at, handlingLimit(false).value);
      const candidate = fileObjection(record, { ...input, id: newId('obj'), filer }, deadline, at);
      const refiles = refilingCheck(input, await earlierObjections(workflows, filer, record));
      const objection = refiles ? { ...candidate, refiles } : candidate;
      const labelled = refiles
        ? { ...record, revision: record.revision + 1 }
        : labelObjection(record, objection);
      const action = refiles ? 'record.objection_refiled' : 'record.objection_filed';
      const objectionAudit = auditEntryFor(undefined, objection, { actor, action: 'objection.filed', at });
      const recordAudit = auditEntryFor(record, labelled, { actor, action, at });
      await workflows.commit({
        record: { before: record, after: { ...labelled, head: recordAudit }, audit: recordAudit },
        objection: {
          before: undefined,
          after: { ...objection, head: objectionAudit },
          audit: objectionAudit,
        },
        events: [
          filingEvent('objection-filed', 'objection', objection, at, {
            reason: objection.reason,
            dueAt: objection.deadline.dueAt,
          }),
        ],
      });
      return { ...objection, head: objectionAudit };
    },

    get: visible,

    /**
     * The agency accepts, saying whether another unit must help verify (7 working days, else 3).
     * Accepting a refiling puts its 异议处理中 label on the record, in the same write.
     */
    async accept(agency: string, id: string, needsOtherUnit: boolean, actor: Actor): Promise<Objection> {
      const before = await visible({ role: 'agency', agency }, id);
      const at = clock();
      const limit = handlingLimit(needsOtherUnit).value;
      const deadline = await handlingDeadline(calendarYears, new Date(before.filedAt), limit);
      const after = accept(before, needsOtherUnit, deadline, at);
      const audit = auditEntryFor(before, after, { actor, action: 'objection.accepted', at });
      const objection = { before, after: { ...after, head: audit }, audit };
      // The filer is told it was accepted, with the handling deadline that now runs.
      const events = [filingEvent('objection-accepted', 'objection', after, at, { dueAt: deadline.dueAt })];
      if (isLabelled(before)) {
        await workflows.commit({ objection, events });
        return { ...after, head: audit };
      }
      const record = await records.get(before.recordId);
      if (!record) throw notAccessible('record');
      assertPendingOn(before, record);
      const labelled = labelObjection(record, after);
      const recordAudit = auditEntryFor(record, labelled, { actor, action: 'record.objection_accepted', at });
      await workflows.commit({
        record: { before: record, after: { ...labelled, head: recordAudit }, audit: recordAudit },
        objection,
        events,
      });
      return { ...after, head: audit };
    },

    /**
     * The decision, in one write with its effect on the record: upheld with a correction, a
     * new record version; upheld with revoke, the record leaves public view; rejected, the
     * record unchanged. Either way the label is cleared and the entity is told (an event).
     */
    async decide(
      agency: string,
      id: string,
      input: ObjectionDecisionInput,
      validate: ValidateContent,
      actor: Actor,
    ): Promise<Objection> {
      const before = await visible({ role: 'agency', agency }, id);
      const record = await records.get(before.recordId);
      if (!record) throw notAccessible('record');
      assertPendingOn(before, record);
      const at = clock();
      const { record: changed, effect } = await effectOn(record, input, validate, at);
      const after = decide(before, {
        outcome: input.outcome,
        reason: input.reason,
        at: at.toISOString(),
        effect,
        ...(effect === 'corrected' ? { recordVersion: changed.version } : {}),
      });
      const objectionAudit = auditEntryFor(before, after, {
        actor,
        action: `objection.${input.outcome}`,
        at,
      });
      const recordAction = effect === 'none' ? 'record.objection_closed' : `record.${effect}_on_objection`;
      const recordAudit = auditEntryFor(record, changed, { actor, action: recordAction, at });
      const write = () =>
        workflows.commit({
          record: { before: record, after: { ...changed, head: recordAudit }, audit: recordAudit },
          objection: { before, after: { ...after, head: objectionAudit }, audit: objectionAudit },
          events: [
            filingEvent('objection-decided', 'objection', after, at, { outcome: input.outcome, effect }),
          ],
        });
      await (effect === 'corrected' ? fieldsUnder('correction', write) : write());
      return { ...after, head: objectionAudit };
    },

    forAgency: (agency: string, request: WorklistRequest<ObjectionStatus>): Promise<Page<Objection>> =>
      workflows.objectionsForAgency(worklistQuery(agency, request, clock())),

    forEntity: (entity: string, q: { limit: number; cursor?: string | undefined }) =>
      workflows.objectionsForEntity({ entity, ...q }),

    /** A person's own objections, newest first. */
    forPerson: (idNumber: string, q: { limit: number; cursor?: string | undefined }) =>
      filingsOf(workflows, 'objection', { role: 'person', idNumber }, q),
  };
}

export type ObjectionUseCases = ReturnType<typeof makeObjectionUseCases>;
