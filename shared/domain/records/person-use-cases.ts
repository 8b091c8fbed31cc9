import type { Clock } from '../clock.ts';
import { type Filer, isAbout } from '../workflows/party.ts';
import type { Page } from './ports.ts';
import { standingOf } from './public-use-cases.ts';
import { type PublicRecord, publicView } from './public-view.ts';
import type { DisclosureRecord } from './record.ts';
import { isPublishedAt } from './shown.ts';
import type { Labels } from './vocabulary.ts';

/**
 * A natural person's own records (山东省社会信用条例 第21条: 信用主体 may query their own credit
 * information; 第37条). They are never public (第20条), so they are read here, by the person
 * alone, through an index of records by the subject's resident ID number.
 */

/** The records whose subject is a natural person with this resident ID number, newest decision first. */
export interface PersonRecordIndex {
  recordsOf(
    idNumber: string,
    query: { limit: number; cursor?: string | undefined },
  ): Promise<Page<DisclosureRecord>>;
}

/**
 * Where a person's record stands: `published` (collected and in use), `ended` (its publication
 * period is over, or a repair was approved), `revoked` (the decision was withdrawn).
 */
export const PERSON_RECORD_STATES = ['published', 'ended', 'revoked'] as const;
export type PersonRecordState = (typeof PERSON_RECORD_STATES)[number];

/** What the person reads for each state (我的). */
export const PERSON_RECORD_STATE_LABELS: Labels<PersonRecordState> = {
  published: '已公示（不对社会公开）',
  ended: '已终止公示',
  revoked: '已撤销',
};

/**
 * The state a person sees, or none for a record the person does not see. A record the agency
 * has registered but not yet published is left out: until publication it is the agency's
 * working entry, not yet reported to the platform (归集) or used by anyone, and the agency may
 * still correct it freely within its 7 working days; once published the person sees it, and
 * keeps seeing it after its publication ended or the decision was revoked, so what happened
 * to their information stays visible to them (第37条). A revoked record that was never
 * published is likewise left out.
 */
export function personRecordState(record: DisclosureRecord, now: Date): PersonRecordState | undefined {
  if (!record.publication) return undefined;
  if (record.status === 'revoked') return 'revoked';
  if (record.status !== 'published') return undefined;
  // Ended when its period ran out, even before the daily sweep marks it (条例 第38条).
  return isPublishedAt(record, now) ? 'published' : 'ended';
}

export interface PersonRecord extends PublicRecord {
  readonly state: PersonRecordState;
  readonly publicationEnd?: { readonly at: string; readonly reason: 'expired' | 'repaired' };
  /** Withdrawn, why, and by which revoking decision (复议决定, 判决, the agency's own) when named. */
  readonly revocation?: {
    readonly at: string;
    readonly reason: string;
    readonly decisionDate?: string;
    readonly documentNumber?: string;
  };
  readonly pendingObjection?: { readonly id: string; readonly filedAt: string };
  readonly pendingRepair?: { readonly id: string; readonly filedAt: string };
}

/**
 * A person's record as they see it: the masked view everyone's records share (public-view.ts:
 * no ID numbers, no other persons' names), with their own name kept, since it is theirs, and
 * where the record stands. Their ID number is not in it: they know it, and an answer without
 * it cannot leak it.
 */
export function personView(record: DisclosureRecord, state: PersonRecordState): PersonRecord {
  const view = publicView(record);
  return {
    ...view,
    subject: { ...view.subject, name: record.content.subject.name },
    state,
    ...(record.publicationEnd
      ? { publicationEnd: { at: record.publicationEnd.at, reason: record.publicationEnd.reason } }
      : {}),
    ...(record.revocation ? { revocation: revocationOf(record.revocation) } : {}),
    ...(record.objection ? { pendingObjection: record.objection } : {}),
    ...(record.repair ? { pendingRepair: record.repair } : {}),
  };
}

export function makePersonRecordUseCases({ index, clock }: { index: PersonRecordIndex; clock: Clock }) {
  return {
    /**
     * The person's own records, newest decision first. Each is checked against the record
     * itself (is it theirs, in a state they see), so a stale index entry shows nothing.
     */
    async forPerson(idNumber: string, query: { limit: number; cursor?: string | undefined }) {
      const person: Filer = { role: 'person', idNumber };
      const page = await index.recordsOf(idNumber, query);
      const now = clock();
      const items = page.items.flatMap((record) => {
        const state = isAbout(record, person) ? personRecordState(record, now) : undefined;
        return state ? [{ ...personView(record, state), ...standingOf(record, now, person) }] : [];
      });
      return { items, cursor: page.cursor };
    },
  };
}

export type PersonRecordUseCases = ReturnType<typeof makePersonRecordUseCases>;

function revocationOf(
  r: NonNullable<DisclosureRecord['revocation']>,
): NonNullable<PersonRecord['revocation']> {
  return {
    at: r.at,
    reason: r.reason,
    ...(r.decisionDate ? { decisionDate: r.decisionDate } : {}),
    ...(r.documentNumber ? { documentNumber: r.documentNumber } : {}),
  };
}
