import { type Actor, GENESIS, nextAuditEntry } from '../audit.ts';
import type { CalendarYearsPort } from '../calendar/load-calendar.ts';
import type { Clock } from '../clock.ts';
import { addDays, shanghaiDate, shanghaiTimestamp } from '../dates.ts';
import { NotFoundError, RuleViolationError } from '../errors.ts';
import { workflowEvent } from '../events.ts';
import { newId } from '../ids.ts';
import { type Evidence, recordSummary } from '../objections/objection.ts';
import { handlingDeadline, notAccessible, ownRecordOf, type Party } from '../objections/use-cases.ts';
import { publicationWindow } from '../policy/publication-periods.ts';
import { TIME_LIMITS } from '../policy/time-limits.ts';
import type { Page, RecordStore } from '../records/ports.ts';
import { type DisclosureRecord, isPubliclyListed } from '../records/record.ts';
import { stateOf } from '../records/use-cases.ts';
import type { WorkflowStore } from '../workflows/ports.ts';
import { type DecisionDocument, decisionDocument } from './decision-document.ts';
import { decideRepair, type Repair } from './repair.ts';

export interface RepairDeps {
  readonly records: RecordStore;
  readonly workflows: WorkflowStore;
  readonly calendarYears: CalendarYearsPort;
  readonly clock: Clock;
}

function refuse(code: string, zh: string, en: string, details?: Record<string, unknown>): RuleViolationError {
  return new RuleViolationError({
    code,
    field: 'recordId',
    messages: { zh, en },
    ...(details ? { details } : {}),
  });
}

/**
 * Why a record may not be repaired now, in the order the conditions are checked, or nothing:
 * a published penalty, repairable, past its minimum period, not already under repair.
 */
export function repairRefusal(record: DisclosureRecord, today: string): RuleViolationError | undefined {
  if (record.content.kind !== 'penalty' || !isPubliclyListed(record)) {
    return refuse(
      'repair_not_applicable',
      '只有正在公示的行政处罚信息可以申请信用修复',
      'only a penalty in public view can be repaired',
    );
  }
  const penalty = record.content.penalty;
  if (penalty.repairable === false) {
    return refuse(
      'not_repairable',
      '该处罚信息依法不可修复（特定严重失信等）',
      'this penalty may not be repaired (e.g. a specific serious breach)',
    );
  }
  const window = publicationWindow(record.content.decisionDate, penalty.severity);
  if (!window?.repairFrom) {
    return refuse(
      'no_minimum_period',
      '该类处罚信息不适用信用修复',
      'no repair applies to this class of penalty',
    );
  }
  if (today < window.repairFrom) {
    return refuse(
      'minimum_period_not_over',
      `最短公示期未满，${window.repairFrom} 起方可申请`,
      `the minimum publication period is not over; apply from ${window.repairFrom}`,
      { firstAllowedDate: window.repairFrom, regime: window.regime },
    );
  }
  if (record.repair) {
    return refuse(
      'repair_pending',
      '该记录已有待决定的信用修复申请',
      'a repair application for this record is already pending',
      {
        repairId: record.repair.id,
      },
    );
  }
  return undefined;
}

