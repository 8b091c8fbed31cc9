import { auditEntryFor } from '../../../shared/domain/audit.ts';
import type { CalendarStore, StoredCalendarYear } from '../../../shared/domain/calendar/ports.ts';
import type { DueDeadline } from '../../../shared/domain/deadlines/kinds.ts';
import { type RecomputePorts, recomputeJobFor } from '../../../shared/domain/deadlines/recompute.ts';
import type { DueDeadlinesPort } from '../../../shared/domain/deadlines/sweep.ts';
import { ConflictError } from '../../../shared/domain/errors.ts';
import type { Objection } from '../../../shared/domain/objections/objection.ts';
import type { RecordStore } from '../../../shared/domain/records/ports.ts';
import { matchesSearch } from '../../../shared/domain/records/public-use-cases.ts';
import type { DisclosureRecord } from '../../../shared/domain/records/record.ts';
import type { Repair } from '../../../shared/domain/repairs/repair.ts';
import type { WorkflowStore } from '../../../shared/domain/workflows/ports.ts';
import { pageOf } from './paging.ts';
import { claimKey, type InMemoryTable } from './table.ts';

/*
 * In-memory fakes of the domain's ports, over one InMemoryTable. They keep the orders the
 * real indexes keep (worklists by due instant, an entity's filings newest first, public
 * search by decision date, newest first), so a use case sees what it would see on DynamoDB.
 * test/integration holds the tests of the real repositories, method by method.
 */

const byDue =
  <T extends { id: string }>(due: (t: T) => string) =>
  (a: T, b: T) =>
    Date.parse(due(a)) - Date.parse(due(b)) || (a.id < b.id ? -1 : 1);
const newestFirst =
  <T extends { id: string }>(at: (t: T) => string) =>
  (a: T, b: T) =>
    at(b).localeCompare(at(a)) || (b.id < a.id ? -1 : 1);
const dueBefore = (dueAt: string, before: string | undefined) =>
  before === undefined || Date.parse(dueAt) < Date.parse(before);

export function fakeRecordStore(table: InMemoryTable): RecordStore {
  return {
    get: async (id) => table.records.get(id),
    getMany: async (ids) => ids.flatMap((id) => table.records.get(id) ?? []),
    findByDocument: async (agency, kind, documentNumber) =>
      table.claims.get(claimKey(agency, kind, documentNumber)),
    create: async (record, audit, events = []) => table.writeRecord(undefined, record, audit, events),
    save: async (before, after, audit, events = []) => table.writeRecord(before, after, audit, events),
    async listForAgency({ agency, status, dueBefore: before, dueAfter: after, limit, cursor }) {
      const matching = [...table.records.values()]
        .filter(
          (r) =>
            r.authority.uscc === agency &&
            r.status === status &&
            dueBefore(r.disclosure.dueAt, before) &&
            (after === undefined || Date.parse(r.disclosure.dueAt) >= Date.parse(after)),
        )
        .sort(byDue((r: DisclosureRecord) => r.disclosure.dueAt));
      return pageOf(matching, limit, cursor);
    },
    async searchPublic(query) {
      const published = [...table.records.values()]
        .filter((r) => r.status === 'published' && matchesSearch(r, query))
        .sort(newestFirst((r: DisclosureRecord) => r.content.decisionDate));
      return pageOf(published, query.limit, query.cursor);
    },
  };
}

