import type { AgencyNames } from '../../shared/domain/agencies/name-cache.ts';
import type { CheckUseCases } from '../../shared/domain/checks/use-cases.ts';
import {
  CHECK_STATS_CSV_HEADER,
  checkStatsRow,
  checkView,
  entityCheckView,
} from '../../shared/domain/checks/views.ts';
import { CSV_BOM, toCsv } from '../../shared/domain/csv.ts';
import type { ListUseCases } from '../../shared/domain/lists/use-cases.ts';
import { caseView, publicEntry } from '../../shared/domain/lists/views.ts';
import { defineRoute } from '../../shared/http/http-handler.ts';
import { pageBody, pageRequest } from '../../shared/http/paging.ts';
import { agencyOf, entityOf, filerOf, partyOf } from '../../shared/http/principal.ts';
import { actorOf } from '../../shared/http/request-helpers.ts';
import { pageQuery } from '../../shared/schemas/common.ts';
import {
  agencyListQuery,
  checkBody,
  checkIdParams,
  checkPage,
  checkResponse,
  checkStatsResponse,
  entityCheckPage,
  entryCasePage,
  entryCaseResponse,
  entryIdParams,
  entryObjectionBody,
  exitBody,
  feedbackBody,
  filingDecisionBody,
  listingDecisionBody,
  proposeEntryBody,
  publicEntryPage,
  publicEntryResponse,
  publicListQuery,
  statementBody,
} from '../../shared/schemas/lists.ts';

const wantsCsv = (accept: string | undefined) => /\btext\/csv\b/i.test(accept ?? '');

/** The credit lists: proposal, hearing, decision, the public list, objections and early exit. */
export function listRoutes(lists: ListUseCases) {
  return {
    'POST /v1/lists/entries': defineRoute({
      body: proposeEntryBody,
      responses: { 201: entryCaseResponse },
      run: async ({ body, principal }) => {
        const entry = await lists.propose(agencyOf(principal), body, actorOf(principal));
        return { status: 201, body: caseView(entry), headers: { location: `/v1/lists/entries/${entry.id}` } };
      },
    }),

    'GET /v1/lists': defineRoute({
      query: publicListQuery,
      responses: { 200: publicEntryPage },
      run: async ({ query }) => ({
        body: pageBody(await lists.publicList({ ...query, ...pageRequest(query) }), publicEntry),
      }),
    }),

    'GET /v1/lists/entries/{id}': defineRoute({
      params: entryIdParams,
      responses: { 200: publicEntryResponse },
      run: async ({ params }) => ({ body: publicEntry(await lists.getPublic(params.id)) }),
    }),

    'GET /v1/lists/entries/{id}/case': defineRoute({
      params: entryIdParams,
      responses: { 200: entryCaseResponse },
      run: async ({ params, principal }) => ({
        body: caseView(await lists.get(partyOf(principal), params.id)),
      }),
    }),

    'POST /v1/lists/entries/{id}/statement': defineRoute({
      params: entryIdParams,
      body: statementBody,
      responses: { 200: entryCaseResponse },
      run: async ({ params, body, principal }) => ({
        body: caseView(await lists.state(filerOf(principal), params.id, body, actorOf(principal))),
      }),
    }),

    'POST /v1/lists/entries/{id}/decision': defineRoute({
      params: entryIdParams,
      body: listingDecisionBody,
      responses: { 200: entryCaseResponse },
      run: async ({ params, body, principal }) => ({
        body: caseView(await lists.decide(agencyOf(principal), params.id, body, actorOf(principal))),
      }),
    }),

    'POST /v1/lists/entries/{id}/objection': defineRoute({
      params: entryIdParams,
      body: entryObjectionBody,
      responses: { 200: entryCaseResponse },
      run: async ({ params, body, principal }) => ({
        body: caseView(
          await lists.file(filerOf(principal), params.id, 'objection', body, actorOf(principal)),
        ),
      }),
    }),

    'POST /v1/lists/entries/{id}/objection/decision': defineRoute({
      params: entryIdParams,
      body: filingDecisionBody,
      responses: { 200: entryCaseResponse },
      run: async ({ params, body, principal }) => ({
        body: caseView(
          await lists.decideFiling(agencyOf(principal), params.id, 'objection', body, actorOf(principal)),
        ),
      }),
    }),

    'POST /v1/lists/entries/{id}/exit': defineRoute({
      params: entryIdParams,
      body: exitBody,
      responses: { 200: entryCaseResponse },
      run: async ({ params, body, principal }) => ({
        body: caseView(await lists.file(filerOf(principal), params.id, 'exit', body, actorOf(principal))),
      }),
    }),

    'POST /v1/lists/entries/{id}/exit/decision': defineRoute({
      params: entryIdParams,
      body: filingDecisionBody,
      responses: { 200: entryCaseResponse },
      run: async ({ params, body, principal }) => ({
        body: caseView(
          await lists.decideFiling(agencyOf(principal), params.id, 'exit', body, actorOf(principal)),
        ),
      }),
    }),

    'GET /v1/agency/lists': defineRoute({
      query: agencyListQuery,
      responses: { 200: entryCasePage },
      run: async ({ query, principal }) => ({
        body: pageBody(
          await lists.forAgency(agencyOf(principal), { status: query.status, ...pageRequest(query) }),
          caseView,
        ),
      }),
    }),

    'GET /v1/entity/lists': defineRoute({
      query: pageQuery,
      responses: { 200: entryCasePage },
      run: async ({ query, principal }) => ({
        body: pageBody(
          await lists.forParty({ role: 'entity', uscc: entityOf(principal) }, pageRequest(query)),
          caseView,
        ),
      }),
    }),
  };
}

