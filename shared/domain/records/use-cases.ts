import type { RecordInput } from '../../schemas/records/record-input.ts';
import { type Actor, auditEntryFor, hashState } from '../audit.ts';
import type { CalendarYearsPort } from '../calendar/load-calendar.ts';
import { withCalendar } from '../calendar/load-calendar.ts';
import type { Clock } from '../clock.ts';
import { shanghaiDate, yearOf } from '../dates.ts';
import { ConflictError, fieldsUnder } from '../errors.ts';
import type { DomainEvent } from '../events.ts';
import { newId } from '../ids.ts';
import { type WorklistRequest, worklistQuery } from '../worklist.ts';
import { applyCorrection, type ValidateContent } from './correction.ts';
import { documentNumberTaken, recordNotAccessible, TransactionTooLargeError } from './errors.ts';
import { lifecycleEvents } from './lifecycle-events.ts';
import type { Page, RecordStore } from './ports.ts';
import type { Authority, DisclosureRecord, RecordStatus } from './record.ts';
import {
  assertChangingDecisionDate,
  type ChangingDecision,
  type JudgedChange,
  judgeRecordChange,
  lateChangeEvents,
  revocationEvents,
  withChangingDecision,
} from './revocation.ts';
import { assertDecidedByToday, publish, register, revoke } from './transitions.ts';

export interface RecordDeps {
  readonly records: RecordStore;
  readonly calendarYears: CalendarYearsPort;
  readonly clock: Clock;
  readonly newRecordId?: () => string;
}

/** Years from the first to the last of some dates, for loading the calendar a step needs. */
function yearsBetween(first: string, last: string): number[] {
  const years: number[] = [];
  for (let y = yearOf(first); y <= Math.max(yearOf(first), yearOf(last)); y++) years.push(y);
  return years;
}