/** Credit repair (信用修复): the entity applies, the agency decides; approval ends publication. */
export function makeRepairUseCases({ records, workflows, calendarYears, clock }: RepairDeps) {
  const audit = (
    before: { head: Repair['head'] } | undefined,
    actor: Actor,
    action: string,
    state: unknown,
    at: Date,
  ) => nextAuditEntry(before?.head ?? GENESIS, { at: at.toISOString(), actor, action, state });

  async function visible(party: Party, id: string): Promise<Repair> {
    const repair = await workflows.getRepair(id);
    const mine =
      repair && (party.role === 'entity' ? repair.entity === party.uscc : repair.agency === party.agency);
    if (!repair || !mine) throw notAccessible('repair');
    return repair;
  }

  return {
    async file(
      entity: string,
      input: {
        recordId: string;
        commitment: { text: string; signedAt: string };
        evidence: readonly Evidence[];
      },
      actor: Actor,
    ): Promise<Repair> {
      const record = await ownRecordOf(records, entity, input.recordId);
      const at = clock();
      const today = shanghaiDate(at);
      if (input.commitment.signedAt > today || input.commitment.signedAt < addDays(today, -365)) {
        throw new RuleViolationError({
          code: 'commitment_date',
          field: 'commitment.signedAt',
          messages: {
            zh: '承诺书签署日期须在一年内且不晚于今日',
            en: 'the commitment must be signed within the past year, not in the future',
          },
        });
      }
      const refusal = repairRefusal(record, today);
      if (refusal) throw refusal;
      const repair: Repair = {
        id: newId('rep'),
        recordId: record.id,
        record: recordSummary(record),
        entity,
        agency: record.authority.uscc,
        commitment: input.commitment,
        evidence: input.evidence,
        status: 'pending',
        filedAt: at.toISOString(),
        deadline: await handlingDeadline(calendarYears, at, TIME_LIMITS.repairDecision.value),
        revision: 1,
        head: GENESIS,
      };
      const marked: DisclosureRecord = {
        ...record,
        revision: record.revision + 1,
        repair: { id: repair.id, filedAt: repair.filedAt },
      };
      const repairAudit = audit(undefined, actor, 'repair.filed', stateOf(repair), at);
      const recordAudit = audit(record, actor, 'record.repair_filed', stateOf(marked), at);
      await workflows.commit({
        record: { before: record, after: { ...marked, head: recordAudit }, audit: recordAudit },
        repair: { before: undefined, after: { ...repair, head: repairAudit }, audit: repairAudit },
        events: [workflowEvent('repair-filed', 'repair', repair, at, { dueAt: repair.deadline.dueAt })],
      });
      return { ...repair, head: repairAudit };
    },

    get: visible,

    /** Approved: the record stops being public at once; rejected: with reasons. One write either way. */
    async decide(
      agency: string,
      id: string,
      input: { outcome: 'approved' | 'rejected'; reason: string },
      actor: Actor,
    ): Promise<Repair> {
      const before = await visible({ role: 'agency', agency }, id);
      const record = await records.get(before.recordId);
      if (!record) throw notAccessible('record');
      // Approval ends publication: it only means something while the record is still public.
      // (A record no longer marking this repair was decided meanwhile: the write below loses the race.)
      if (input.outcome === 'approved' && record.repair?.id === before.id && !isPubliclyListed(record)) {
        throw new RuleViolationError({
          code: 'record_not_public',
          messages: {
            zh: '该记录已不在公示中，无需批准修复，请作出不予修复的决定',
            en: 'the record is no longer public; there is nothing to approve',
          },
        });
      }
      const at = clock();
      const after = decideRepair(before, input.outcome, input.reason, at);
      const changed: DisclosureRecord = {
        ...record,
        revision: record.revision + 1,
        repair: undefined,
        lastRepairDecision: { id: before.id, outcome: input.outcome, at: at.toISOString() },
        ...(input.outcome === 'approved'
          ? { publicationEnd: { at: at.toISOString(), reason: 'repaired' as const } }
          : {}),
      };
      const repairAudit = audit(before, actor, `repair.${input.outcome}`, stateOf(after), at);
      const recordAudit = audit(
        record,
        actor,
        input.outcome === 'approved' ? 'record.repaired' : 'record.repair_rejected',
        stateOf(changed),
        at,
      );
      await workflows.commit({
        record: { before: record, after: { ...changed, head: recordAudit }, audit: recordAudit },
        repair: { before, after: { ...after, head: repairAudit }, audit: repairAudit },
        events: [workflowEvent('repair-decided', 'repair', after, at, { outcome: input.outcome })],
      });
      return { ...after, head: repairAudit };
    },

    /** The repair decision of an approved application, for its entity and agency. */
    async decisionDocument(party: Party, id: string): Promise<DecisionDocument> {
      const repair = await visible(party, id);
      const record = await records.get(repair.recordId);
      const doc = record && decisionDocument(repair, record);
      if (!doc) {
        throw new NotFoundError({
          code: 'no_decision_document',
          messages: {
            zh: '该申请尚无信用修复决定书（未批准）',
            en: 'there is no repair decision for this application (not approved)',
          },
        });
      }
      return doc;
    },

    async forAgency(
      agency: string,
      q: {
        status: 'pending' | 'approved' | 'rejected';
        overdue: boolean;
        limit: number;
        cursor?: string | undefined;
      },
    ): Promise<Page<Repair>> {
      return workflows.repairsForAgency({
        agency,
        status: q.status,
        ...(q.overdue ? { dueBefore: shanghaiTimestamp(clock()) } : {}),
        limit: q.limit,
        cursor: q.cursor,
      });
    },

    forEntity: (entity: string, q: { limit: number; cursor?: string | undefined }) =>
      workflows.repairsForEntity({ entity, ...q }),
  };
}

export type RepairUseCases = ReturnType<typeof makeRepairUseCases>;
