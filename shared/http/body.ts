import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { HttpProblem } from './problem.ts';

export const MAX_BODY_BYTES = 1024 * 1024;

export type BodyFormat = 'json' | 'csv';

const MEDIA_TYPES: Record<BodyFormat, string> = { json: 'application/json', csv: 'text/csv' };

function header(event: APIGatewayProxyEventV2, name: string): string | undefined {
  // API Gateway v2 lower-cases header names; be tolerant of hand-built events too.
  const lower = name.toLowerCase();
  for (const [key, value] of Object.entries(event.headers ?? {}))
    if (key.toLowerCase() === lower) return value;
  return undefined;
}

export function rawBody(event: APIGatewayProxyEventV2): string {
  if (!event.body) return '';
  const bytes = event.isBase64Encoded ? Buffer.from(event.body, 'base64') : Buffer.from(event.body, 'utf8');
  if (bytes.byteLength > MAX_BODY_BYTES) {
    throw new HttpProblem(413, 'body_too_large', {
      zh: '请求体超过 1 MiB 上限',
      en: 'the request body is larger than 1 MiB',
    });
  }
  return bytes.toString('utf8');
}

/**
 * Reads a body in one of the formats a route accepts. A body-less request to a route that
 * takes one is a 400; a body the route does not take, a 400; a media type it does not take,
 * a 415; JSON that does not parse, a 400.
 */
export function readBody(
  event: APIGatewayProxyEventV2,
  accepts: readonly BodyFormat[],
): { format: BodyFormat; value: unknown } | undefined {
  const text = rawBody(event);
  if (accepts.length === 0) {
    if (text.trim() === '') return undefined;
    throw new HttpProblem(
      400,
      'unexpected_body',
      { zh: '此操作不接受请求体', en: 'this operation takes no request body' },
      { field: 'body' },
    );
  }
  if (text.trim() === '') {
    throw new HttpProblem(
      400,
      'body_required',
      { zh: '缺少请求体', en: 'a request body is required' },
      { field: 'body' },
    );
  }
  const mediaType = (header(event, 'content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  const format = accepts.find(
    (f) => MEDIA_TYPES[f] === mediaType || (f === 'json' && mediaType.endsWith('+json')),
  );
  if (!format) {
    const wanted = accepts.map((f) => MEDIA_TYPES[f]).join(', ');
    throw new HttpProblem(
      415,
      'unsupported_media_type',
      {
        zh: `Content-Type 须为 ${wanted}`,
        en: `Content-Type must be ${wanted}`,
      },
      { field: 'content-type' },
    );
  }
  if (format === 'csv') return { format, value: text };
  try {
    return { format, value: JSON.parse(text) };
  } catch {
    throw new HttpProblem(
      400,
      'malformed_json',
      { zh: '请求体不是有效的 JSON', en: 'the request body is not valid JSON' },
      { field: 'body' },
    );
  }
}

export { header as requestHeader };
