import type { AgencyStore } from '../agencies/ports.ts';
import { type Actor, auditEntryFor } from '../audit.ts';
import type { CalendarYearsPort } from '../calendar/load-calendar.ts';
import type { Clock } from '../clock.ts';
import { repairCommitment } from '../commitments/commitment.ts';
import { newVerificationCode } from '../documents/verification.ts';
import { NotFoundError } from '../errors.ts';
import { newId } from '../ids.ts';
import { TIME_LIMITS } from '../policy/time-limits.ts';
import type { Page, RecordStore } from '../records/ports.ts';
import type { DisclosureRecord } from '../records/record.ts';
import { closeRepair, markRepair } from '../records/workflow-marks.ts';
import { filingEvent } from '../workflows/events.ts';
import { type Evidence, handlingDeadline } from '../workflows/filing.ts';
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
  type DecisionDocument,
  decisionDocument,
  issueDecisionDocument,
  verificationOf,
} from './decision-document.ts';
import { assertDecidableOn, type Commitment, decideRepair, fileRepair, type Repair } from './repair.ts';
import type { RepairOutcome, RepairStatus } from './vocabulary.ts';

export interface RepairDeps {
  /** The agency directory, for the name a decision document is signed with (else the record's). */
  readonly agencies?: Pick<AgencyStore, 'get'> | undefined;
  readonly records: RecordStore;
  readonly workflows: WorkflowStore;
  readonly calendarYears: CalendarYearsPort;
  readonly clock: Clock;
}

/**
 * Credit repair (信用修复): the entity or person applies (山东省社会信用条例 第41条), the agency
 * decides; approval ends publication.
 */
export function makeRepairUseCases({ agencies, records, workflows, calendarYears, clock }: RepairDeps) {
  const visible = async (party: Party, id: string) =>
    visibleTo('repair', party, await workflows.getRepair(id));

  /**
   * An entity's 信用承诺书 is also a public 信用修复型 commitment (国办发〔2020〕42号); a
   * person's is not: nothing of a natural person is published.
   */
  async function commitmentOf(repair: Repair, record: DisclosureRecord, at: Date) {
    const subject = record.content.subject;
    if (!repair.entity || subject.category === 'natural_person') return undefined;
    const deadline = await handlingDeadline(calendarYears, at, TIME_LIMITS.commitmentVerification.value);
    return repairCommitment(
      repair,
      { uscc: repair.entity, name: subject.name, category: subject.category },
      newId('cmt'),
      deadline,
      at,
    );
  }

  return {
    /**
     * 1. the record must be the filer's own (else the same refusal as for no record);
     * 2. a commitment signed within the year, and a record repairable today (repair.ts);
     * 3. the agency decides within 3 working days of the filing;
     * 4. the application, the record's mark, both audit entries and the event are one write.
     */
    async file(
      by: Filer | string,
      input: { recordId: string; commitment: Commitment; evidence: readonly Evidence[] },
      actor: Actor,
    ): Promise<Repair> {
      const filer = asFiler(by);
      const record = await ownRecordOf(records, filer, input.recordId);
      const at = clock();
      const deadline = await handlingDeadline(calendarYears, at, TIME_LIMITS.repairDecision.value);
      const repair = fileRepair(record, { ...input, id: newId('rep'), filer }, deadline, at);
      const marked = markRepair(record, repair);
      const repairAudit = auditEntryFor(undefined, repair, { actor, action: 'repair.filed', at });
      const recordAudit = auditEntryFor(record, marked, { actor, action: 'record.repair_filed', at });
      const commitment = await commitmentOf(repair, record, at);
      const commitmentAudit =
        commitment && auditEntryFor(undefined, commitment, { actor, action: 'commitment.registered', at });
      await workflows.commit({
        record: { before: record, after: { ...marked, head: recordAudit }, audit: recordAudit },
        repair: { before: undefined, after: { ...repair, head: repairAudit }, audit: repairAudit },
        events: [filingEvent('repair-filed', 'repair', repair, at, { dueAt: repair.deadline.dueAt })],
        ...(commitment && commitmentAudit
          ? {
              commitments: [
                {
                  before: undefined,
                  after: { ...commitment, head: commitmentAudit },
                  audit: commitmentAudit,
                },
              ],
            }
          : {}),
      });
      return { ...repair, head: repairAudit };
    },

    get: visible,

    /** Approved: the record stops being public at once; rejected: with reasons. One write either way. */
    async decide(
      agency: string,
      id: string,
      input: { outcome: RepairOutcome; reason: string },
      actor: Actor,
    ): Promise<Repair> {
      const before = await visible({ role: 'agency', agency }, id);
      const record = await records.get(before.recordId);
      if (!record) throw notAccessible('record');
      const at = clock();
      assertDecidableOn(before, record, input.outcome, at);
      const decided = decideRepair(before, input.outcome, input.reason, at);
      const document =
        input.outcome === 'approved'
          ? issueDecisionDocument(decided, record, {
              agencyName: (await agencies?.get(agency))?.agency.name ?? record.authority.name ?? agency,
              code: newVerificationCode(),
            })
          : undefined;
      const verification = document && verificationOf(document);
      const after: Repair =
        document && decided.decision ? { ...decided, decision: { ...decided.decision, document } } : decided;
      const changed = closeRepair(record, { id: before.id, outcome: input.outcome, at: at.toISOString() });
      const repairAudit = auditEntryFor(before, after, { actor, action: `repair.${input.outcome}`, at });
      const recordAction = input.outcome === 'approved' ? 'record.repaired' : 'record.repair_rejected';
      const recordAudit = auditEntryFor(record, changed, { actor, action: recordAction, at });
      await workflows.commit({
        record: { before: record, after: { ...changed, head: recordAudit }, audit: recordAudit },
        repair: { before, after: { ...after, head: repairAudit }, audit: repairAudit },
        events: [filingEvent('repair-decided', 'repair', after, at, { outcome: input.outcome })],
        ...(verification ? { verifications: [verification] } : {}),
      });
      return { ...after, head: repairAudit };
    },

    /** The repair decision of an approved application, for its filer and agency. */
    async decisionDocument(party: Party, id: string): Promise<DecisionDocument> {
      const repair = await visible(party, id);
      // Issued with the approval and frozen; an approval older than that is computed as before.
      const frozen = repair.decision?.document;
      const record = frozen ? undefined : await records.get(repair.recordId);
      const doc = frozen ?? (record && decisionDocument(repair, record));
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

    forAgency: (agency: string, request: WorklistRequest<RepairStatus>): Promise<Page<Repair>> =>
      workflows.repairsForAgency(worklistQuery(agency, request, clock())),

    forEntity: (entity: string, q: { limit: number; cursor?: string | undefined }) =>
      workflows.repairsForEntity({ entity, ...q }),

    /** A person's own repair applications, newest first. */
    forPerson: (idNumber: string, q: { limit: number; cursor?: string | undefined }) =>
      filingsOf(workflows, 'repair', { role: 'person', idNumber }, q),
  };
}

export type RepairUseCases = ReturnType<typeof makeRepairUseCases>;