export function fakeWorkflowStore(table: InMemoryTable): WorkflowStore {
  const forAgency = <T extends Objection | Repair>(
    all: Iterable<T>,
    q: { agency: string; status: string; dueBefore?: string; limit: number; cursor?: string | undefined },
  ) =>
    pageOf(
      [...all]
        .filter(
          (w) => w.agency === q.agency && w.status === q.status && dueBefore(w.deadline.dueAt, q.dueBefore),
        )
        .sort(byDue((w: T) => w.deadline.dueAt)),
      q.limit,
      q.cursor,
    );
  const forEntity = <T extends Objection | Repair>(
    all: Iterable<T>,
    q: { entity: string; limit: number; cursor?: string | undefined },
  ) =>
    pageOf(
      [...all].filter((w) => w.entity === q.entity).sort(newestFirst((w: T) => w.filedAt)),
      q.limit,
      q.cursor,
    );
  const forPerson = <T extends Objection | Repair>(
    all: Iterable<T>,
    q: { person: string; limit: number; cursor?: string | undefined },
  ) =>
    pageOf(
      [...all]
        .filter((w) => w.person?.toUpperCase() === q.person.toUpperCase())
        .sort(newestFirst((w: T) => w.filedAt)),
      q.limit,
      q.cursor,
    );
  return {
    getObjection: async (id) => table.objections.get(id),
    getRepair: async (id) => table.repairs.get(id),
    commit: async (change) => table.commit(change),
    objectionsForAgency: async (q) => forAgency(table.objections.values(), q),
    repairsForAgency: async (q) => forAgency(table.repairs.values(), q),
    objectionsForEntity: async (q) => forEntity(table.objections.values(), q),
    repairsForEntity: async (q) => forEntity(table.repairs.values(), q),
    objectionsForPerson: async (q) => forPerson(table.objections.values(), q),
    repairsForPerson: async (q) => forPerson(table.repairs.values(), q),
    async escalated(kind, q) {
      const all: (Objection | Repair)[] = [
        ...(kind === 'objection' ? table.objections : table.repairs).values(),
      ];
      const escalated = all
        .filter((w) => w.escalatedAt && w.status === 'pending')
        .sort(newestFirst((w) => w.escalatedAt ?? ''));
      return pageOf(escalated, q.limit, q.cursor);
    },
  };
}

/** The open-deadline index as the sweeps see it. */
export function fakeDeadlines(table: InMemoryTable): DueDeadlinesPort {
  const key = (item: DueDeadline) => `${item.kind}#${item.subjectId}`;
  return {
    async *due(kind, now, pageSize) {
      const due = [...table.deadlines.values()]
        .filter((d) => d.kind === kind && Date.parse(d.dueAt) <= now.getTime())
        .sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt));
      for (let i = 0; i < due.length; i += pageSize) yield due.slice(i, i + pageSize);
    },
    async deadLetter(sweep, item, error) {
      table.deadlines.delete(key(item));
      table.deadLetters.push({ sweep, item, error });
    },
    async discard(item) {
      table.deadlines.delete(key(item));
    },
  };
}

/** Calendar years as loaded by the credit office; each load starts a recompute job. */
export function fakeCalendarStore(table: InMemoryTable): CalendarStore {
  const years = new Map<number, StoredCalendarYear>();
  return {
    getYears: async (wanted) => wanted.flatMap((y) => years.get(y) ?? []),
    async putYear(year, previous, change) {
      const stored = years.get(year.year);
      if ((stored?.version ?? 0) !== (previous?.version ?? 0)) {
        throw new ConflictError({
          code: 'calendar_changed',
          messages: { zh: '日历已被他人修改', en: 'the calendar was changed' },
        });
      }
      const version = (previous?.version ?? 0) + 1;
      const at = new Date(change.at);
      const audit = auditEntryFor(previous, year, {
        actor: change.actor,
        action: previous ? 'calendar.replaced' : 'calendar.loaded',
        at,
      });
      const next: StoredCalendarYear = { year, version, updatedAt: change.at, head: audit };
      years.set(year.year, next);
      const job = recomputeJobFor(year.year, version);
      table.jobs.set(job.id, { ...job, createdAt: change.at });
      table.deadlines.set(`calendar-recompute#${job.id}`, {
        kind: 'calendar-recompute',
        subjectId: job.id,
        dueAt: change.at,
      });
      return next;
    },
  };
}

/** Where the recompute handler keeps its place, and the open deadlines it walks. */
export function fakeRecomputePorts(table: InMemoryTable): RecomputePorts {
  return {
    shards: 1,
    getJob: async (id) => table.jobs.get(id),
    async saveProgress(id, progress) {
      const job = table.jobs.get(id);
      if (job) table.jobs.set(id, { ...job, progress });
    },
    async finish(id) {
      table.jobs.delete(id);
      table.deadlines.delete(`calendar-recompute#${id}`);
    },
    async openIn(kind, _shard, fromUtc, toUtc, limit, startKey) {
      const open = [...table.deadlines.values()]
        .filter(
          (d) =>
            d.kind === kind &&
            Date.parse(d.dueAt) >= Date.parse(fromUtc) &&
            Date.parse(d.dueAt) <= Date.parse(toUtc),
        )
        .sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt));
      const from = Number(startKey?.offset ?? 0);
      const items = open.slice(from, from + limit);
      return { items, next: from + limit < open.length ? { offset: from + limit } : undefined };
    },
  };
}
