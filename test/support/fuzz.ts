import { request } from 'node:http';
import fc, { type Arbitrary } from 'fast-check';
import { assertDocumented } from './contract.ts';
import { anIdNumber, withWrongCheck } from './record-mothers.ts';

/*
 * Generated bad input (README, "Reliability and security"): values that each field of the API must refuse,
 * requests built from them, a raw HTTP client that sends what fetch would tidy up (`..` in a
 * path, a body on a GET, no Content-Type), and the check that every answer is a documented
 * 4xx problem+json. Every value here is invalid where it is put; a 2xx means a bug.
 */

/** Cases per route: FUZZ_RUNS (npm test keeps it small; the soak sets 200 or more). */
export const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 15);
/** A fixed seed by default, so `npm test` tries the same cases every time; the soak varies it. */
export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20261126);

// ---- Values every text field refuses ------------------------------------------------------

/** Controls, zero-width and bidi characters (U+200B, U+2066 …): refused inside any text. */
export const HIDDEN = ['\u0000', '\u0007', '\u001b', '\u007f', '\u0085', '\u00ad', '\u200b', '\u200d'];
export const BIDI = ['\u200e', '\u202e', '\u2066', '\u2069', '\ufeff'];
export const LINE_BREAKS = ['\n', '\r\n', '\t', '\u2028'];
/** DynamoDB expression syntax: harmless as text, refused wherever a format is required. */
export const DYNAMODB_SYNTAX = [
  '#a = :b',
  'attribute_exists(pk)',
  ') OR (1=1',
  'pk = :pk OR attribute_not_exists(sk)',
  'REMOVE gsi1pk',
  '{"S":"x"}',
];
/** A CJK character outside the BMP (U+20000): two UTF-16 units, four UTF-8 bytes. */
export const CJK_4_BYTES = '𠀀';
export const IMPOSSIBLE_DATES = [
  '2026-02-30',
  '2025-02-29',
  '2026-04-31',
  '2026-13-01',
  '2026-00-10',
  '2026-01-00',
  '2026-1-5',
  '2026/01/05',
  '20260105',
  '2026-01-05T00:00:00+08:00',
  '２０２６-01-05',
  '2026-01-05\u200b',
  CJK_4_BYTES,
  ...DYNAMODB_SYNTAX,
];

/** `base` with a hidden character inside it (not at an end, where trimming would drop some). */
export function withHidden(base: string, characters = [...HIDDEN, ...BIDI]): Arbitrary<string> {
  return fc.tuple(fc.constantFrom(...characters), fc.nat()).map(([c, n]) => {
    const at = 1 + (n % Math.max(1, base.length - 1));
    return `${base.slice(0, at)}${c}${base.slice(at)}`;
  });
}

/**
 * Longer than `max` characters, in ASCII, CJK or 4-byte CJK characters. The schemas count
 * characters (code points), as the OpenAPI `maxLength` does: 𠀀 is one, though two UTF-16 units.
 */
export function tooLong(max: number): Arbitrary<string> {
  return fc
    .tuple(fc.integer({ min: 1, max: Math.max(50, max) }), fc.constantFrom('x', '字', CJK_4_BYTES))
    .map(([extra, c]) => c.repeat(max + extra));
}

/** What a one-line text field of at most `max` characters refuses. */
export function badLine(max: number, base = '济南市示例'): Arbitrary<unknown> {
  return fc.oneof(
    withHidden(base),
    withHidden(base, LINE_BREAKS),
    tooLong(max),
    fc.constantFrom('', '   ', '\u3000'),
    wrongTypeFor('string'),
  );
}

/** What a free-text field (line breaks allowed) of at most `max` characters refuses. */
export function badText(max: number, base = '当事人的陈述'): Arbitrary<unknown> {
  return fc.oneof(withHidden(base), tooLong(max), fc.constantFrom('', ' \n '), wrongTypeFor('string'));
}

/** Values of any JSON type but `type`. */
export function wrongTypeFor(type: 'string' | 'number' | 'boolean' | 'array' | 'object'): Arbitrary<unknown> {
  const all: Record<string, Arbitrary<unknown>> = {
    string: fc.constantFrom('1', 'true', '', CJK_4_BYTES, '#a = :b'),
    number: fc.constantFrom(0, -1, 1.5, 1e21),
    boolean: fc.boolean(),
    array: fc.constantFrom([], ['x'], [null]),
    object: fc.constantFrom({}, { S: 'x' }, { $ne: null }),
    null: fc.constant(null),
  };
  return fc.oneof(...Object.entries(all).flatMap(([name, arb]) => (name === type ? [] : [arb])));
}

