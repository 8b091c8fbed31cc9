import type { MaterialUseCases } from '../../shared/domain/materials/use-cases.ts';
import type { ObjectionUseCases } from '../../shared/domain/objections/use-cases.ts';
import type { PersonRecordUseCases } from '../../shared/domain/records/person-use-cases.ts';
import { objectionView } from '../../shared/domain/workflows/views.ts';
import { defineRoute } from '../../shared/http/http-handler.ts';
import { objectionMaterialRoutes } from '../../shared/http/material-routes.ts';
import { pageBody, pageRequest } from '../../shared/http/paging.ts';
import { agencyOf, entityOf, filerOf, partyOf, personOf } from '../../shared/http/principal.ts';
import { actorOf } from '../../shared/http/request-helpers.ts';
import { parsePart } from '../../shared/http/validation.ts';
import { pageQuery } from '../../shared/schemas/common.ts';
import { recordInputSchema } from '../../shared/schemas/records/record-input.ts';
import {
  acceptanceBody,
  fileObjectionBody,
  objectionDecisionBody,
  objectionIdParams,
  objectionListQuery,
  objectionPage,
  objectionResponse,
} from '../../shared/schemas/workflows.ts';
import { personRecordPage } from '../../shared/schemas/workflows-person.ts';

const validateCorrection = (content: unknown) => parsePart(recordInputSchema, 'body.correction', content);

/** The objection routes, and a person's own records (never public, so not in `disclosures`). */
export function objectionRoutes({
  objections,
  personRecords,
  materials,
}: {
  objections: ObjectionUseCases;
  personRecords: PersonRecordUseCases;
  materials: MaterialUseCases;
}) {
  return {
    ...objectionMaterialRoutes(materials),

    'POST /v1/objections': defineRoute({
      body: fileObjectionBody,
      responses: { 201: objectionResponse },
      run: async ({ body, principal }) => {
        const objection = await objections.file(filerOf(principal), body, actorOf(principal));
        return {
          status: 201,
          body: objectionView(objection),
          headers: { location: `/v1/objections/${objection.id}` },
        };
      },
    }),

    'GET /v1/objections/{id}': defineRoute({
      params: objectionIdParams,
      responses: { 200: objectionResponse },
      run: async ({ params, principal }) => {
        const objection = await objections.get(partyOf(principal), params.id);
        const evidence = await materials.evidenceOf('objection', objection);
        return { body: { ...objectionView(objection), evidence } };
      },
    }),

    'POST /v1/objections/{id}/acceptance': defineRoute({
      params: objectionIdParams,
      body: acceptanceBody,
      responses: { 200: objectionResponse },
      run: async ({ params, body, principal }) => ({
        body: objectionView(
          await objections.accept(agencyOf(principal), params.id, body.needsOtherUnit, actorOf(principal)),
        ),
      }),
    }),

    'POST /v1/objections/{id}/decision': defineRoute({
      params: objectionIdParams,
      body: objectionDecisionBody,
      responses: { 200: objectionResponse },
      run: async ({ params, body, principal }) => ({
        body: objectionView(
          await objections.decide(
            agencyOf(principal),
            params.id,
            body,
            validateCorrection,
            actorOf(principal),
          ),
        ),
      }),
    }),

    'GET /v1/agency/objections': defineRoute({
      query: objectionListQuery,
      responses: { 200: objectionPage },
      run: async ({ query, principal }) => ({
        body: pageBody(
          await objections.forAgency(agencyOf(principal), {
            status: query.status,
            overdue: query.overdue === 'true',
            ...pageRequest(query),
          }),
          objectionView,
        ),
      }),
    }),

    'GET /v1/entity/objections': defineRoute({
      query: pageQuery,
      responses: { 200: objectionPage },
      run: async ({ query, principal }) => ({
        body: pageBody(await objections.forEntity(entityOf(principal), pageRequest(query)), objectionView),
      }),
    }),

    'GET /v1/person/records': defineRoute({
      query: pageQuery,
      responses: { 200: personRecordPage },
      run: async ({ query, principal }) => ({
        body: pageBody(await personRecords.forPerson(personOf(principal), pageRequest(query))),
      }),
    }),

    'GET /v1/person/objections': defineRoute({
      query: pageQuery,
      responses: { 200: objectionPage },
      run: async ({ query, principal }) => ({
        body: pageBody(await objections.forPerson(personOf(principal), pageRequest(query)), objectionView),
      }),
    }),
  };
}
