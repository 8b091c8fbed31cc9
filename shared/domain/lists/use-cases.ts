import { type Actor, auditEntryFor } from '../audit.ts';
import { type CalendarYearsPort, withCalendar } from '../calendar/load-calendar.ts';
import type { Clock } from '../clock.ts';
import { shanghaiDate, yearOf } from '../dates.ts';
import { AccessDeniedError, NotFoundError, RuleViolationError } from '../errors.ts';
import { aggregateEvent, type DomainEvent, type EventType } from '../events.ts';
import { newId } from '../ids.ts';
import { TIME_LIMITS } from '../policy/time-limits.ts';
import type { Page, RecordStore } from '../records/ports.ts';
import { type Evidence, handlingDeadline, handlingPeriod } from '../workflows/filing.ts';
import { type Filer, isAbout, type Party } from '../workflows/party.ts';
import {
  decideFiling,
  decideListing,
  type EntryFiling,
  fileAgainst,
  isListed,
  isPublicEntry,
  type ListEntry,
  type ListSubject,
  propose,
  stateCase,
} from './entry.ts';
import { defaultMeasures, type MeasureCode } from './measures.ts';
import type { ListStore, PublicListQuery } from './ports.ts';
import type { EntryFilingKind, EntryStatus, FilingOutcome, ListingOutcome, ListType } from './vocabulary.ts';

export interface ListDeps {
  readonly lists: ListStore;
  readonly records: Pick<RecordStore, 'getMany'>;
  readonly calendarYears: CalendarYearsPort;
  readonly clock: Clock;
}

export interface ProposalInput {
  readonly type: ListType;
  /** The deciding agency, if the caller names it: it must be the caller (no listing for others). */
  readonly agency?: string | undefined;
  readonly subject: ListSubject;
  readonly basis: string;
  readonly recordIds: readonly string[];
  readonly measures?: readonly MeasureCode[] | undefined;
  readonly validityMonths: number;
}

/** The same refusal for another party's entry and for one that does not exist. */
export function entryNotAccessible(): AccessDeniedError {
  return new AccessDeniedError({
    code: 'list_entry_not_accessible',
    messages: { zh: '无权访问该名单条目，或其不存在', en: 'no such list entry among those you may access' },
  });
}

export function entryNotPublic(): NotFoundError {
  return new NotFoundError({
    code: 'list_entry_not_found',
    messages: { zh: '名单中没有该条目', en: 'no such entry on a public list' },
  });
}

const FILING_LIMITS = { objection: TIME_LIMITS.objection, exit: TIME_LIMITS.repairDecision } as const;

/**
 * The credit lists (济阳信用办〔2020〕2号（八）): an agency proposes, the party is told and
 * heard, the agency lists or not; a listed entry is public until it is removed at the end of
 * its validity, by an upheld objection or by an approved early exit.
 */