export function typeOf(value: unknown): 'string' | 'number' | 'boolean' | 'array' | 'object' {
  if (Array.isArray(value)) return 'array';
  if (value === null || typeof value === 'object') return 'object';
  return typeof value as 'string' | 'number' | 'boolean';
}

/** Invalid unified social credit codes around a valid one. */
export function badUscc(valid: string): Arbitrary<unknown> {
  return fc.oneof(
    fc.constantFrom(
      withWrongCheck(valid),
      valid.toLowerCase(),
      valid.slice(0, 17),
      `${valid}0`,
      `${valid.slice(0, 16)}I${valid.slice(17)}`,
      `O${valid.slice(1)}`,
      ` ${valid}`,
      `${CJK_4_BYTES}${valid.slice(2)}`,
      '',
      ...DYNAMODB_SYNTAX,
    ),
    withHidden(valid),
    wrongTypeFor('string'),
  );
}

/** Resident ID numbers that are not: wrong check character, impossible birth date, wrong length. */
export const BAD_ID_NUMBERS = [
  withWrongCheck(anIdNumber(), '0123456789X'),
  anIdNumber('19800230'),
  anIdNumber('20261301'),
  anIdNumber().slice(0, 17),
  `${anIdNumber()}1`,
  `${anIdNumber().slice(0, 6)}${CJK_4_BYTES}${anIdNumber().slice(8)}`,
];

/** Path ids a `{prefix}_` + 26 Crockford characters id schema refuses (already URL-encoded). */
export function badIds(prefix: 'rec' | 'obj' | 'rep' | 'job' | 'lst' | 'chk' | 'cmt'): string[] {
  const body = '0123456789abcdefghjkmnpqrs';
  const others = (['rec', 'obj', 'rep', 'evt', 'job', 'lst', 'chk', 'cmt'] as const).filter(
    (p) => p !== prefix,
  );
  return [
    ...others.map((p) => `${p}_${body}`),
    `${prefix}_${body}t`,
    `${prefix}_${body.slice(1)}`,
    `${prefix}_${body.toUpperCase()}`,
    `${prefix}_${body.slice(0, 25)}i`,
    `${prefix}_${body.slice(0, 25)}u`,
    `${prefix.toUpperCase()}_${body}`,
    `${prefix}-${body}`,
    '..',
    '%2E%2E%2F%2E%2E%2Fadmin',
    '..%2F..%2Fv1%2Fadmin%2Fevents',
    `${prefix}_${body.slice(0, 24)}%00a`,
    `${prefix}_${body.slice(0, 25)}%E2%80%8B`,
    encodeURIComponent(`${prefix}_${body.slice(0, 24)}${CJK_4_BYTES}`),
    encodeURIComponent(`REC#${prefix}_${body}`),
    ...DYNAMODB_SYNTAX.map(encodeURIComponent),
    'x'.repeat(3000),
    '%',
  ];
}

// ---- JSON bodies --------------------------------------------------------------------------

export interface Slot {
  /** Dotted path of the field, e.g. `subject.uscc`. */
  readonly path: string;
  readonly bad: Arbitrary<unknown>;
}

/** A JSON body: a valid one, and where it can be made invalid. */
export interface BodySpec {
  readonly valid: () => Record<string, unknown>;
  /** Field-specific invalid values. */
  readonly slots: readonly Slot[];
  /** Fields that may not be left out. */
  readonly required: readonly string[];
  /** Objects that refuse fields they do not know ('' is the body itself). */
  readonly closed: readonly string[];
  /** Paths where a value of another type might be valid (not given wrong types). */
  readonly anyType?: readonly string[];
  /** Paths where `null` is valid: in a merge patch (a correction) it removes an optional field. */
  readonly nullable?: readonly string[];
}

type Json = Record<string, unknown>;

function setAt(body: Json, path: string, value: unknown): Json {
  const copy = structuredClone(body);
  const keys = path.split('.');
  const last = keys.pop() as string;
  let node: Json = copy;
  for (const key of keys) {
    if (typeof node[key] !== 'object' || node[key] === null) node[key] = {};
    node = node[key] as Json;
  }
  if (value === undefined) delete node[last];
  else node[last] = value;
  return copy;
}

function getAt(body: Json, path: string): unknown {
  return path === ''
    ? body
    : path.split('.').reduce<unknown>((node, key) => (node as Json | undefined)?.[key], body);
}

