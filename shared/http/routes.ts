/**
 * The one declaration of the API's routes and of the Lambda functions that serve them.
 * The CDK stack makes an API Gateway route and a function from it; the local server
 * matches requests against it; each function's handler must implement exactly its routes.
 */

import type { Role } from '../domain/roles.ts';

export type { Role };

/** `public`: no token needed (and none looked at); otherwise the roles allowed. */
export type Access = 'public' | readonly Role[];

/**
 * The Lambda functions, with what each needs of the table (least privilege: `read` gets no
 * write permission, `none` not even TABLE_NAME) and, where the default 10 s is too short,
 * its timeout (API Gateway gives up after 30 s).
 */
export const FUNCTION_GROUPS = {
  calendar: { description: 'Working-day calendar and deadline computation', data: 'read-write' },
  records: {
    description: 'Agencies register, publish, correct and revoke records',
    data: 'read-write',
    timeoutSeconds: 29,
    memoryMb: 1024,
  },
  disclosures: {
    description:
      'Public search and reading of published records, the change feed; checks of issued documents',
    data: 'read',
  },
  objections: {
    description: "Entities and persons object to records; agencies accept and decide; a person's own records",
    data: 'read-write',
  },
  repairs: {
    description: 'Entities and persons apply for credit repair; agencies decide',
    data: 'read-write',
  },
  stats: {
    description: 'Public oversight: timeliness of publication per agency',
    data: 'read',
    timeoutSeconds: 29,
  },
  admin: { description: 'The credit office: events and oversight', data: 'read' },
  worklist: {
    description: "An agency's home page: what is due, late or waiting, with deadlines",
    data: 'read',
  },
  agencies: {
    description: 'The agency directory: names of deciding bodies, kept by the credit office',
    data: 'read-write',
  },
  inbox: {
    description: "Everyone's notices (inbox), contact addresses and their confirmation, mail given up",
    data: 'read-write',
  },
  'open-data': {
    description: 'Open data: every public record as CSV or NDJSON, streamed; the daily snapshots',
    data: 'read',
    // Served through a function URL with response streaming (infra/open-data.ts), not API
    // Gateway, whose 30 s and 6 MB would cut a whole register short.
    streaming: true,
    timeoutSeconds: 300,
    memoryMb: 512,
  },
  lists: {
    description:
      'Credit lists (严重失信主体名单, 重点关注名单) with hearing, objection and early exit; credit checks (应查必查) and their feedback',
    data: 'read-write',
  },
  commitments: {
    description: 'Credit commitments (信用承诺): registered, published, verified, kept or broken',
    data: 'read-write',
  },
  reports: {
    description: 'Credit reports (信用报告): generated as PDF and HTML, read by who may, verified by anyone',
    data: 'read-write',
    // A report of an entity with 500 records is drawn in well under a second (`npm run bench`:
    // report_500_records); the headroom is for the largest entity the service will take.
    timeoutSeconds: 29,
    memoryMb: 1024,
  },
  docs: { description: 'The OpenAPI document and the batch templates of the API', data: 'none' },
  fallback: { description: 'Answers requests no route matches (404, 405, CORS preflight)', data: 'none' },
} as const satisfies Record<
  string,
  {
    description: string;
    data: 'read' | 'read-write' | 'none';
    timeoutSeconds?: number;
    memoryMb?: number;
    streaming?: boolean;
  }
>;

export type FunctionGroup = keyof typeof FUNCTION_GROUPS;

/** Served through a streaming function URL, not API Gateway (infra/open-data.ts). */
export function isStreaming(group: FunctionGroup): boolean {
  return 'streaming' in FUNCTION_GROUPS[group];
}

export interface RouteSpec {
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  readonly path: string;
  readonly group: FunctionGroup;
  readonly access: Access;
}

