import type { DomainEvent } from '../events.ts';
import type { Page } from '../records/ports.ts';
import type { Change } from '../workflows/ports.ts';
import type { Commitment } from './commitment.ts';
import type { CommitmentStatus } from './vocabulary.ts';

export interface CommitmentStore {
  get(id: string): Promise<Commitment | undefined>;
  /** The commitment's change, its audit entry and its events, in one write. */
  commit(change: {
    readonly commitment: Change<Commitment>;
    readonly events: readonly DomainEvent[];
  }): Promise<void>;
  /** An entity's commitments, newest first: all of them are public (国办发〔2020〕42号). */
  forEntity(q: { uscc: string; limit: number; cursor?: string | undefined }): Promise<Page<Commitment>>;
  /** The commitments an agency received, newest first, of one status or all. */
  forAgency(q: {
    agency: string;
    status?: CommitmentStatus | undefined;
    limit: number;
    cursor?: string | undefined;
  }): Promise<Page<Commitment>>;
}