/** 应查必查: the check with its receipt, the feedback, who checked an entity, the loop's statistics. */
export function checkRoutes(checks: CheckUseCases, names: AgencyNames) {
  return {
    'POST /v1/checks': defineRoute({
      body: checkBody,
      responses: { 201: checkResponse },
      run: async ({ body, principal }) => {
        const check = await checks.check(agencyOf(principal), body, actorOf(principal));
        return { status: 201, body: checkView(check), headers: { location: `/v1/checks/${check.id}` } };
      },
    }),

    'GET /v1/checks/{id}': defineRoute({
      params: checkIdParams,
      responses: { 200: checkResponse },
      run: async ({ params, principal }) => ({
        body: checkView(await checks.get(agencyOf(principal), params.id)),
      }),
    }),

    'POST /v1/checks/{id}/feedback': defineRoute({
      params: checkIdParams,
      body: feedbackBody,
      responses: { 200: checkResponse },
      run: async ({ params, body, principal }) => ({
        body: checkView(await checks.feedback(agencyOf(principal), params.id, body, actorOf(principal))),
      }),
    }),

    'GET /v1/agency/checks': defineRoute({
      query: pageQuery,
      responses: { 200: checkPage },
      run: async ({ query, principal }) => ({
        body: pageBody(await checks.forAgency(agencyOf(principal), pageRequest(query)), checkView),
      }),
    }),

    'GET /v1/entity/checks': defineRoute({
      query: pageQuery,
      responses: { 200: entityCheckPage },
      run: async ({ query, principal }) => {
        const [page, known] = await Promise.all([
          checks.forEntity(entityOf(principal), pageRequest(query)),
          names(),
        ]);
        return { body: pageBody(page, (c) => entityCheckView(c, known.get(c.agency))) };
      },
    }),

    'GET /v1/stats/checks': defineRoute({
      responses: { 200: checkStatsResponse },
      alternates: {
        'text/csv': 'Accept: text/csv — one row per agency (UTF-8 with BOM, Chinese headers)',
      },
      run: async ({ headers }) => {
        const [counts, known] = await Promise.all([checks.counts(), names()]);
        const rows = counts.map((c) => checkStatsRow(c, known.get(c.agency)));
        if (!wantsCsv(headers.accept)) return { body: { agencies: rows } };
        const csv = rows.map((r) => [
          r.agency,
          r.name ?? '',
          r.made,
          r.withFeedback,
          r.feedbackOnTime,
          r.feedbackLate,
          r.awaitingFeedback,
          r.escalated,
          r.measuresApplied,
          r.onTimeRate ?? '',
        ]);
        return {
          text: `${CSV_BOM}${toCsv([CHECK_STATS_CSV_HEADER, ...csv])}`,
          contentType: 'text/csv; charset=utf-8',
          headers: { 'content-disposition': 'attachment; filename="credit-checks.csv"' },
        };
      },
    }),
  };
}