export const ROUTES = [
  { method: 'GET', path: '/v1/calendar/{year}', group: 'calendar', access: 'public' },
  { method: 'PUT', path: '/v1/calendar/{year}', group: 'calendar', access: ['admin'] },
  { method: 'POST', path: '/v1/calendar/{year}/preview', group: 'calendar', access: ['admin'] },
  { method: 'GET', path: '/v1/deadlines', group: 'calendar', access: 'public' },
  { method: 'POST', path: '/v1/records', group: 'records', access: ['agency'] },
  { method: 'POST', path: '/v1/records/batch', group: 'records', access: ['agency'] },
  { method: 'GET', path: '/v1/records/{id}', group: 'records', access: ['agency'] },
  { method: 'POST', path: '/v1/records/{id}/publish', group: 'records', access: ['agency'] },
  { method: 'POST', path: '/v1/records/{id}/corrections', group: 'records', access: ['agency'] },
  { method: 'POST', path: '/v1/records/{id}/revocations', group: 'records', access: ['agency'] },
  { method: 'GET', path: '/v1/agency/records', group: 'records', access: ['agency'] },
  { method: 'GET', path: '/v1/jobs/{id}', group: 'records', access: ['agency'] },
  // What reached the city's credit platform: one record's push, and the agency's by state.
  { method: 'GET', path: '/v1/records/{id}/upstream', group: 'records', access: ['agency'] },
  { method: 'GET', path: '/v1/agency/upstream', group: 'records', access: ['agency'] },
  { method: 'GET', path: '/v1/disclosures', group: 'disclosures', access: 'public' },
  { method: 'GET', path: '/v1/disclosures/{id}', group: 'disclosures', access: 'public' },
  { method: 'GET', path: '/v1/entity/records', group: 'disclosures', access: ['entity'] },
  // 文书核验: anyone holding a document the service issued checks its 核验码 (no sign-in).
  { method: 'GET', path: '/v1/verifications/{code}', group: 'disclosures', access: 'public' },
  // The public change feed: every change of what the public sees, in commit order, resumable.
  { method: 'GET', path: '/v1/feed', group: 'disclosures', access: 'public' },
  { method: 'GET', path: '/v1/feed.atom', group: 'disclosures', access: 'public' },
  // Open data: the whole public register, streamed; and the daily snapshot files with their SHA-256.
  { method: 'GET', path: '/v1/open-data/disclosures.csv', group: 'open-data', access: 'public' },
  { method: 'GET', path: '/v1/open-data/disclosures.ndjson', group: 'open-data', access: 'public' },
  { method: 'GET', path: '/v1/open-data/manifest', group: 'open-data', access: 'public' },
  { method: 'GET', path: '/v1/open-data/snapshots/{date}', group: 'open-data', access: 'public' },
  { method: 'POST', path: '/v1/objections', group: 'objections', access: ['entity', 'person'] },
  {
    method: 'GET',
    path: '/v1/objections/{id}',
    group: 'objections',
    access: ['entity', 'person', 'agency'],
  },
  { method: 'POST', path: '/v1/objections/{id}/acceptance', group: 'objections', access: ['agency'] },
  { method: 'POST', path: '/v1/objections/{id}/decision', group: 'objections', access: ['agency'] },
  // A filing's files: the filer gets a link to send the n-th and confirms it arrived; both
  // parties (filer, deciding agency) open a received one through a short-lived link.
  {
    method: 'POST',
    path: '/v1/objections/{id}/materials/{n}/upload',
    group: 'objections',
    access: ['entity', 'person'],
  },
  {
    method: 'POST',
    path: '/v1/objections/{id}/materials/{n}/receipt',
    group: 'objections',
    access: ['entity', 'person'],
  },
  {
    method: 'GET',
    path: '/v1/objections/{id}/materials/{n}',
    group: 'objections',
    access: ['entity', 'person', 'agency'],
  },
  { method: 'GET', path: '/v1/agency/objections', group: 'objections', access: ['agency'] },
  { method: 'GET', path: '/v1/entity/objections', group: 'objections', access: ['entity'] },
  // A natural person's own records live beside their objections, not in the public
  // `disclosures` function: that one serves everyone, and these are never public (条例 第20条).
  { method: 'GET', path: '/v1/person/records', group: 'objections', access: ['person'] },
  { method: 'GET', path: '/v1/person/objections', group: 'objections', access: ['person'] },
  { method: 'POST', path: '/v1/repairs', group: 'repairs', access: ['entity', 'person'] },
  { method: 'GET', path: '/v1/repairs/{id}', group: 'repairs', access: ['entity', 'person', 'agency'] },
  { method: 'POST', path: '/v1/repairs/{id}/decision', group: 'repairs', access: ['agency'] },
  {
    method: 'GET',
    path: '/v1/repairs/{id}/decision-document',
    group: 'repairs',
    access: ['entity', 'person', 'agency'],
  },
  {
    method: 'POST',
    path: '/v1/repairs/{id}/materials/{n}/upload',
    group: 'repairs',
    access: ['entity', 'person'],
  },
  {
    method: 'POST',
    path: '/v1/repairs/{id}/materials/{n}/receipt',
    group: 'repairs',
    access: ['entity', 'person'],
  },
  {
    method: 'GET',
    path: '/v1/repairs/{id}/materials/{n}',
    group: 'repairs',
    access: ['entity', 'person', 'agency'],
  },
  { method: 'GET', path: '/v1/agency/repairs', group: 'repairs', access: ['agency'] },
  { method: 'GET', path: '/v1/agency/worklist', group: 'worklist', access: ['agency'] },
  { method: 'GET', path: '/v1/entity/repairs', group: 'repairs', access: ['entity'] },
  { method: 'GET', path: '/v1/person/repairs', group: 'repairs', access: ['person'] },
  { method: 'GET', path: '/v1/stats/timeliness', group: 'stats', access: 'public' },
  { method: 'GET', path: '/v1/agencies', group: 'agencies', access: 'public' },
  { method: 'PUT', path: '/v1/agencies/{uscc}', group: 'agencies', access: ['admin'] },
  { method: 'GET', path: '/v1/inbox', group: 'inbox', access: ['agency', 'entity', 'person', 'admin'] },
  {
    method: 'POST',
    path: '/v1/inbox/{id}/read',
    group: 'inbox',
    access: ['agency', 'entity', 'person', 'admin'],
  },
  { method: 'PUT', path: '/v1/contact', group: 'inbox', access: ['agency', 'entity', 'person', 'admin'] },
  { method: 'GET', path: '/v1/contact', group: 'inbox', access: ['agency', 'entity', 'person', 'admin'] },
  // The link in the confirmation mail: whoever holds the token confirms, signed in or not.
  { method: 'POST', path: '/v1/contact/confirmation', group: 'inbox', access: 'public' },
  { method: 'GET', path: '/v1/admin/mail/dead-letters', group: 'inbox', access: ['admin'] },
  {
    method: 'POST',
    path: '/v1/admin/mail/dead-letters/{id}/retry',
    group: 'inbox',
    access: ['admin'],
  },
  { method: 'GET', path: '/v1/admin/events', group: 'admin', access: ['admin'] },
  { method: 'GET', path: '/v1/admin/upstream/reconciliations', group: 'admin', access: ['admin'] },
  { method: 'GET', path: '/v1/admin/escalations', group: 'admin', access: ['admin'] },
  { method: 'GET', path: '/v1/admin/audit/verify', group: 'admin', access: ['admin'] },
  // Credit lists: the agency proposes, the party is heard, the agency decides; the public list.
  { method: 'POST', path: '/v1/lists/entries', group: 'lists', access: ['agency'] },
  { method: 'GET', path: '/v1/lists', group: 'lists', access: 'public' },
  { method: 'GET', path: '/v1/lists/entries/{id}', group: 'lists', access: 'public' },
  {
    method: 'GET',
    path: '/v1/lists/entries/{id}/case',
    group: 'lists',
    access: ['agency', 'entity', 'person'],
  },
  {
    method: 'POST',
    path: '/v1/lists/entries/{id}/statement',
    group: 'lists',
    access: ['entity', 'person'],
  },
  { method: 'POST', path: '/v1/lists/entries/{id}/decision', group: 'lists', access: ['agency'] },
  {
    method: 'POST',
    path: '/v1/lists/entries/{id}/objection',
    group: 'lists',
    access: ['entity', 'person'],
  },
  {
    method: 'POST',
    path: '/v1/lists/entries/{id}/objection/decision',
    group: 'lists',
    access: ['agency'],
  },
  { method: 'POST', path: '/v1/lists/entries/{id}/exit', group: 'lists', access: ['entity', 'person'] },
  { method: 'POST', path: '/v1/lists/entries/{id}/exit/decision', group: 'lists', access: ['agency'] },
  { method: 'GET', path: '/v1/agency/lists', group: 'lists', access: ['agency'] },
  { method: 'GET', path: '/v1/entity/lists', group: 'lists', access: ['entity'] },
  // 应查必查: a check with its receipt, the agency's feedback; who checked an entity; the loop's figures.
  { method: 'POST', path: '/v1/checks', group: 'lists', access: ['agency'] },
  { method: 'GET', path: '/v1/checks/{id}', group: 'lists', access: ['agency'] },
  { method: 'POST', path: '/v1/checks/{id}/feedback', group: 'lists', access: ['agency'] },
  { method: 'GET', path: '/v1/agency/checks', group: 'lists', access: ['agency'] },
  { method: 'GET', path: '/v1/entity/checks', group: 'lists', access: ['entity'] },
  { method: 'GET', path: '/v1/stats/checks', group: 'lists', access: 'public' },
  // 信用承诺: the receiving agency registers (告知承诺) or the entity (主动、行业自律); public.
  { method: 'POST', path: '/v1/commitments', group: 'commitments', access: ['agency', 'entity'] },
  { method: 'GET', path: '/v1/commitments', group: 'commitments', access: 'public' },
  { method: 'GET', path: '/v1/commitments/{id}', group: 'commitments', access: 'public' },
  {
    method: 'POST',
    path: '/v1/commitments/{id}/verification',
    group: 'commitments',
    access: ['agency'],
  },
  { method: 'POST', path: '/v1/commitments/{id}/breach', group: 'commitments', access: ['agency'] },
  { method: 'GET', path: '/v1/agency/commitments', group: 'commitments', access: ['agency'] },
  { method: 'GET', path: '/v1/entity/commitments', group: 'commitments', access: ['entity'] },
  // 信用报告: made by the entity (or an agency in a check), read by who may, verified by anyone.
  { method: 'POST', path: '/v1/reports', group: 'reports', access: ['entity', 'agency'] },
  {
    method: 'GET',
    path: '/v1/reports/{number}',
    group: 'reports',
    access: ['entity', 'agency', 'person', 'admin'],
  },
  { method: 'GET', path: '/v1/reports/{number}/verify', group: 'reports', access: 'public' },
  { method: 'GET', path: '/v1/entity/reports', group: 'reports', access: ['entity'] },
  { method: 'GET', path: '/v1/openapi.json', group: 'docs', access: 'public' },
  { method: 'GET', path: '/v1/templates/{kind}', group: 'docs', access: 'public' },
] as const satisfies readonly RouteSpec[];

