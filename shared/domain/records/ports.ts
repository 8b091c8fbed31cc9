import type { AuditEntry } from '../audit.ts';
import type { DomainEvent } from '../events.ts';
import type { DisclosureRecord, RecordStatus } from './record.ts';
import type { RecordKind } from './vocabulary.ts';

export interface Page<T> {
  readonly items: readonly T[];
  /** Opaque; pass it back to get the next page. Absent on the last page. */
  readonly cursor?: string | undefined;
}

export interface PublicSearch {
  readonly uscc?: string | undefined;
  readonly name?: string | undefined;
  readonly agency?: string | undefined;
  readonly kind?: RecordKind | undefined;
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  readonly limit: number;
  readonly cursor?: string | undefined;
}

export interface AgencyWorklistQuery {
  readonly agency: string;
  readonly status: RecordStatus;
  /** Only records whose disclosure deadline ended before this instant. */
  readonly dueBefore?: string | undefined;
  /** Only records whose disclosure deadline ends at or after this instant (not yet late). */
  readonly dueAfter?: string | undefined;
  readonly limit: number;
  readonly cursor?: string | undefined;
}

/** What is registered under (agency, kind, document number), for idempotent registration. */
export interface DocumentClaim {
  readonly recordId: string;
  readonly contentHash: string;
  /**
   * The record's number was corrected away from this one. The claim still recognises the
   * original registration, but no longer holds the number against other content.
   */
  readonly retired?: boolean;
}

export interface RecordStore {
  get(id: string): Promise<DisclosureRecord | undefined>;
  getMany(ids: readonly string[]): Promise<DisclosureRecord[]>;
  findByDocument(
    agency: string,
    kind: RecordKind,
    documentNumber: string,
  ): Promise<DocumentClaim | undefined>;
  /** Writes a new record, its document claim and its audit entry, or nothing (ConflictError). */
  create(record: DisclosureRecord, audit: AuditEntry, events?: readonly DomainEvent[]): Promise<void>;
  /**
   * Replaces `before` by `after` if nobody changed it meanwhile (else ConflictError), with
   * its audit entry and the events it causes, all in one transaction.
   */
  save(
    before: DisclosureRecord,
    after: DisclosureRecord,
    audit: AuditEntry,
    events?: readonly DomainEvent[],
  ): Promise<void>;
  listForAgency(query: AgencyWorklistQuery): Promise<Page<DisclosureRecord>>;
  searchPublic(query: PublicSearch): Promise<Page<DisclosureRecord>>;
  /**
   * How many records a public search finds, exact up to `cap` entries read; past it `capped`
   * (at least `total`). Optional: a store without it answers searches without a count.
   */
  countPublic?(
    query: Omit<PublicSearch, 'cursor' | 'limit'>,
    cap: number,
  ): Promise<{ total: number; capped: boolean }>;
}