/** Every field path of a JSON value, objects and leaves alike. */
function pathsOf(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [];
  return Object.entries(value).flatMap(([key, child]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    return [path, ...pathsOf(child, path)];
  });
}

/** Names no schema has; `__proto__` and `constructor` try prototype pollution. */
const UNKNOWN_FIELDS = ['__proto__', 'constructor', 'isAdmin', 'role', 'pk', 'sk', '$where', '#a', 'x'];

/** An invalid JSON value for the body, and what was made wrong. */
export function invalidJson(spec: BodySpec): Arbitrary<{ what: string; value: unknown }> {
  const valid = spec.valid();
  const typed = pathsOf(valid).filter(
    (p) => !(spec.anyType ?? []).some((a) => p === a || p.startsWith(`${a}.`)),
  );
  const strategies: Arbitrary<{ what: string; value: unknown }>[] = [
    fc.constantFrom(...typed).chain((path) =>
      wrongTypeFor(typeOf(getAt(valid, path)))
        .filter((v) => v !== null || !(spec.nullable ?? []).includes(path))
        .map((v) => ({
          what: `wrong type at ${path}`,
          value: setAt(spec.valid(), path, v),
        })),
    ),
  ];
  if (spec.slots.length > 0) {
    strategies.push(
      fc
        .constantFrom(...spec.slots)
        .chain((slot) =>
          slot.bad.map((v) => ({ what: `bad ${slot.path}`, value: setAt(spec.valid(), slot.path, v) })),
        ),
    );
  }
  if (spec.required.length > 0) {
    strategies.push(
      fc
        .constantFrom(...spec.required)
        .map((path) => ({ what: `missing ${path}`, value: setAt(spec.valid(), path, undefined) })),
    );
  }
  if (spec.closed.length > 0) {
    strategies.push(
      fc.tuple(fc.constantFrom(...spec.closed), fc.constantFrom(...UNKNOWN_FIELDS)).map(([at, name]) => {
        const body = spec.valid();
        const target = getAt(body, at) as Json;
        // JSON.parse makes `__proto__` an own field, as a request body would.
        Object.defineProperty(target, name, { value: { isAdmin: true }, enumerable: true });
        return { what: `unknown field ${at ? `${at}.` : ''}${name}`, value: body };
      }),
    );
  }
  strategies.push(
    fc
      .constantFrom<unknown>([], [valid], 'text', 42, null, true)
      .map((value) => ({ what: 'not an object', value })),
  );
  return fc.oneof(...strategies);
}

/** Bodies that are not JSON at all, from a valid one. */
export function malformedJson(valid: string): string[] {
  return [
    valid.slice(0, Math.floor(valid.length / 2)),
    `${valid.slice(0, -1)},}`,
    valid.replaceAll('"', "'"),
    `\ufeff${valid}`,
    `${valid}}`,
    `// comment\n${valid}`,
    '{"a": NaN}',
    '{"a": undefined}',
    '{"a": 0x10}',
    '\u0000',
    '[',
  ];
}

const WRONG_MEDIA_TYPES = [
  'text/plain',
  'application/xml',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/octet-stream',
  'application/jsonp',
  'json',
];

// ---- Requests -----------------------------------------------------------------------------

export interface BadRequest {
  /** What is wrong with it, for the report. */
  readonly what: string;
  readonly method: string;
  /** As sent, not normalised: may hold `..` and percent-encodings. */
  readonly path: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string | Buffer;
  /** `refused` (default): a 4xx problem; `rows-refused`: a batch answered 200, every row in error. */
  readonly expect?: 'refused' | 'rows-refused';
}

/** One route's valid request, to be spoilt one part at a time. */
export interface RouteShape {
  readonly method: string;
  /** The path template, e.g. `/v1/records/{id}/corrections`. */
  readonly template: string;
  readonly token?: string | undefined;
  /** A valid value for each path parameter (a real object of the caller's where there is one). */
  readonly params?: Readonly<Record<string, string>>;
  readonly badParams?: Readonly<Record<string, readonly string[]>>;
  /** The route's valid query, when it reads one. */
  readonly query?: Readonly<Record<string, string>>;
  /** Invalid values per query parameter (already URL-encoded); absent: the route reads no query. */
  readonly badQuery?: Readonly<Record<string, readonly string[]>>;
  /** A JSON body, when the route takes one. */
  readonly body?: BodySpec;
  /** Extra headers a valid request carries. */
  readonly headers?: Readonly<Record<string, string>>;
  /** Invalid values of request headers (e.g. If-Match). */
  readonly badHeaders?: Readonly<Record<string, readonly string[]>>;
}

