import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { HttpProblem } from './problem.ts';

export const MAX_BODY_BYTES = 1024 * 1024;

/** `csv` and `xlsx` bodies are handed on as bytes: their encoding is the importer's to detect. */
export type BodyFormat = 'json' | 'csv' | 'xlsx';

export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const MEDIA_TYPES: Record<BodyFormat, string> = {
  json: 'application/json',
  csv: 'text/csv',
  xlsx: XLSX_MEDIA_TYPE,
};

function header(event: APIGatewayProxyEventV2, name: string): string | undefined {
  // API Gateway v2 lower-cases header names; be tolerant of hand-built events too.
  const lower = name.toLowerCase();
  for (const [key, value] of Object.entries(event.headers ?? {}))
    if (key.toLowerCase() === lower) return value;
  return undefined;
}

/**
 * The body's bytes as the client sent them. An HTTP API hands a Lambda a text body (text/*,
 * JSON, XML, JavaScript) as a string and any other, an .xlsx for one, base64-encoded with
 * `isBase64Encoded`; local/api-event.ts builds its events the same way, and also base64-encodes
 * a text body that is not UTF-8 (a GB18030 CSV), which a JSON event cannot carry as a string.
 */
export function rawBytes(event: APIGatewayProxyEventV2): Buffer {
  if (!event.body) return Buffer.alloc(0);
  const bytes = event.isBase64Encoded ? Buffer.from(event.body, 'base64') : Buffer.from(event.body, 'utf8');
  if (bytes.byteLength > MAX_BODY_BYTES) {
    throw new HttpProblem(413, 'body_too_large', {
      zh: '请求体超过 1 MiB 上限',
      en: 'the request body is larger than 1 MiB',
    });
  }
  return bytes;
}

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * The body as one string that tells any two bodies apart (the idempotency fingerprint): its
 * text when it is UTF-8, else its bytes in base64, so two GB18030 files differing only in
 * their Chinese characters never look alike.
 */
export function rawBody(event: APIGatewayProxyEventV2): string {
  const bytes = rawBytes(event);
  try {
    return STRICT_UTF8.decode(bytes);
  } catch {
    return `base64:${bytes.toString('base64')}`;
  }
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
  const bytes = rawBytes(event);
  const text = bytes.toString('utf8');
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
  // A file's bytes go to its importer untouched: CSV encodings are detected there.
  if (format !== 'json') return { format, value: bytes };
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
