import type { AuditEntry } from '../audit.ts';
import type { DomainEvent } from '../events.ts';
import type { Objection } from '../objections/objection.ts';
import type { Page } from '../records/ports.ts';
import type { DisclosureRecord } from '../records/record.ts';
import type { Repair } from '../repairs/repair.ts';

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
  escalated(kind: 'objection' | 'repair', q: WorkflowListQuery): Promise<Page<Objection | Repair>>;
}