function pathOf(shape: RouteShape, params: Record<string, string> = {}): string {
  return shape.template.replace(
    /\{(\w+)\}/g,
    (_m, name: string) => params[name] ?? shape.params?.[name] ?? '',
  );
}

function queryString(query: Readonly<Record<string, string>> | undefined): string {
  const parts = Object.entries(query ?? {}).map(
    ([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`,
  );
  return parts.length > 0 ? `?${parts.join('&')}` : '';
}

const IDEMPOTENCY_KEYS = ['two words', 'k'.repeat(129), 'a/b', '', '#a = :b', "' OR '1'='1", 'key\u00e9'];

/** Every kind of bad request the shape allows, each spoiling one part of a valid request. */
export function badRequests(shape: RouteShape): Arbitrary<BadRequest> {
  const auth: Record<string, string> = shape.token ? { authorization: `Bearer ${shape.token}` } : {};
  const headers: Record<string, string> = { ...auth, ...shape.headers };
  const validPath = `${pathOf(shape)}${queryString(shape.query)}`;
  const validBody = shape.body ? JSON.stringify(shape.body.valid()) : undefined;
  const json: Record<string, string> = { ...headers, 'content-type': 'application/json' };
  const base = {
    method: shape.method,
    ...(validBody === undefined ? { headers } : { headers: json, body: validBody }),
  };
  const strategies: Arbitrary<BadRequest>[] = [];

  for (const [name, values] of Object.entries(shape.badParams ?? {})) {
    strategies.push(
      fc.constantFrom(...values).map((value) => ({
        ...base,
        what: `bad path {${name}}: ${value.slice(0, 60)}`,
        path: `${pathOf(shape, { [name]: value })}${queryString(shape.query)}`,
      })),
    );
  }
  const slotsByName = shape.badQuery ?? {};
  if (shape.badQuery) {
    const slots = Object.entries(shape.badQuery).flatMap(([name, values]) => values.map((v) => [name, v]));
    const unknown = ['x', 'uscc', 'sort', '$where', '__proto__', 'pk', 'status[]'].filter(
      (n) => !(n in (shape.query ?? {})) && !(n in slotsByName),
    );
    strategies.push(
      fc.constantFrom(...slots).map(([name, value]) => {
        const rest = Object.entries(shape.query ?? {}).filter(([k]) => k !== name);
        const q = [...rest.map(([k, v]) => `${k}=${encodeURIComponent(v)}`), `${name}=${value}`].join('&');
        return {
          ...base,
          what: `bad query ${name}=${String(value).slice(0, 60)}`,
          path: `${pathOf(shape)}?${q}`,
        };
      }),
      fc.constantFrom(...unknown).map((name) => ({
        ...base,
        what: `unknown query parameter ${name}`,
        path: `${validPath}${validPath.includes('?') ? '&' : '?'}${encodeURIComponent(name)}=1`,
      })),
    );
  }
  if (shape.body && validBody !== undefined) {
    const spec = shape.body;
    strategies.push(
      invalidJson(spec).map(({ what, value }) => ({
        ...base,
        what,
        path: validPath,
        body: JSON.stringify(value),
      })),
      fc.constantFrom(...malformedJson(validBody)).map((body) => ({
        ...base,
        what: 'malformed JSON',
        path: validPath,
        body,
      })),
      fc.constantFrom(...WRONG_MEDIA_TYPES, '').map((type) => ({
        ...base,
        what: `Content-Type ${type || '(none)'}`,
        path: validPath,
        headers: type ? { ...headers, 'content-type': type } : headers,
      })),
      fc
        .constantFrom('', ' ', '\r\n')
        .map((body) => ({ ...base, what: 'empty body', path: validPath, body })),
      fc.integer({ min: 1, max: 512 * 1024 }).map((extra) => ({
        ...base,
        what: 'body over 1 MiB',
        path: validPath,
        body: `${validBody.slice(0, -1)},"padding":"${'x'.repeat(1024 * 1024 + extra)}"}`,
      })),
    );
  } else {
    strategies.push(
      fc.constantFrom('{}', '{"a":1}', 'x', '[]').map((body) => ({
        ...base,
        what: 'a body where none is taken',
        path: validPath,
        headers: { ...headers, 'content-type': 'application/json' },
        body,
      })),
    );
  }
  for (const [name, values] of Object.entries(shape.badHeaders ?? {})) {
    strategies.push(
      fc.constantFrom(...values).map((value) => ({
        ...base,
        what: `${name}: ${value.slice(0, 40)}`,
        path: validPath,
        headers: { ...base.headers, [name]: value },
      })),
    );
  }
  if (shape.method === 'POST') {
    strategies.push(
      fc.constantFrom(...IDEMPOTENCY_KEYS).map((key) => ({
        ...base,
        what: `Idempotency-Key ${JSON.stringify(key.slice(0, 20))}`,
        path: validPath,
        headers: { ...base.headers, 'idempotency-key': key },
      })),
    );
  }
  return fc.oneof(...strategies);
}

// ---- Sending and checking -----------------------------------------------------------------

export interface RawAnswer {
  readonly status: number;
  readonly contentType: string;
  readonly text: string;
}

/** Sends the request exactly as built (node:http: no path normalisation, any method with a body). */
export function sendRaw(baseUrl: string, req: BadRequest): Promise<RawAnswer> {
  const url = new URL(baseUrl);
  const body = req.body === undefined ? undefined : Buffer.from(req.body);
  return new Promise((resolve, reject) => {
    const outgoing = request(
      {
        host: url.hostname === 'localhost' ? '127.0.0.1' : url.hostname,
        port: url.port,
        method: req.method,
        path: req.path,
        headers: { ...req.headers, ...(body ? { 'content-length': String(body.byteLength) } : {}) },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            contentType: String(response.headers['content-type'] ?? ''),
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        response.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

/** What is wrong with the answer to a bad request, or undefined when it is a proper refusal. */
export function refusalProblem(req: BadRequest, answer: RawAnswer): string | undefined {
  try {
    assertDocumented(req.method, req.path, answer.status, answer.contentType, answer.text);
  } catch (error) {
    return (error as Error).message.slice(0, 300);
  }
  let json: Json;
  try {
    json = JSON.parse(answer.text) as Json;
  } catch {
    return `${answer.status} with a body that is not JSON: ${answer.text.slice(0, 100)}`;
  }
  if (req.expect === 'rows-refused') {
    const summary = json.summary as Record<string, number> | undefined;
    if (answer.status !== 200 || !summary) return `answered ${answer.status}: ${answer.text.slice(0, 200)}`;
    if (summary.rows === 0 || summary.error !== summary.rows)
      return `stored rows: ${JSON.stringify(summary)}`;
    return undefined;
  }
  const message = json.message as Record<string, unknown> | undefined;
  if (answer.status < 400 || answer.status > 499)
    return `answered ${answer.status}: ${answer.text.slice(0, 200)}`;
  if (answer.contentType.split(';')[0] !== 'application/problem+json') return `came as ${answer.contentType}`;
  if (typeof json.code !== 'string' || json.code === '') return 'no code';
  if (json.status !== answer.status) return `status ${String(json.status)} in the body`;
  if (typeof message?.zh !== 'string' || !/\S/.test(message.zh)) return 'no message.zh';
  if (typeof message?.en !== 'string' || !/\S/.test(message.en)) return 'no message.en';
  return undefined;
}

export interface FuzzFailure {
  readonly what: string;
  readonly request: string;
  readonly answer: string;
}

/**
 * Sends `runs` bad requests drawn from `cases` (seeded, so a failure can be replayed) and
 * returns every one not refused properly, at most one per kind of case.
 */
export async function tryBadRequests(
  baseUrl: string,
  cases: Arbitrary<BadRequest>,
  options: { runs?: number; seed?: number; concurrency?: number } = {},
): Promise<{ tried: number; failures: FuzzFailure[] }> {
  const samples = fc.sample(cases, { numRuns: options.runs ?? FUZZ_RUNS, seed: options.seed ?? FUZZ_SEED });
  const failures = new Map<string, FuzzFailure>();
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < samples.length; i = next++) {
      const req = samples[i] as BadRequest;
      let problem: string | undefined;
      let answer: RawAnswer | undefined;
      try {
        answer = await sendRaw(baseUrl, req);
        problem = refusalProblem(req, answer);
      } catch (error) {
        problem = `no answer: ${(error as Error).message}`;
      }
      if (problem && !failures.has(`${req.what}|${answer?.status}`)) {
        failures.set(`${req.what}|${answer?.status}`, {
          what: req.what,
          request: `${req.method} ${req.path.slice(0, 160)} ${typeof req.body === 'string' ? req.body.slice(0, 300) : ''}`,
          answer: problem,
        });
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 4 }, worker));
  return { tried: samples.length, failures: [...failures.values()] };
}

// ---- Query values and record changes that every route of their kind refuses -----------------

/** `limit` values a 1–100 (or 1–500) whole-number parameter refuses, URL-encoded. */
export const BAD_LIMITS = [
  '0',
  '501',
  '-1',
  '1e1',
  '1.5',
  'abc',
  '',
  '%201',
  '%EF%BC%91',
  '9999999',
  '1,2',
  '0x10',
];

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** Cursors that are not ones the service gave, URL-encoded. */
export const BAD_CURSORS = [
  ...DYNAMODB_SYNTAX.map(encodeURIComponent),
  encodeURIComponent(CJK_4_BYTES),
  'x'.repeat(2001),
  base64url({ q: 'aaaaaaaaaaaaaaaa', p: {} }),
  base64url({ p: { pk: 'REC#x', sk: 'REC' } }),
  base64url('x'),
  '%00',
  '%',
];

/**
 * A real cursor of the service with its position tampered with: the query fingerprint kept,
 * the DynamoDB start key replaced by keys of another shape, type or partition. A client can
 * do this to any cursor it was given, so each must be a 400, never a 500.
 */
export function tamperedCursorCases(real: string): [string, string][] {
  const decoded = JSON.parse(Buffer.from(real, 'base64url').toString('utf8')) as { q: unknown; p: Json };
  const mapValues = (p: Json, f: (v: unknown) => unknown): Json =>
    Object.fromEntries(
      Object.entries(p).map(([k, v]) => [k, typeof v === 'object' && v ? mapValues(v as Json, f) : f(v)]),
    );
  const positions: [string, unknown][] = [
    ['an empty start key', {}],
    ['an array for a start key', []],
    ['a string for a start key', 'x'],
    ['a start key of the wrong shape', { pk: 'REC#rec_0123456789abcdefghjkmnpqrs' }],
    [
      'expression syntax in the key values',
      mapValues(decoded.p, (v) => (typeof v === 'string' ? '#a = :b' : v)),
    ],
    [
      'a key in another partition',
      mapValues(decoded.p, (v) => (typeof v === 'string' ? `${v.split('#')[0]}#${'z'.repeat(20)}` : v)),
    ],
    ['numbers for the key values', mapValues(decoded.p, () => 1)],
    ['attribute-value objects for the key values', mapValues(decoded.p, () => ({ S: 'x' }))],
    ['an extra attribute in the start key', { ...decoded.p, evil: 'x' }],
  ];
  return positions.map(([label, p]) => [label, encodeURIComponent(base64url({ q: decoded.q, p }))]);
}

