import type { AuditEntry } from '../audit.ts';
import type { Commitment } from '../commitments/commitment.ts';
import type { Verification } from '../documents/verification.ts';
import type { DomainEvent } from '../events.ts';
import type { Objection } from '../objections/objection.ts';
import type { Page } from '../records/ports.ts';
import type { DisclosureRecord } from '../records/record.ts';
import type { Repair } from '../repairs/repair.ts';
import type { Filer } from './party.ts';

export interface Change<T> {
  /** Undefined for a new aggregate. */
  readonly before: T | undefined;
  readonly after: T;
  readonly audit: AuditEntry;
}

/**
 * One decision can touch a record and an objection or repair together (upheld with a
 * correction: the new record version, the decision, both audit entries, the events):
 * `commit` writes them in one transaction or not at all.
 */
export interface WorkflowChange {
  readonly record?: Change<DisclosureRecord>;
  readonly objection?: Change<Objection>;
  readonly repair?: Change<Repair>;
  readonly events: readonly DomainEvent[];
  /** The public records of documents issued by the change (a repair decision's), under their 核验码. */
  readonly verifications?: readonly Verification[];
  /** The 信用修复型 commitment a repair application makes, written with the application. */
  readonly commitments?: readonly Change<Commitment>[];
}

export interface WorkflowListQuery {
  readonly limit: number;
  readonly cursor?: string | undefined;
}

export interface WorkflowStore {
  getObjection(id: string): Promise<Objection | undefined>;
  getRepair(id: string): Promise<Repair | undefined>;
  commit(change: WorkflowChange): Promise<void>;
  objectionsForAgency(
    q: WorkflowListQuery & { agency: string; status: string; dueBefore?: string },
  ): Promise<Page<Objection>>;
  repairsForAgency(
    q: WorkflowListQuery & { agency: string; status: string; dueBefore?: string },
  ): Promise<Page<Repair>>;
  objectionsForEntity(q: WorkflowListQuery & { entity: string }): Promise<Page<Objection>>;
  repairsForEntity(q: WorkflowListQuery & { entity: string }): Promise<Page<Repair>>;
  /** A person's own filings, newest first (by resident ID number; the store keys them by its hash). */
  objectionsForPerson(q: WorkflowListQuery & { person: string }): Promise<Page<Objection>>;
  repairsForPerson(q: WorkflowListQuery & { person: string }): Promise<Page<Repair>>;
  escalated(kind: 'objection' | 'repair', q: WorkflowListQuery): Promise<Page<Objection | Repair>>;
}

/** A filer's own objections or repair applications, newest first, whoever the filer is. */
export function filingsOf(
  workflows: WorkflowStore,
  kind: 'objection',
  filer: Filer,
  q: WorkflowListQuery,
): Promise<Page<Objection>>;
export function filingsOf(
  workflows: WorkflowStore,
  kind: 'repair',
  filer: Filer,
  q: WorkflowListQuery,
): Promise<Page<Repair>>;
export function filingsOf(
  workflows: WorkflowStore,
  kind: 'objection' | 'repair',
  filer: Filer,
  q: WorkflowListQuery,
): Promise<Page<Objection | Repair>> {
  if (filer.role === 'entity') {
    const query = { ...q, entity: filer.uscc };
    return kind === 'objection' ? workflows.objectionsForEntity(query) : workflows.repairsForEntity(query);
  }
  const query = { ...q, person: filer.idNumber };
  return kind === 'objection' ? workflows.objectionsForPerson(query) : workflows.repairsForPerson(query);
}
