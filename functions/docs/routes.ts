import { defineRoute } from '../../shared/http/http-handler.ts';
import { openApiDocumentResponse } from '../../shared/schemas/docs.ts';

export function docsRoutes(document: () => Record<string, unknown>) {
  return {
    'GET /v1/openapi.json': defineRoute({
      responses: { 200: openApiDocumentResponse },
      run: async () => ({ body: document(), headers: { 'cache-control': 'public, max-age=300' } }),
    }),
  };
}
