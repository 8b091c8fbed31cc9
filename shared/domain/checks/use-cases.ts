import { type Actor, auditEntryFor } from '../audit.ts';
import type { CalendarYearsPort } from '../calendar/load-calendar.ts';
import type { Clock } from '../clock.ts';
import { AccessDeniedError } from '../errors.ts';
import { newId } from '../ids.ts';
import { isUnderObjection } from '../lists/entry.ts';
import type { MatterType, MeasureCode } from '../lists/measures.ts';
import type { ListStore } from '../lists/ports.ts';
import { TIME_LIMITS } from '../policy/time-limits.ts';
import type { RecordStore } from '../records/ports.ts';
import { isShownAt } from '../records/shown.ts';
import { handlingDeadline } from '../workflows/filing.ts';
import { type CreditCheck, checkedEntry, giveFeedback, makeCheck } from './check.ts';
import type { CheckStore } from './ports.ts';

export interface CheckDeps {
  readonly checks: CheckStore;
  readonly lists: Pick<ListStore, 'publicList'>;
  readonly records: Pick<RecordStore, 'searchPublic'>;
  readonly calendarYears: CalendarYearsPort;
  readonly clock: Clock;
}

/** Records a receipt lists; more are counted as `moreRecords` (the entity's page has them all). */
export const CHECK_RECORDS_SHOWN = 20;
/** Entries an entity can have on the lists at once is small; a receipt reads at most this many. */
const MAX_ENTRIES = 100;

export function checkNotAccessible(): AccessDeniedError {
  return new AccessDeniedError({
    code: 'check_not_accessible',
    messages: { zh: '无权访问该核查记录，或其不存在', en: 'no such check among those you may access' },
  });
}

/** 应查必查 with a receipt, and the agency's report of what it did (执行反馈). */
export function makeCheckUseCases({ checks, lists, records, calendarYears, clock }: CheckDeps) {
  async function own(agency: string, id: string): Promise<CreditCheck> {
    const check = await checks.get(id);
    if (!check || check.agency !== agency) throw checkNotAccessible();
    return check;
  }

  return {
    /**
     * The entity's active entries with the measures bearing on the matter, and its public
     * records, as of now; the feedback period runs from today.
     */
    async check(
      agency: string,
      input: { uscc: string; matter: { name: string; type: MatterType } },
      actor: Actor,
    ): Promise<CreditCheck> {
      const at = clock();
      const entries = (await lists.publicList({ uscc: input.uscc, limit: MAX_ENTRIES })).items;
      const page = await records.searchPublic({ uscc: input.uscc, limit: CHECK_RECORDS_SHOWN + 1 });
      const shown = page.items.filter((r) => isShownAt(r, at));
      const deadline = await handlingDeadline(calendarYears, at, TIME_LIMITS.checkFeedback.value);
      const subjectName = entries[0]?.subject.name ?? shown[0]?.content.subject.name;
      const check = makeCheck(
        {
          id: newId('chk'),
          agency,
          uscc: input.uscc,
          ...(subjectName ? { subjectName } : {}),
          matter: input.matter,
          entries: entries.map((e) => checkedEntry(e, input.matter.type, isUnderObjection(e))),
          records: shown.slice(0, CHECK_RECORDS_SHOWN).map((r) => ({
            id: r.id,
            kind: r.content.kind,
            documentNumber: r.content.documentNumber,
            decisionDate: r.content.decisionDate,
            agency: r.authority.uscc,
          })),
          moreRecords: shown.length > CHECK_RECORDS_SHOWN || page.cursor !== undefined,
          deadline,
        },
        at,
      );
      const audit = auditEntryFor(undefined, check, { actor, action: 'check.made', at });
      await checks.commit({
        check: { before: undefined, after: { ...check, head: audit }, audit },
        events: [],
      });
      return { ...check, head: audit };
    },

    get: own,

    async feedback(
      agency: string,
      id: string,
      input: {
        applied: boolean;
        measures?: readonly MeasureCode[] | undefined;
        reason: string;
        actedOn: string;
      },
      actor: Actor,
    ): Promise<CreditCheck> {
      const before = await own(agency, id);
      const at = clock();
      const after = giveFeedback(before, input, at);
      const action = after.feedback?.late ? 'check.feedback_late' : 'check.feedback';
      const audit = auditEntryFor(before, after, { actor, action, at });
      await checks.commit({ check: { before, after: { ...after, head: audit }, audit }, events: [] });
      return { ...after, head: audit };
    },

    forAgency: (agency: string, q: { limit: number; cursor?: string | undefined }) =>
      checks.forAgency({ agency, ...q }),
    forEntity: (uscc: string, q: { limit: number; cursor?: string | undefined }) =>
      checks.forEntity({ uscc, ...q }),
    counts: () => checks.counts(),
  };
}

export type CheckUseCases = ReturnType<typeof makeCheckUseCases>;
