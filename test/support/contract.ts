import { Ajv2020 } from 'ajv/dist/2020.js';
import { routeCatalog } from '../../functions/docs/catalog.ts';
import { buildOpenApi } from '../../shared/http/openapi.ts';
import { matchRoute } from '../../shared/http/routes.ts';

type Json = Record<string, unknown>;

let cached: { document: Json; ajv: Ajv2020 } | undefined;

/** The OpenAPI document the service serves, built from the code, compiled once per test file. */
export function openApi() {
  if (!cached) {
    const document = buildOpenApi(routeCatalog());
    const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true });
    ajv.addSchema({ ...document, $id: 'openapi' }, 'openapi');
    cached = { document, ajv };
  }
  return cached;
}

const pointer = (...parts: string[]) =>
  parts.map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');

/**
 * Fails unless the document describes this answer: its status for the operation, its media
 * type, and (for JSON) its body. Requests to paths the API does not have, or with a method
 * a path does not take, are answered by the fallback and are not operations of the document.
 */
export function assertDocumented(
  method: string,
  url: string,
  status: number,
  contentType: string | null,
  text: string,
): void {
  const path = new URL(url, 'http://localhost').pathname;
  const match = matchRoute(method, path);
  if (match.kind !== 'route') return;
  const { document, ajv } = openApi();
  const operation = ((document.paths as Json)[match.route.path] as Json)[method.toLowerCase()] as Json;
  const responses = operation.responses as Record<string, { content?: Record<string, unknown> }>;
  const response = responses[String(status)];
  if (!response)
    throw new Error(
      `${method} ${match.route.path} answered ${status}, which the OpenAPI document does not describe`,
    );
  if (!text && !response.content) return;
  const mediaType = (contentType ?? '').split(';')[0]?.trim() ?? '';
  if (!response.content?.[mediaType]) {
    throw new Error(
      `${method} ${match.route.path} ${status} came as ${mediaType}, not a media type the document gives`,
    );
  }
  // JSON itself (application/json, application/problem+json), not JSON lines (application/x-ndjson).
  if (!/[/+]json$/.test(mediaType)) return;
  const ref = `openapi#/${pointer('paths', match.route.path, method.toLowerCase(), 'responses', String(status), 'content', mediaType, 'schema')}`;
  const validate = ajv.getSchema(ref) ?? ajv.compile({ $ref: ref });
  if (!validate(JSON.parse(text))) {
    throw new Error(
      `${method} ${match.route.path} ${status} does not match its schema: ${ajv.errorsText(validate.errors)}`,
    );
  }
}
