import type { RecordUseCases } from '../../shared/domain/records/use-cases.ts';
import { makeUpstreamViews, type PushStore } from '../../shared/domain/sharing/upstream.ts';
import { defineRoute } from '../../shared/http/http-handler.ts';
import { pageBody, pageRequest } from '../../shared/http/paging.ts';
import { agencyOf } from '../../shared/http/principal.ts';
import { actorOf } from '../../shared/http/request-helpers.ts';
import { parsePart } from '../../shared/http/validation.ts';
import { jobAccepted, jobIdParams, jobResponse } from '../../shared/schemas/jobs.ts';
import {
  agencyRecordResponse,
  batchQuery,
  batchResponse,
  correctionBody,
  recordPage,
  registrationResponse,
  revocationBody,
  worklistQuery,
} from '../../shared/schemas/records/agency-routes.ts';
import { recordIdParams } from '../../shared/schemas/records/public-routes.ts';
import { recordInputSchema, registerRecordBody } from '../../shared/schemas/records/record-input.ts';
import { upstreamPage, upstreamPushResponse, upstreamQuery } from '../../shared/schemas/upstream.ts';
import type { BatchJobs } from './batch.ts';

type UpstreamViews = ReturnType<typeof makeUpstreamViews>;
/** No push store: every record reads as not pushed (the documentation catalog). */
const NO_PUSHES: Pick<PushStore, 'get' | 'forAgency'> = {
  get: async () => undefined,
  forAgency: async () => ({ items: [] }),
};

import { agencyView, jobView } from './views.ts';

const validateContent = (content: unknown) => parsePart(recordInputSchema, 'body.changes', content);

export function recordRoutes(
  records: RecordUseCases,
  batch: BatchJobs,
  upstream: UpstreamViews = makeUpstreamViews({ records, pushes: NO_PUSHES }),
) {
  return {
    'GET /v1/records/{id}/upstream': defineRoute({
      params: recordIdParams,
      responses: { 200: upstreamPushResponse },
      run: async ({ params, principal }) => ({
        body: await upstream.ofRecord(agencyOf(principal), params.id),
      }),
    }),

    'GET /v1/agency/upstream': defineRoute({
      query: upstreamQuery,
      responses: { 200: upstreamPage },
      run: async ({ query, principal }) => ({
        body: pageBody(
          await upstream.ofAgency({ agency: agencyOf(principal), state: query.state, ...pageRequest(query) }),
        ),
      }),
    }),

    'POST /v1/records': defineRoute({
      body: registerRecordBody,
      responses: { 200: registrationResponse, 201: registrationResponse },
      run: async ({ body, principal }) => {
        const { publish, ...input } = body;
        const agency = agencyOf(principal);
        const { record, created } = await records.register({ uscc: agency }, input, {
          publish,
          actor: actorOf(principal),
        });
        return {
          status: created ? 201 : 200,
          body: agencyView(record),
          headers: { location: `/v1/records/${record.id}` },
        };
      },
    }),

    'POST /v1/records/batch': defineRoute({
      accepts: ['json', 'csv', 'xlsx'],
      query: batchQuery,
      responses: { 200: batchResponse, 202: jobAccepted },
      run: async ({ body, format, principal, query }) => {
        const submitted = await batch.submit(agencyOf(principal), body, format, actorOf(principal), {
          kind: query.kind,
          publish: query.publish === 'true' ? true : undefined,
        });
        if (submitted.state === 'done') return { body: submitted.result };
        const { results: _none, ...accepted } = jobView(submitted.job, []);
        return {
          status: 202,
          body: accepted,
          headers: { location: `/v1/jobs/${submitted.job.id}`, 'retry-after': '2' },
        };
      },
    }),

    'GET /v1/jobs/{id}': defineRoute({
      params: jobIdParams,
      responses: { 200: jobResponse },
      run: async ({ params, principal }) => {
        const { job, results } = await batch.status(agencyOf(principal), params.id);
        return {
          body: jobView(job, results),
          ...(job.status === 'running' ? { headers: { 'retry-after': '2' } } : {}),
        };
      },
    }),

    'GET /v1/records/{id}': defineRoute({
      params: recordIdParams,
      responses: { 200: agencyRecordResponse },
      run: async ({ params, principal }) => ({
        body: agencyView(await records.get(agencyOf(principal), params.id)),
      }),
    }),

    'POST /v1/records/{id}/publish': defineRoute({
      params: recordIdParams,
      responses: { 200: agencyRecordResponse },
      run: async ({ params, principal }) => ({
        body: agencyView(await records.publish(agencyOf(principal), params.id, actorOf(principal))),
      }),
    }),

    'POST /v1/records/{id}/corrections': defineRoute({
      params: recordIdParams,
      body: correctionBody,
      responses: { 200: agencyRecordResponse },
      run: async ({ params, body, principal }) => {
        const { reason, changes, decisionDate, documentNumber } = body;
        const decision = decisionDate && documentNumber ? { decisionDate, documentNumber } : undefined;
        const request = { reason, changes, decision };
        return {
          body: agencyView(
            await records.correct(
              agencyOf(principal),
              params.id,
              request,
              validateContent,
              actorOf(principal),
            ),
          ),
        };
      },
    }),

    'POST /v1/records/{id}/revocations': defineRoute({
      params: recordIdParams,
      body: revocationBody,
      responses: { 200: agencyRecordResponse },
      run: async ({ params, body, principal }) => {
        const { reason, ...decision } = body;
        const agency = agencyOf(principal);
        return {
          body: agencyView(await records.revoke(agency, params.id, reason, actorOf(principal), decision)),
        };
      },
    }),

    'GET /v1/agency/records': defineRoute({
      query: worklistQuery,
      responses: { 200: recordPage },
      run: async ({ query, principal }) => {
        const page = await records.worklist(agencyOf(principal), {
          status: query.status,
          overdue: query.overdue === 'true',
          ...pageRequest(query),
        });
        return { body: pageBody(page, agencyView) };
      },
    }),
  };
}