/** What agencies do with their records: register, publish, correct, revoke, list. */
export function makeRecordUseCases({
  records,
  calendarYears,
  clock,
  newRecordId = () => newId('rec'),
}: RecordDeps) {
  async function ownRecord(agency: string, id: string): Promise<DisclosureRecord> {
    const record = await records.get(id);
    if (!record || record.authority.uscc !== agency) throw recordNotAccessible();
    return record;
  }

  async function publishAt(
    record: DisclosureRecord,
    at: Date,
    by: 'agency' | 'system',
  ): Promise<DisclosureRecord> {
    const years = yearsBetween(record.content.decisionDate, shanghaiDate(at));
    return withCalendar(calendarYears, years, (calendar) => publish(record, at, by, calendar));
  }

  async function change(
    before: DisclosureRecord,
    after: DisclosureRecord,
    action: string,
    actor: Actor,
    at: Date,
    events: readonly DomainEvent[] = [],
  ): Promise<DisclosureRecord> {
    const audit = auditEntryFor(before, after, { actor, action, at });
    const saved = { ...after, head: audit };
    const told = [...lifecycleEvents(before, after, at), ...events];
    try {
      await records.save(before, saved, audit, told);
      return saved;
    } catch (error) {
      if (!(error instanceof TransactionTooLargeError)) throw error;
      return changeInTwoSteps(before, after, action, actor, at, told);
    }
  }

  /** A changing decision, checked against the record and judged against the limit from it. */
  async function judged(
    record: DisclosureRecord,
    decision: ChangingDecision,
    at: Date,
  ): Promise<JudgedChange> {
    assertChangingDecisionDate(record, decision, at);
    const judgement = await withCalendar(
      calendarYears,
      yearsBetween(decision.decisionDate, shanghaiDate(at)),
      (calendar) => judgeRecordChange(calendar, decision.decisionDate, at),
    );
    return { ...decision, ...judgement };
  }

  /**
   * A change too large for one transaction (renaming a record with a very long name): first
   * the change with the old name's index dropped and the new one pending, then the new index.
   * Each step is consistent; if the second fails, the sweeps complete it ('name-index').
   */
  async function changeInTwoSteps(
    before: DisclosureRecord,
    after: DisclosureRecord,
    action: string,
    actor: Actor,
    at: Date,
    events: readonly DomainEvent[],
  ): Promise<DisclosureRecord> {
    const pending = { ...after, nameIndexPending: { since: at.toISOString() } };
    const first = auditEntryFor(before, pending, { actor, action, at });
    // The events go with the first step: it is the change they report.
    await records.save(before, { ...pending, head: first }, first, events);
    return completeNameIndex({ ...pending, head: first }, actor, at);
  }

  async function completeNameIndex(
    pending: DisclosureRecord,
    actor: Actor,
    at: Date,
  ): Promise<DisclosureRecord> {
    const done = { ...pending, revision: pending.revision + 1, nameIndexPending: undefined };
    const audit = auditEntryFor(pending, done, { actor, action: 'record.name_index_completed', at });
    await records.save(pending, { ...done, head: audit }, audit);
    return { ...done, head: audit };
  }

  /** An earlier registration of the same document, if its content is the same; else a 409. */
  async function existingRegistration(
    agency: string,
    input: RecordInput,
  ): Promise<DisclosureRecord | undefined> {
    const claim = await records.findByDocument(agency, input.kind, input.documentNumber);
    if (!claim) return undefined;
    if (claim.contentHash !== hashState(input)) {
      if (claim.retired) return undefined;
      throw documentNumberTaken(input.documentNumber);
    }
    return records.get(claim.recordId);
  }

  return {
    /**
     * Registers one record; idempotent on (agency, kind, document number):
     * 1. the decision date may not lie after today (Asia/Shanghai);
     * 2. the same content again returns the existing record (published now if asked and it
     *    was not yet), other content is a 409;
     * 3. the disclosure deadline is 7 working days after the decision date;
     * 4. with `publish`, the record is published in the same write.
     */
    async register(
      authority: Authority,
      input: RecordInput,
      { publish: publishNow = false, actor }: { publish?: boolean; actor: Actor },
    ): Promise<{ record: DisclosureRecord; created: boolean }> {
      const now = clock();
      // Before anything is read: a decision dated after today is refused whatever is stored.
      assertDecidedByToday(input, shanghaiDate(now));
      const existing = await existingRegistration(authority.uscc, input);
      if (existing) {
        // A retried "register and publish" whose first try only registered: finish the job.
        if (!publishNow || existing.status !== 'registered') return { record: existing, created: false };
        const published = await change(
          existing,
          await publishAt(existing, now, 'agency'),
          'record.published',
          actor,
          now,
        );
        return { record: published, created: false };
      }

      // One calendar read for both steps: the deadline from the decision, the publication today.
      // (After the claim, not beside it: the store's calls keep one order, which the fault
      // tests rely on to fail each in turn.)
      const years = publishNow
        ? yearsBetween(input.decisionDate, shanghaiDate(now))
        : [yearOf(input.decisionDate)];
      let record = await withCalendar(calendarYears, years, (working) => {
        const fresh = register({ id: newRecordId(), authority, content: input }, working, now);
        return publishNow ? publish(fresh, now, 'agency', working) : fresh;
      });
      const action = publishNow ? 'record.registered_and_published' : 'record.registered';
      const audit = auditEntryFor(undefined, record, { actor, action, at: now });
      record = { ...record, head: audit };
      try {
        await records.create(record, audit, lifecycleEvents(undefined, record, now));
      } catch (error) {
        // Two identical registrations at once: the loser answers with the winner's record.
        if (!(error instanceof ConflictError)) throw error;
        const winner = await existingRegistration(authority.uscc, input);
        if (!winner) throw error;
        return { record: winner, created: false };
      }
      return { record, created: true };
    },

    async publish(agency: string, id: string, actor: Actor): Promise<DisclosureRecord> {
      const before = await ownRecord(agency, id);
      const at = clock();
      return change(before, await publishAt(before, at, 'agency'), 'record.published', actor, at);
    },

    /**
     * A correction: `changes` merged into the content, then validated as a whole. With the
     * decision that changed the record's decision, the history entry keeps it and whether the
     * change came within its 3 working days (条例 第40条).
     */
    async correct(
      agency: string,
      id: string,
      {
        changes,
        reason,
        decision,
      }: { changes: Record<string, unknown>; reason: string; decision?: ChangingDecision | undefined },
      validate: ValidateContent,
      actor: Actor,
    ): Promise<DisclosureRecord> {
      const before = await ownRecord(agency, id);
      const at = clock();
      const judgement = decision && (await judged(before, decision, at));
      const corrected = await applyCorrection(
        before,
        { changes, reason, field: 'changes' },
        { validate, calendarYears, at },
      );
      const after = judgement ? withChangingDecision(corrected, judgement) : corrected;
      const events = judgement ? lateChangeEvents(after, judgement, at) : [];
      return fieldsUnder('changes', () => change(before, after, 'record.corrected', actor, at, events));
    },

    /**
     * Withdraws a record (status `revoked`) at once:
     * 1. an objection or repair pending refuses it (409 `workflow_pending`);
     * 2. with the revoking decision (复议决定, 判决, the agency's own), its date must lie between
     *    the record's decision and today, and the revocation is judged against the 3 working
     *    days counted from it (条例 第40条; 处罚法 第48条);
     * 3. the entity is told (`record-revoked`), and a late revocation is an `overdue` event and
     *    an escalation to the credit office, all in the same write.
     */
    async revoke(
      agency: string,
      id: string,
      reason: string,
      actor: Actor,
      decision?: ChangingDecision,
    ): Promise<DisclosureRecord> {
      const before = await ownRecord(agency, id);
      const at = clock();
      const judgement = decision && (await judged(before, decision, at));
      const after = revoke(before, reason, at, judgement);
      return change(before, after, 'record.revoked', actor, at, revocationEvents(after, at));
    },

    get: ownRecord,

    worklist: (agency: string, request: WorklistRequest<RecordStatus>): Promise<Page<DisclosureRecord>> =>
      records.listForAgency(worklistQuery(agency, request, clock())),

    publishAt,
    completeNameIndex,
  };
}

export type RecordUseCases = ReturnType<typeof makeRecordUseCases>;
