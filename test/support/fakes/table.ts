import { type AuditEntry, hashState } from '../../../shared/domain/audit.ts';
import type { DueDeadline, OpenDeadline } from '../../../shared/domain/deadlines/kinds.ts';
import type { RecomputeJob } from '../../../shared/domain/deadlines/recompute.ts';
import type { Verification } from '../../../shared/domain/documents/verification.ts';
import type { DomainEvent } from '../../../shared/domain/events.ts';
import { type Objection, objectionDeadlines } from '../../../shared/domain/objections/objection.ts';
import { recordDeadlines } from '../../../shared/domain/records/deadlines.ts';
import {
  documentNumberTaken,
  recordChanged,
  TransactionTooLargeError,
} from '../../../shared/domain/records/errors.ts';
import type { DisclosureRecord } from '../../../shared/domain/records/record.ts';
import { isNewlyRevoked } from '../../../shared/domain/records/transitions.ts';
import { type Repair, repairDeadlines } from '../../../shared/domain/repairs/repair.ts';
import { workflowChanged } from '../../../shared/domain/workflows/errors.ts';
import type { WorkflowChange } from '../../../shared/domain/workflows/ports.ts';
import { publicIndexEntries } from '../../../shared/store/record-items.ts';

/** What one transaction of the real store may hold (DynamoDB's TransactWriteItems limit). */
const MAX_TRANSACTION_ITEMS = 100;

/** A document claim as the table keeps it: which record holds (agency, kind, number). */
interface Claim {
  readonly recordId: string;
  readonly contentHash: string;
  readonly retired?: boolean;
}

export const claimKey = (agency: string, kind: string, documentNumber: string) =>
  `${agency}#${kind}#${documentNumber.normalize('NFKC').trim()}`;

/**
 * The state behind the in-memory fakes of the ports: one object, like the one table, so a
 * workflow's commit changes a record and a filing together or not at all. Writes follow the
 * real store's rules — a revision guard per aggregate, document claims, one audit chain per
 * aggregate, the open-deadline index derived from each state, the outbox — and a test can
 * inject the next write's failure.
 */
export class InMemoryTable {
  readonly records = new Map<string, DisclosureRecord>();
  readonly claims = new Map<string, Claim>();
  readonly objections = new Map<string, Objection>();
  readonly repairs = new Map<string, Repair>();
  readonly jobs = new Map<string, RecomputeJob & { createdAt: string }>();
  readonly events: DomainEvent[] = [];
  /** Issued documents' public records, by 核验码. */
  readonly verifications = new Map<string, Verification>();
  /** Audit entries by aggregate (`record:<id>`, `objection:<id>`, …), in order. */
  readonly audit = new Map<string, AuditEntry[]>();
  /** The open-deadline index: `<kind>#<subjectId>` → the deadline. */
  readonly deadlines = new Map<string, DueDeadline>();
  readonly deadLetters: { sweep: string; item: DueDeadline; error: string }[] = [];
  /** Writes so far (each commit counts once). */
  writes = 0;
  private nextFailure: Error | undefined;

  /** The next write throws `error` and changes nothing (a fault of the store). */
  failNextWrite(error: Error): void {
    this.nextFailure = error;
  }

  eventsOfType(type: DomainEvent['type']): DomainEvent[] {
    return this.events.filter((event) => event.type === type);
  }

  auditOf(kind: 'record' | 'objection' | 'repair', id: string): AuditEntry[] {
    return this.audit.get(`${kind}:${id}`) ?? [];
  }

  /** Writes a record change (new when `before` is undefined) with its audit entry and events. */
  writeRecord(
    before: DisclosureRecord | undefined,
    after: DisclosureRecord,
    audit: AuditEntry,
    events: readonly DomainEvent[] = [],
  ): void {
    this.commit({ record: { before, after, audit }, events });
  }

  /** One transaction: every condition is checked first, then everything is written. */
  commit(change: WorkflowChange): void {
    this.throwInjectedFailure();
    const { record, objection, repair } = change;
    if (record) this.checkRecord(record.before, record.after);
    if (objection) this.checkRevision(this.objections, objection.before, objection.after.id, 'objection');
    if (repair) this.checkRevision(this.repairs, repair.before, repair.after.id, 'repair');
    if (record) this.applyRecord(record.before, record.after, record.audit);
    if (objection) {
      this.objections.set(objection.after.id, objection.after);
      this.appendAudit('objection', objection.after.id, objection.audit);
      this.index(
        objection.after.id,
        objection.before ? objectionDeadlines(objection.before) : [],
        objectionDeadlines(objection.after),
      );
    }
    if (repair) {
      this.repairs.set(repair.after.id, repair.after);
      this.appendAudit('repair', repair.after.id, repair.audit);
      this.index(
        repair.after.id,
        repair.before ? repairDeadlines(repair.before) : [],
        repairDeadlines(repair.after),
      );
    }
    this.events.push(...change.events);
    for (const v of change.verifications ?? []) this.verifications.set(v.code, v);
    this.writes++;
  }

