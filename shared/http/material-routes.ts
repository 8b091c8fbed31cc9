import type { MaterialUseCases } from '../domain/materials/use-cases.ts';
import type { WorkflowKind } from '../domain/workflows/party.ts';
import {
  materialLinkResponse,
  materialReceiptResponse,
  objectionMaterialParams,
  repairMaterialParams,
  uploadLinkResponse,
} from '../schemas/materials.ts';
import { defineRoute } from './http-handler.ts';
import { filerOf, partyOf } from './principal.ts';

/**
 * The three routes of a filing's files, the same for objections and repair applications:
 * `…/materials/{n}/upload` (a link to send the n-th file), `…/materials/{n}/receipt` (the file
 * arrived: its bytes are checked) and `…/materials/{n}` (a short-lived link to open it).
 */
function materialRoutes<P extends typeof objectionMaterialParams | typeof repairMaterialParams>(
  kind: WorkflowKind,
  params: P,
  materials: MaterialUseCases,
) {
  return {
    upload: defineRoute({
      params,
      responses: { 200: uploadLinkResponse },
      run: async ({ params: p, principal }) => ({
        body: await materials.uploadLink(kind, filerOf(principal), p.id, p.n),
      }),
    }),
    receipt: defineRoute({
      params,
      responses: { 200: materialReceiptResponse },
      run: async ({ params: p, principal }) => ({
        body: await materials.confirm(kind, filerOf(principal), p.id, p.n),
      }),
    }),
    link: defineRoute({
      params,
      responses: { 200: materialLinkResponse },
      run: async ({ params: p, principal }) => ({
        body: await materials.downloadLink(kind, partyOf(principal), p.id, p.n),
        headers: { 'cache-control': 'no-store' },
      }),
    }),
  };
}

export function objectionMaterialRoutes(materials: MaterialUseCases) {
  const r = materialRoutes('objection', objectionMaterialParams, materials);
  return {
    'POST /v1/objections/{id}/materials/{n}/upload': r.upload,
    'POST /v1/objections/{id}/materials/{n}/receipt': r.receipt,
    'GET /v1/objections/{id}/materials/{n}': r.link,
  } as const;
}

export function repairMaterialRoutes(materials: MaterialUseCases) {
  const r = materialRoutes('repair', repairMaterialParams, materials);
  return {
    'POST /v1/repairs/{id}/materials/{n}/upload': r.upload,
    'POST /v1/repairs/{id}/materials/{n}/receipt': r.receipt,
    'GET /v1/repairs/{id}/materials/{n}': r.link,
  } as const;
}
