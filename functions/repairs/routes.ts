import * as z from 'zod';
import type { MaterialUseCases } from '../../shared/domain/materials/use-cases.ts';
import { decisionDocumentHtml } from '../../shared/domain/repairs/decision-document.ts';
import type { RepairUseCases } from '../../shared/domain/repairs/use-cases.ts';
import { repairView } from '../../shared/domain/workflows/views.ts';
import { defineRoute } from '../../shared/http/http-handler.ts';
import { repairMaterialRoutes } from '../../shared/http/material-routes.ts';
import { pageBody, pageRequest } from '../../shared/http/paging.ts';
import { agencyOf, entityOf, filerOf, partyOf, personOf } from '../../shared/http/principal.ts';
import { actorOf } from '../../shared/http/request-helpers.ts';
import { pageQuery } from '../../shared/schemas/common.ts';
import {
  decisionDocumentResponse,
  fileRepairBody,
  repairDecisionBody,
  repairIdParams,
  repairListQuery,
  repairPage,
  repairResponse,
} from '../../shared/schemas/workflows.ts';

const documentQuery = z.strictObject({ format: z.enum(['json', 'html']).optional() });

export function repairRoutes(repairs: RepairUseCases, materials: MaterialUseCases) {
  return {
    ...repairMaterialRoutes(materials),

    'POST /v1/repairs': defineRoute({
      body: fileRepairBody,
      responses: { 201: repairResponse },
      run: async ({ body, principal }) => {
        const repair = await repairs.file(filerOf(principal), body, actorOf(principal));
        return { status: 201, body: repairView(repair), headers: { location: `/v1/repairs/${repair.id}` } };
      },
    }),

    'GET /v1/repairs/{id}': defineRoute({
      params: repairIdParams,
      responses: { 200: repairResponse },
      run: async ({ params, principal }) => {
        const repair = await repairs.get(partyOf(principal), params.id);
        const evidence = await materials.evidenceOf('repair', repair);
        return { body: { ...repairView(repair), evidence } };
      },
    }),

    'POST /v1/repairs/{id}/decision': defineRoute({
      params: repairIdParams,
      body: repairDecisionBody,
      responses: { 200: repairResponse },
      run: async ({ params, body, principal }) => ({
        body: repairView(await repairs.decide(agencyOf(principal), params.id, body, actorOf(principal))),
      }),
    }),

    /** JSON by default; a printable page with `?format=html` or `Accept: text/html`. */
    'GET /v1/repairs/{id}/decision-document': defineRoute({
      params: repairIdParams,
      query: documentQuery,
      responses: { 200: decisionDocumentResponse },
      alternates: { 'text/html': '?format=html or Accept: text/html — a printable page' },
      run: async ({ params, query, headers, principal }) => {
        const doc = await repairs.decisionDocument(partyOf(principal), params.id);
        const html =
          query.format === 'html' ||
          (query.format === undefined && /\btext\/html\b/.test(headers.accept ?? ''));
        return html
          ? { text: decisionDocumentHtml(doc), contentType: 'text/html; charset=utf-8' }
          : { body: doc };
      },
    }),

    'GET /v1/agency/repairs': defineRoute({
      query: repairListQuery,
      responses: { 200: repairPage },
      run: async ({ query, principal }) => ({
        body: pageBody(
          await repairs.forAgency(agencyOf(principal), {
            status: query.status,
            overdue: query.overdue === 'true',
            ...pageRequest(query),
          }),
          repairView,
        ),
      }),
    }),

    'GET /v1/entity/repairs': defineRoute({
      query: pageQuery,
      responses: { 200: repairPage },
      run: async ({ query, principal }) => ({
        body: pageBody(await repairs.forEntity(entityOf(principal), pageRequest(query)), repairView),
      }),
    }),

    'GET /v1/person/repairs': defineRoute({
      query: pageQuery,
      responses: { 200: repairPage },
      run: async ({ query, principal }) => ({
        body: pageBody(await repairs.forPerson(personOf(principal), pageRequest(query)), repairView),
      }),
    }),
  };
}