export function makeListUseCases({ lists, records, calendarYears, clock }: ListDeps) {
  async function partyEntry(party: Party, id: string): Promise<ListEntry> {
    const entry = await lists.get(id);
    if (!entry) throw entryNotAccessible();
    const ok = party.role === 'agency' ? entry.agency === party.agency : isListed(entry, party);
    if (!ok) throw entryNotAccessible();
    return entry;
  }

  async function write(
    before: ListEntry | undefined,
    after: ListEntry,
    actor: Actor,
    action: string,
    at: Date,
    events: (entry: ListEntry) => DomainEvent[],
  ): Promise<ListEntry> {
    const audit = auditEntryFor(before, after, { actor, action, at });
    const saved = { ...after, head: audit };
    await lists.commit({ entry: { before, after: saved, audit }, events: events(saved) });
    return saved;
  }

  const event = (type: EventType, entry: ListEntry, at: Date, data: Record<string, unknown> = {}) =>
    aggregateEvent(type, 'list-entry', entry, at, { listType: entry.type, ...data });

  /** The records a proposal rests on must exist, be about its subject and not be revoked. */
  async function assertRecordsOf(subject: ListSubject, recordIds: readonly string[]): Promise<void> {
    const found = new Map((await records.getMany(recordIds)).map((r) => [r.id, r]));
    const party: Filer =
      subject.category === 'natural_person'
        ? { role: 'person', idNumber: subject.idNumber ?? '' }
        : { role: 'entity', uscc: subject.uscc ?? '' };
    recordIds.forEach((id, i) => {
      const record = found.get(id);
      if (!record || !isAbout(record, party)) {
        throw new RuleViolationError({
          code: 'record_not_about_subject',
          field: `recordIds[${i}]`,
          messages: {
            zh: '认定所依据的记录不存在，或不是该主体的记录',
            en: 'a record the listing rests on does not exist or is not about this subject',
          },
        });
      }
      if (record.status === 'revoked') {
        throw new RuleViolationError({
          code: 'record_revoked',
          field: `recordIds[${i}]`,
          messages: {
            zh: '认定所依据的行政决定已被撤销，不能作为列入名单的依据',
            en: 'a record the listing rests on was revoked and cannot support a listing',
          },
        });
      }
    });
  }

  return {
    /**
     * 1. only for the caller's own agency; 2. the records are the subject's; 3. the hearing
     * period (陈述申辩) and the decision period are counted in working days from today;
     * 4. the entry, its audit entry and the notice to the party (拟列入告知) are one write.
     */
    async propose(agency: string, input: ProposalInput, actor: Actor): Promise<ListEntry> {
      if (input.agency !== undefined && input.agency !== agency) {
        throw new AccessDeniedError({
          code: 'list_for_other_agency',
          field: 'agency',
          messages: {
            zh: '只能以本机关名义认定名单',
            en: 'an agency may only list in its own name',
          },
        });
      }
      await assertRecordsOf(input.subject, input.recordIds);
      const at = clock();
      const from = shanghaiDate(at);
      const periods = await withCalendar(calendarYears, [yearOf(from)], (calendar) => {
        const hearing = handlingPeriod(calendar, from, TIME_LIMITS.listHearing.value);
        const decision = handlingPeriod(calendar, hearing.due, TIME_LIMITS.listDecision.value);
        return {
          hearing,
          decision: { due: decision.due, dueAt: decision.dueAt, provisional: decision.provisional },
        };
      });
      const entry = propose(
        {
          id: newId('lst'),
          type: input.type,
          subject: input.subject,
          agency,
          basis: input.basis,
          recordIds: input.recordIds,
          measures: input.measures ?? defaultMeasures(input.type),
          validityMonths: input.validityMonths,
        },
        periods,
        at,
      );
      return write(undefined, entry, actor, 'list.proposed', at, (e) => [
        event('list-proposed', e, at, { hearingDue: e.hearing.due }),
      ]);
    },

    /** The case as one of its parties sees it; anyone else gets the refusal that says nothing. */
    get: partyEntry,

    /** A listed entry, as anyone may see it; 404 for anything else, whether or not it exists. */
    async getPublic(id: string): Promise<ListEntry> {
      const entry = await lists.get(id);
      if (!entry || !isPublicEntry(entry)) throw entryNotPublic();
      return entry;
    },

    async state(
      party: Filer,
      id: string,
      input: { text: string; evidence: readonly Evidence[] },
      actor: Actor,
    ): Promise<ListEntry> {
      const before = await partyEntry(party, id);
      const at = clock();
      return write(before, stateCase(before, input, at), actor, 'list.case_stated', at, (e) => [
        event('list-statement', e, at),
      ]);
    },

    async decide(
      agency: string,
      id: string,
      input: { outcome: ListingOutcome; reason: string },
      actor: Actor,
    ): Promise<ListEntry> {
      const before = await partyEntry({ role: 'agency', agency }, id);
      const at = clock();
      const after = decideListing(before, input, at);
      return write(
        before,
        after,
        actor,
        `list.${input.outcome === 'list' ? 'listed' : 'not_listed'}`,
        at,
        (e) => [event('list-decided', e, at, { outcome: input.outcome, validUntil: e.validUntil })],
      );
    },

    /** An objection (异议) or an early-exit application (提前移出) of the listed party. */
    async file(
      party: Filer,
      id: string,
      kind: EntryFilingKind,
      input: Pick<EntryFiling, 'statement' | 'evidence' | 'commitment'>,
      actor: Actor,
    ): Promise<ListEntry> {
      const before = await partyEntry(party, id);
      const at = clock();
      const deadline = await handlingDeadline(calendarYears, at, FILING_LIMITS[kind].value);
      const after = fileAgainst(before, { kind, ...input }, deadline, at);
      return write(before, after, actor, `list.${kind}_filed`, at, (e) => [
        event('list-filing', e, at, { filing: kind, due: deadline.due }),
      ]);
    },

    async decideFiling(
      agency: string,
      id: string,
      kind: EntryFilingKind,
      input: { outcome: FilingOutcome; reason: string },
      actor: Actor,
    ): Promise<ListEntry> {
      const before = await partyEntry({ role: 'agency', agency }, id);
      const at = clock();
      const after = decideFiling(before, kind, input, at);
      return write(before, after, actor, `list.${kind}_${input.outcome}`, at, (e) => [
        event('list-filing-decided', e, at, { filing: kind, outcome: input.outcome }),
        ...(e.status === 'removed' ? [event('list-removed', e, at, { reason: e.removal?.reason })] : []),
      ]);
    },

    publicList: (query: PublicListQuery): Promise<Page<ListEntry>> => lists.publicList(query),

    forAgency: (
      agency: string,
      q: { status?: EntryStatus | undefined; limit: number; cursor?: string | undefined },
    ) => lists.forAgency({ agency, ...q }),

    forParty: (party: Filer, q: { limit: number; cursor?: string | undefined }) =>
      lists.forParty({ party, ...q }),
  };
}

export type ListUseCases = ReturnType<typeof makeListUseCases>;