export const tamperedCursors = (real: string): string[] => tamperedCursorCases(real).map(([, c]) => c);

/**
 * A paged list route's query: a valid `limit=1`, and bad limits, bad cursors and tampered
 * copies of a real `cursor`, beside any `extra` bad filters.
 */
export const pagingCases = (cursor: string | undefined, extra: Record<string, readonly string[]> = {}) => ({
  query: { limit: '1' },
  badQuery: {
    limit: BAD_LIMITS,
    cursor: [...BAD_CURSORS, ...(cursor ? tamperedCursors(cursor) : [])],
    ...extra,
  },
});

/** Date values for a query, URL-encoded. */
export const BAD_QUERY_DATES = IMPOSSIBLE_DATES.map(encodeURIComponent);

const inTwoDays = () => {
  const d = new Date(Date.now() + 8 * 3_600_000 + 2 * 86_400_000);
  return d.toISOString().slice(0, 10);
};

/** Changes a correction (or an upheld objection's `correction`) may not make to a penalty. */
export const BAD_CHANGES: Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    {},
    { kind: 'license' },
    { kind: null },
    { subject: null },
    { decisionDate: '2026-02-30' },
    { decisionDate: inTwoDays() },
    { subject: { uscc: withWrongCheck('91350100M000100Y43') } },
    { subject: { name: 'x'.repeat(201) } },
    { penalty: { fineAmount: -1 } },
    { penalty: { categories: [] } },
    { penalty: { severity: 'fatal' } },
    { license: { content: '许可' } },
    { remarks: CJK_4_BYTES.repeat(1001) },
    { pk: 'REC#x' },
  ),
  withHidden('补充说明').map((remarks) => ({ remarks })),
  withHidden('济市监罚〔2026〕9号').map((documentNumber) => ({ documentNumber })),
);
