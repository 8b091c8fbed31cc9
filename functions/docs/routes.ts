import * as z from 'zod';
import { defineRoute } from '../../shared/http/http-handler.ts';

export function docsRoutes(document: () => Record<string, unknown>) {
  return {
    'GET /v1/openapi.json': defineRoute({
      responses: {
        200: z
          .object({ openapi: z.string(), info: z.object({}).loose(), paths: z.object({}).loose() })
          .loose(),
      },
      run: async () => ({ body: document(), headers: { 'cache-control': 'public, max-age=300' } }),
    }),
  };
}