  private throwInjectedFailure(): void {
    const failure = this.nextFailure;
    this.nextFailure = undefined;
    if (failure) throw failure;
  }

  private checkRevision<T extends { revision: number }>(
    map: Map<string, T>,
    before: T | undefined,
    id: string,
    kind: 'objection' | 'repair',
  ): void {
    const stored = map.get(id);
    if (before ? stored?.revision !== before.revision : stored !== undefined) throw workflowChanged(kind);
  }

  private checkRecord(before: DisclosureRecord | undefined, after: DisclosureRecord): void {
    const stored = this.records.get(after.id);
    if (before ? stored?.revision !== before.revision : stored !== undefined) {
      throw before ? recordChanged() : documentNumberTaken(after.content.documentNumber);
    }
    const key = claimKey(after.authority.uscc, after.content.kind, after.content.documentNumber);
    const claim = this.claims.get(key);
    const oldKey =
      before && claimKey(before.authority.uscc, before.content.kind, before.content.documentNumber);
    const claimsNumber = !before || oldKey !== key;
    if (claimsNumber && claim && !claim.retired) throw documentNumberTaken(after.content.documentNumber);
    const items =
      2 +
      changedPublicEntries(before, after) +
      (claimsNumber ? 1 : 0) +
      (before && oldKey !== key ? 1 : 0) +
      (isNewlyRevoked(before, after) ? 1 : 0);
    if (items > MAX_TRANSACTION_ITEMS) throw new TransactionTooLargeError(items);
  }

  private applyRecord(
    before: DisclosureRecord | undefined,
    after: DisclosureRecord,
    audit: AuditEntry,
  ): void {
    const key = claimKey(after.authority.uscc, after.content.kind, after.content.documentNumber);
    const oldKey =
      before && claimKey(before.authority.uscc, before.content.kind, before.content.documentNumber);
    // The claim keeps the content it was registered with; a corrected number takes a new claim
    // and retires the old one (shared/store/changes.ts).
    if (!before || oldKey !== key) {
      this.claims.set(key, { recordId: after.id, contentHash: hashOfContent(after) });
    }
    if (before && oldKey && oldKey !== key) {
      const old = this.claims.get(oldKey);
      if (old) this.claims.set(oldKey, { ...old, retired: true });
    }
    // A revoked decision gives its number up (shared/store/changes.ts).
    if (isNewlyRevoked(before, after)) {
      const claim = this.claims.get(key);
      if (claim) this.claims.set(key, { ...claim, retired: true });
    }
    this.records.set(after.id, after);
    this.appendAudit('record', after.id, audit);
    this.index(after.id, before ? recordDeadlines(before) : [], recordDeadlines(after));
  }

  private appendAudit(kind: string, id: string, entry: AuditEntry): void {
    const chain = this.audit.get(`${kind}:${id}`) ?? [];
    // The store writes an audit entry only where none is (a failed condition: record_changed).
    if (chain.some((e) => e.seq === entry.seq)) throw recordChanged();
    this.audit.set(`${kind}:${id}`, [...chain, entry]);
  }

  /** Keeps the open-deadline index in step with the aggregate, as the store's derived entries do. */
  private index(subjectId: string, before: readonly OpenDeadline[], after: readonly OpenDeadline[]): void {
    for (const open of before) this.deadlines.delete(`${open.kind}#${subjectId}`);
    for (const open of after) this.deadlines.set(`${open.kind}#${subjectId}`, { ...open, subjectId });
  }
}

/** The public index entries a change puts or deletes (what makes a rename large). */
function changedPublicEntries(before: DisclosureRecord | undefined, after: DisclosureRecord): number {
  const key = (e: { pk: string; sk: string }) => `${e.pk}\u0000${e.sk}`;
  const old = new Map(
    (before ? publicIndexEntries(before) : []).map((e) => [key(e), JSON.stringify(e.item)]),
  );
  const next = publicIndexEntries(after);
  const nextKeys = new Set(next.map(key));
  const deleted = [...old.keys()].filter((k) => !nextKeys.has(k)).length;
  const put = next.filter((e) => old.get(key(e)) !== JSON.stringify(e.item)).length;
  return deleted + put;
}

const hashOfContent = (record: DisclosureRecord) => hashState(record.content);
