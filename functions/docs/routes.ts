import { defineRoute } from '../../shared/http/http-handler.ts';
import { openApiDocumentResponse } from '../../shared/schemas/docs.ts';
import { templateParams, templateQuery } from '../../shared/schemas/templates.ts';
import { TEMPLATE_MEDIA_TYPES, templateReply } from './templates.ts';

export function docsRoutes(document: () => Record<string, unknown>) {
  return {
    'GET /v1/openapi.json': defineRoute({
      responses: { 200: openApiDocumentResponse },
      run: async () => ({ body: document(), headers: { 'cache-control': 'public, max-age=300' } }),
    }),

    // Public and data-free: the blank files a batch upload is filled into.
    'GET /v1/templates/{kind}': defineRoute({
      params: templateParams,
      query: templateQuery,
      alternates: TEMPLATE_MEDIA_TYPES,
      run: async ({ params, query }) => templateReply(params.kind, query.format ?? 'csv'),
    }),
  };
}
