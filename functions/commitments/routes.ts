import type { CommitmentUseCases } from '../../shared/domain/commitments/use-cases.ts';
import { commitmentCase, publicCommitment } from '../../shared/domain/commitments/views.ts';
import { defineRoute } from '../../shared/http/http-handler.ts';
import { pageBody, pageRequest } from '../../shared/http/paging.ts';
import { agencyOf, agencyOrEntityOf, entityOf } from '../../shared/http/principal.ts';
import { actorOf } from '../../shared/http/request-helpers.ts';
import {
  agencyCommitmentQuery,
  breachBody,
  commitmentBody,
  commitmentCasePage,
  commitmentCaseResponse,
  commitmentIdParams,
  commitmentListQuery,
  publicCommitmentPage,
  publicCommitmentResponse,
  verificationBody,
} from '../../shared/schemas/commitments.ts';
import { pageQuery } from '../../shared/schemas/common.ts';

/** 信用承诺: registered by the receiving agency or the entity, public, verified, kept or broken. */
export function commitmentRoutes(commitments: CommitmentUseCases) {
  return {
    'POST /v1/commitments': defineRoute({
      body: commitmentBody,
      responses: { 201: commitmentCaseResponse },
      run: async ({ body, principal }) => {
        const c = await commitments.register(agencyOrEntityOf(principal), body, actorOf(principal));
        return { status: 201, body: commitmentCase(c), headers: { location: `/v1/commitments/${c.id}` } };
      },
    }),

    'GET /v1/commitments': defineRoute({
      query: commitmentListQuery,
      responses: { 200: publicCommitmentPage },
      run: async ({ query }) => ({
        body: pageBody(await commitments.forEntity(query.uscc, pageRequest(query)), publicCommitment),
      }),
    }),

    'GET /v1/commitments/{id}': defineRoute({
      params: commitmentIdParams,
      responses: { 200: publicCommitmentResponse },
      run: async ({ params }) => ({ body: publicCommitment(await commitments.get(params.id)) }),
    }),

    'POST /v1/commitments/{id}/verification': defineRoute({
      params: commitmentIdParams,
      body: verificationBody,
      responses: { 200: commitmentCaseResponse },
      run: async ({ params, body, principal }) => ({
        body: commitmentCase(
          await commitments.verify(agencyOf(principal), params.id, body.finding, actorOf(principal)),
        ),
      }),
    }),

    'POST /v1/commitments/{id}/breach': defineRoute({
      params: commitmentIdParams,
      body: breachBody,
      responses: { 200: commitmentCaseResponse },
      run: async ({ params, body, principal }) => ({
        body: commitmentCase(
          await commitments.breach(agencyOf(principal), params.id, body, actorOf(principal)),
        ),
      }),
    }),

    'GET /v1/agency/commitments': defineRoute({
      query: agencyCommitmentQuery,
      responses: { 200: commitmentCasePage },
      run: async ({ query, principal }) => ({
        body: pageBody(
          await commitments.forAgency(agencyOf(principal), { status: query.status, ...pageRequest(query) }),
          commitmentCase,
        ),
      }),
    }),

    'GET /v1/entity/commitments': defineRoute({
      query: pageQuery,
      responses: { 200: commitmentCasePage },
      run: async ({ query, principal }) => ({
        body: pageBody(await commitments.forEntity(entityOf(principal), pageRequest(query)), commitmentCase),
      }),
    }),
  };
}