export type Route = (typeof ROUTES)[number];
export type RouteKeyOf<G extends FunctionGroup> =
  Extract<Route, { group: G }> extends infer R
    ? R extends Route
      ? `${R['method']} ${R['path']}`
      : never
    : never;

/** Every declared route as `METHOD /path`, exactly (not the cross product of methods and paths). */
export type RouteKey = RouteKeyOf<FunctionGroup>;

/** API Gateway's name for the route that catches every request no other route matches. */
export const DEFAULT_ROUTE_KEY = '$default';
export const DEFAULT_ROUTE_GROUP: FunctionGroup = 'fallback';

export function routeKey(route: Pick<RouteSpec, 'method' | 'path'>): string {
  return `${route.method} ${route.path}`;
}

export function findRoute(key: string): Route | undefined {
  return ROUTES.find((route) => routeKey(route) === key);
}

function pathPattern(path: string): RegExp {
  const source = path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{(\w+)\}/g, '(?<$1>[^/]+)');
  return new RegExp(`^${source}$`);
}

const PATTERNS = ROUTES.map((route) => ({ route, pattern: pathPattern(route.path) }));

export type PathMatch =
  | { readonly kind: 'route'; readonly route: Route; readonly pathParameters: Record<string, string> }
  | { readonly kind: 'method-not-allowed'; readonly allow: readonly string[] }
  | { readonly kind: 'not-found' };

/** Matches a request the way API Gateway does: by path template, then by method. */
export function matchRoute(method: string, path: string): PathMatch {
  const onPath = PATTERNS.flatMap(({ route, pattern }) => {
    const match = pattern.exec(path);
    return match ? [{ route, pathParameters: { ...match.groups } }] : [];
  });
  const hit = onPath.find(({ route }) => route.method === method);
  if (hit) return { kind: 'route', ...hit };
  if (onPath.length > 0)
    return { kind: 'method-not-allowed', allow: onPath.map(({ route }) => route.method) };
  return { kind: 'not-found' };
}
