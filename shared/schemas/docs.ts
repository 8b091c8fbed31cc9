import * as z from 'zod';

/**
 * GET /v1/openapi.json: the document itself. Only its frame is described here (the document
 * describing itself in full would be circular); its version is the one buildOpenApi writes.
 */
export const openApiDocumentResponse = z
  .object({
    openapi: z.literal('3.1.0'),
    info: z.object({}).loose(),
    paths: z.object({}).loose(),
  })
  .loose();
