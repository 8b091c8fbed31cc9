import type { AgencyWorklist } from '../agency-worklist.ts';
import type { Clock } from '../clock.ts';
import { shanghaiDate, startOfShanghaiDay } from '../dates.ts';
import { ConflictError } from '../errors.ts';
import type { DomainEvent } from '../events.ts';
import type { DigestRow } from './notices.ts';

export interface OfficeDigestDeps {
  /** The agencies the credit office oversees: its directory. */
  readonly agencies: () => Promise<readonly { uscc: string; name?: string | undefined }[]>;
  readonly worklist: (agency: string) => Promise<AgencyWorklist>;
  /** Writes an event into the outbox once: ConflictError when it is there already. */
  readonly putEvent: (event: DomainEvent) => Promise<void>;
  readonly clock: Clock;
}

/** One agency's overdue matters, from its worklist (bounded reads; `more` when lists were cut). */
export function digestRow(
  agency: { uscc: string; name?: string | undefined },
  list: AgencyWorklist,
): DigestRow {
  const late = (section: AgencyWorklist['objections']) => section.items.filter((i) => i.deadline.late).length;
  return {
    agency: agency.uscc,
    ...(agency.name ? { name: agency.name } : {}),
    overdueRecords: list.overdue.items.length,
    lateObjections: late(list.objections),
    lateRepairs: late(list.repairs),
    more: list.overdue.more || list.objections.more || list.repairs.more,
  };
}

/**
 * The credit office's daily digest of what is overdue per agency: an outbox event of its own
 * (`overdue-digest`, one per day by its id), turned into the office's notice like any other.
 * Run twice on a day, it writes once; a day with nothing overdue writes nothing.
 */
export function makeOfficeDigest({ agencies, worklist, putEvent, clock }: OfficeDigestDeps) {
  return async (): Promise<'digest-written' | 'digest-exists' | 'nothing-overdue'> => {
    const now = clock();
    const date = shanghaiDate(now);
    const rows: DigestRow[] = [];
    for (const agency of await agencies()) {
      const row = digestRow(agency, await worklist(agency.uscc));
      if (row.overdueRecords + row.lateObjections + row.lateRepairs > 0) rows.push(row);
    }
    if (rows.length === 0) return 'nothing-overdue';
    try {
      await putEvent({
        id: `digest.${date}.overdue-digest`,
        type: 'overdue-digest',
        // The day's start, not the run's time: the outbox key is (type, at, id), so a second run
        // of the same day writes the same key and is refused.
        at: new Date(startOfShanghaiDay(date)).toISOString(),
        subject: { kind: 'office', id: date, agency: '' },
        data: { date, agencies: rows },
      });
      return 'digest-written';
    } catch (error) {
      if (error instanceof ConflictError) return 'digest-exists';
      throw error;
    }
  };
}
