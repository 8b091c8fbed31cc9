import * as z from 'zod';
import type { ChainProblem } from '../../shared/domain/audit-verification.ts';
import type { CreditCheck } from '../../shared/domain/checks/check.ts';
import { checkView } from '../../shared/domain/checks/views.ts';
import type { DomainEvent, EventType } from '../../shared/domain/events.ts';
import type { ListEntry } from '../../shared/domain/lists/entry.ts';
import { caseView } from '../../shared/domain/lists/views.ts';
import type { Objection } from '../../shared/domain/objections/objection.ts';
import type { Page } from '../../shared/domain/records/ports.ts';
import type { DisclosureRecord } from '../../shared/domain/records/record.ts';
import type { Repair } from '../../shared/domain/repairs/repair.ts';
import type { ReconciliationReport } from '../../shared/domain/sharing/reconcile.ts';
import { objectionView, repairView } from '../../shared/domain/workflows/views.ts';
import { defineRoute } from '../../shared/http/http-handler.ts';
import { OVERSIGHT_PAGE_SIZE, pageBody, pageRequest } from '../../shared/http/paging.ts';
import {
  escalationPage,
  escalationsQuery,
  eventPage,
  eventsQuery,
  verifyQuery,
  verifyResponse,
} from '../../shared/schemas/oversight.ts';
import { reconciliationList } from '../../shared/schemas/upstream.ts';
import { agencyView } from '../records/views.ts';

export interface AdminPorts {
  events(query: {
    type?: EventType | undefined;
    limit: number;
    cursor?: string | undefined;
  }): Promise<Page<DomainEvent>>;
  verify(
    limit: number,
    cursor?: string,
  ): Promise<{ checked: number; problems: ChainProblem[]; cursor?: string | undefined }>;
  escalated(
    kind: 'objection' | 'repair',
    query: { limit: number; cursor?: string | undefined },
  ): Promise<Page<Objection | Repair>>;
  /** List entries escalated (an overdue decision, objection or early exit) and checks without feedback. */
  escalatedEntries(query: { limit: number; cursor?: string | undefined }): Promise<Page<ListEntry>>;
  escalatedChecks(query: { limit: number; cursor?: string | undefined }): Promise<Page<CreditCheck>>;
  /** Records revoked or changed after the 3 working days of their revoking or changing decision (条例 第40条). */
  lateRecordChanges(query: { limit: number; cursor?: string | undefined }): Promise<Page<DisclosureRecord>>;
  /** The newest reconciliations with the city's credit platform. */
  reconciliations(limit: number): Promise<ReconciliationReport[]>;
}

/** How many nightly reconciliations the office's page shows: a month. */
const RECONCILIATIONS_SHOWN = 30;

export function adminRoutes(ports: AdminPorts) {
  return {
    'GET /v1/admin/upstream/reconciliations': defineRoute({
      query: z.strictObject({}),
      responses: { 200: reconciliationList },
      run: async () => ({ body: { items: await ports.reconciliations(RECONCILIATIONS_SHOWN) } }),
    }),

    'GET /v1/admin/events': defineRoute({
      query: eventsQuery,
      responses: { 200: eventPage },
      run: async ({ query }) => {
        const page = await ports.events({ type: query.type, ...pageRequest(query, OVERSIGHT_PAGE_SIZE) });
        return { body: pageBody(page) };
      },
    }),

    /** Recomputes the audit chains, a page at a time: any tampering shows as a problem. */
    'GET /v1/admin/audit/verify': defineRoute({
      query: verifyQuery,
      responses: { 200: verifyResponse },
      run: async ({ query }) => {
        const result = await ports.verify(query.limit ?? 100, query.cursor);
        return {
          body: {
            checked: result.checked,
            problems: result.problems,
            ...(result.cursor ? { cursor: result.cursor } : {}),
          },
        };
      },
    }),

    /** Objections, repair applications, revocations or changes not handled in time, escalated to the credit office. */
    'GET /v1/admin/escalations': defineRoute({
      query: escalationsQuery,
      responses: { 200: escalationPage },
      run: async ({ query }) => {
        const paging = pageRequest(query, OVERSIGHT_PAGE_SIZE);
        if (query.kind === 'record-change')
          return { body: pageBody(await ports.lateRecordChanges(paging), agencyView) };
        if (query.kind === 'list-entry')
          return { body: pageBody(await ports.escalatedEntries(paging), caseView) };
        if (query.kind === 'check') return { body: pageBody(await ports.escalatedChecks(paging), checkView) };
        const page = await ports.escalated(query.kind, paging);
        const view = (w: Objection | Repair) =>
          query.kind === 'objection' ? objectionView(w as Objection) : repairView(w as Repair);
        return { body: pageBody(page, view) };
      },
    }),
  };
}
