import { shanghaiDate } from '../../shared/domain/dates.ts';
import { SYNC_MAX_ROWS } from '../../shared/domain/records/batch.ts';
import { ROUTES, type RouteKey, routeKey } from '../../shared/http/routes.ts';
import { officialYearBody } from '../support/calendar-builders.ts';
import { commitmentBody, commitmentClient } from '../support/commitment-mothers.ts';
import { describe, it as e2e, expect } from '../support/e2e.ts';
import { call, expectProblem, type HttpAnswer } from '../support/http.ts';
import { CASE_STATED, exitBody, LIST_IT, listClient, proposalBody } from '../support/list-mothers.ts';
import { materialOf, pdfOf, putFile } from '../support/materials.ts';
import { penaltyInput } from '../support/record-builders.ts';
import { anAgency } from '../support/record-mothers.ts';
import {
  APPROVE,
  objectionBody,
  penaltyAgainst,
  REJECT,
  repairBody,
  revocationBody,
} from '../support/workflow-mothers.ts';

/*
 * Who may call what: every route × every kind of caller, written out as a table and checked
 * cell by cell with real requests. Entity A and agency A own the objects; "other's" is
 * entity B or agency B asking for A's. Natural persons (自然人) act on their own records: person
 * A's column aims at person A's records and filings (decided by agency A), person B's at the
 * same. Another party's object must be refused exactly as an id that does not exist is, so no
 * answer tells whether it exists.
 */

const CALLERS = [
  'anonymous',
  'entityOwn',
  'entityOther',
  'personOwn',
  'personOther',
  'agencyOwn',
  'agencyOther',
  'admin',
] as const;
type Caller = (typeof CALLERS)[number];
type Expected = '2xx' | 400 | 401 | 403 | 404;

const OK = '2xx';
const PUBLIC: Expected[] = [OK, OK, OK, OK, OK, OK, OK, OK];
const ADMIN_ONLY: Expected[] = [401, 403, 403, 403, 403, 403, 403, OK];
const AGENCY_ANY: Expected[] = [401, 403, 403, 403, 403, OK, OK, 403];
const AGENCY_OWN: Expected[] = [401, 403, 403, 403, 403, OK, 403, 403];
const ENTITY_ANY: Expected[] = [401, OK, OK, 403, 403, 403, 403, 403];
const PERSON_ANY: Expected[] = [401, 403, 403, OK, OK, 403, 403, 403];
const FILER_OWN: Expected[] = [401, OK, 403, OK, 403, 403, 403, 403];
const SIGNED_IN: Expected[] = [401, OK, OK, OK, OK, OK, OK, OK];
/** Well-formed ids that name nothing: every signed-in caller gets past authorization to a 404. */
const SIGNED_IN_MISSING: Expected[] = [401, 404, 404, 404, 404, 404, 404, 404];
const PARTIES_OWN: Expected[] = [401, OK, 403, OK, 403, OK, 403, 403];
/** List entries here are entity A's (persons' entries are walked through in lists.test.ts). */
const ENTITY_OWN: Expected[] = [401, OK, 403, 403, 403, 403, 403, 403];
const ENTITY_AGENCY_OWN: Expected[] = [401, OK, 403, 403, 403, OK, 403, 403];

/**
 * Columns: anonymous, entity (own), entity (other's), person (own), person (other's), agency
 * (own), agency (other's), admin.
 */
const MATRIX: Record<RouteKey, Expected[]> = {
  'GET /v1/calendar/{year}': PUBLIC,
  'PUT /v1/calendar/{year}': ADMIN_ONLY,
  'POST /v1/calendar/{year}/preview': ADMIN_ONLY,
  'GET /v1/deadlines': PUBLIC,
  'POST /v1/records': AGENCY_ANY,
  'POST /v1/records/batch': AGENCY_ANY,
  'GET /v1/records/{id}': AGENCY_OWN,
  'POST /v1/records/{id}/publish': AGENCY_OWN,
  'POST /v1/records/{id}/corrections': AGENCY_OWN,
  'POST /v1/records/{id}/revocations': AGENCY_OWN,
  'GET /v1/agency/records': AGENCY_ANY,
  'GET /v1/jobs/{id}': AGENCY_OWN,
  'GET /v1/records/{id}/upstream': AGENCY_OWN,
  'GET /v1/agency/upstream': AGENCY_ANY,
  'GET /v1/disclosures': PUBLIC,
  'GET /v1/disclosures/{id}': PUBLIC,
  'GET /v1/entity/records': ENTITY_ANY,
  'GET /v1/verifications/{code}': PUBLIC,
  'GET /v1/feed': PUBLIC,
  'GET /v1/feed.atom': PUBLIC,
  'GET /v1/open-data/disclosures.csv': PUBLIC,
  'GET /v1/open-data/disclosures.ndjson': PUBLIC,
  'GET /v1/open-data/manifest': PUBLIC,
  'GET /v1/open-data/snapshots/{date}': PUBLIC,
  'POST /v1/objections': FILER_OWN,
  'GET /v1/objections/{id}': PARTIES_OWN,
  'POST /v1/objections/{id}/acceptance': AGENCY_OWN,
  'POST /v1/objections/{id}/decision': AGENCY_OWN,
  'POST /v1/objections/{id}/materials/{n}/upload': FILER_OWN,
  'POST /v1/objections/{id}/materials/{n}/receipt': FILER_OWN,
  'GET /v1/objections/{id}/materials/{n}': PARTIES_OWN,
  'GET /v1/agency/objections': AGENCY_ANY,
  'GET /v1/entity/objections': ENTITY_ANY,
  'GET /v1/person/records': PERSON_ANY,
  'GET /v1/person/objections': PERSON_ANY,
  'POST /v1/repairs': FILER_OWN,
  'GET /v1/repairs/{id}': PARTIES_OWN,
  'POST /v1/repairs/{id}/decision': AGENCY_OWN,
  'GET /v1/repairs/{id}/decision-document': PARTIES_OWN,
  'POST /v1/repairs/{id}/materials/{n}/upload': FILER_OWN,
  'POST /v1/repairs/{id}/materials/{n}/receipt': FILER_OWN,
  'GET /v1/repairs/{id}/materials/{n}': PARTIES_OWN,
  'GET /v1/agency/repairs': AGENCY_ANY,
  'GET /v1/agency/worklist': AGENCY_ANY,
  'GET /v1/entity/repairs': ENTITY_ANY,
  'GET /v1/person/repairs': PERSON_ANY,
  'GET /v1/stats/timeliness': PUBLIC,
  'GET /v1/agencies': PUBLIC,
  'PUT /v1/agencies/{uscc}': ADMIN_ONLY,
  'GET /v1/inbox': SIGNED_IN,
  'POST /v1/inbox/{id}/read': SIGNED_IN_MISSING,
  // After PUT /v1/contact (the route table lists it first), every caller has an address.
  'PUT /v1/contact': SIGNED_IN,
  'GET /v1/contact': SIGNED_IN,
  // Public: a token that names no confirmation is refused as such, signed in or not.
  'POST /v1/contact/confirmation': [400, 400, 400, 400, 400, 400, 400, 400],
  'GET /v1/admin/mail/dead-letters': ADMIN_ONLY,
  'POST /v1/admin/mail/dead-letters/{id}/retry': [401, 403, 403, 403, 403, 403, 403, 404],
  'GET /v1/admin/events': ADMIN_ONLY,
  'GET /v1/admin/upstream/reconciliations': ADMIN_ONLY,
  'GET /v1/admin/escalations': ADMIN_ONLY,
  'GET /v1/admin/audit/verify': ADMIN_ONLY,
  'GET /v1/openapi.json': PUBLIC,
  'GET /v1/templates/{kind}': PUBLIC,
  // Any agency may propose, in its own name; only the deciding agency and the party act on an entry.
  'POST /v1/lists/entries': AGENCY_ANY,
  'GET /v1/lists': PUBLIC,
  'GET /v1/lists/entries/{id}': PUBLIC,
  'GET /v1/lists/entries/{id}/case': ENTITY_AGENCY_OWN,
  'POST /v1/lists/entries/{id}/statement': ENTITY_OWN,
  'POST /v1/lists/entries/{id}/decision': AGENCY_OWN,
  'POST /v1/lists/entries/{id}/objection': ENTITY_OWN,
  'POST /v1/lists/entries/{id}/objection/decision': AGENCY_OWN,
  'POST /v1/lists/entries/{id}/exit': ENTITY_OWN,
  'POST /v1/lists/entries/{id}/exit/decision': AGENCY_OWN,
  'GET /v1/agency/lists': AGENCY_ANY,
  'GET /v1/entity/lists': ENTITY_ANY,
  // A check is its agency's alone: another agency cannot read it or answer it.
  'POST /v1/checks': AGENCY_ANY,
  'GET /v1/checks/{id}': AGENCY_OWN,
  'POST /v1/checks/{id}/feedback': AGENCY_OWN,
  'GET /v1/agency/checks': AGENCY_ANY,
  'GET /v1/entity/checks': ENTITY_ANY,
  'GET /v1/stats/checks': PUBLIC,
  // Commitments: an entity registers its own, an agency those made to it; the receiver acts.
  'POST /v1/commitments': ENTITY_AGENCY_OWN,
  'GET /v1/commitments': PUBLIC,
  'GET /v1/commitments/{id}': PUBLIC,
  'POST /v1/commitments/{id}/verification': AGENCY_OWN,
  'POST /v1/commitments/{id}/breach': AGENCY_OWN,
  'GET /v1/agency/commitments': AGENCY_ANY,
  'GET /v1/entity/commitments': ENTITY_ANY,
  // Reports: an entity of itself, an agency of the entity of its own check.
  'POST /v1/reports': ENTITY_AGENCY_OWN,
  // A special report is its entity's alone; everyone else gets the 404 of a report never made.
  'GET /v1/reports/{number}': [401, OK, 404, 404, 404, 404, 404, 404],
  'GET /v1/reports/{number}/verify': PUBLIC,
  'GET /v1/entity/reports': ENTITY_ANY,
};

interface Request {
  readonly method: string;
  readonly path: string;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
}

/** What each route is sent, aimed at A's object `id`. */
type Target =
  | 'registered'
  | 'published'
  | 'objection'
  | 'repair'
  | 'approved'
  | 'job'
  | 'none'
  /** A filing whose one file was sent but not yet confirmed, or sent and received. */
  | 'objection:uploaded'
  | 'objection:received'
  | 'repair:uploaded'
  | 'repair:received'
  /** The 核验码 of A's approved repair's decision document. */
  | 'document'
  /** The date of today's open-data snapshot. */
  | 'snapshot'
  /** Entity A's published penalty and USCC, `<record id>:<uscc>`, to propose a listing on. */
  | 'listable'
  /** List entries of agency A about entity A: proposed, heard, listed, with an objection, with an exit. */
  | 'entry:proposed'
  | 'entry:heard'
  | 'entry:listed'
  | 'entry:objected'
  | 'entry:exiting'
  /** A credit check agency A made. */
  | 'check'
  /** Agency A's and entity A's codes, `<agency>:<uscc>`, for a commitment entity A makes to agency A. */
  | 'commitable'
  /** A commitment of entity A that agency A received. */
  | 'commitment'
  /** Agency A's check of entity A, `<check id>:<uscc>`, to have a report made for. */
  | 'checked'
  /** Entity A's special-scope report (its number). */
  | 'report:special';

/**
 * On the routes persons may call, a person aims at their own kind of object: person A's record
 * or filing, not entity A's. Elsewhere (public reads, agency routes) at what everyone aims at:
 * a person's record is never public, so a public read of it would answer 404 for all.
 */
const PERSON_TARGETS: readonly Target[] = [
  'published',
  'objection',
  'repair',
  'approved',
  'objection:uploaded',
  'objection:received',
  'repair:uploaded',
  'repair:received',
];
const targetOf = (caller: Caller, target: Target, key: RouteKey): string => {
  const access = ROUTES.find((route) => routeKey(route) === key)?.access;
  const forPersons = Array.isArray(access) && access.includes('person');
  return caller.startsWith('person') && forPersons && PERSON_TARGETS.includes(target)
    ? `person:${target}`
    : target;
};

/**
 * The callers and A's objects, once per file: entity A and agency A are the file's `entity` and
 * `agency`, B the `otherEntity` and `otherAgency`.
 */
const it = e2e.extend(
  'matrix',
  { scope: 'file' },
  async ({
    service,
    api,
    entity: entityA,
    otherEntity,
    person: personA,
    otherPerson,
    agency: agencyA,
    otherAgency,
    admin,
  }) => {
    const tokens: Record<Caller, string | undefined> = {
      anonymous: undefined,
      entityOwn: entityA.token,
      entityOther: otherEntity.token,
      personOwn: personA.token,
      personOther: otherPerson.token,
      agencyOwn: agencyA.token,
      agencyOther: otherAgency.token,
      admin,
    };
    /** Objects of entity A and agency A that reads aim at (writes get fresh ones when they may succeed). */
    const shared: Record<string, string> = {};
    shared.registered = await api.register(agencyA, penaltyAgainst(entityA.uscc), false);
    shared.published = await api.publishedPenalty(agencyA, entityA);
    shared.objection = await api.objected(entityA, await api.publishedPenalty(agencyA, entityA));
    shared.repair = await api.repaired(entityA, await api.publishedPenalty(agencyA, entityA));
    shared.approved = await api.repaired(entityA, await api.publishedPenalty(agencyA, entityA));
    await api.decideRepair(agencyA.token, shared.approved, APPROVE);
    shared.document = (
      await call(service.url, 'GET', `/v1/repairs/${shared.approved}/decision-document`, {
        token: entityA.token,
      })
    ).json.verificationCode;
    // Today's open-data snapshot: its download answers everyone (a redirect to the file).
    await service.sweeps('open-data-snapshot');
    shared.snapshot = shanghaiDate(new Date());
    const personsRecord = () => api.personPenalty(agencyA, personA);
    shared['person:published'] = await personsRecord();
    shared['person:objection'] = await api.objected(personA, await personsRecord());
    shared['person:repair'] = await api.repaired(personA, await personsRecord());
    shared['person:approved'] = await api.repaired(personA, await personsRecord());
    await api.decideRepair(agencyA.token, shared['person:approved'], APPROVE);
    /** A filing of `filer` with one file, sent through its link and, if `receive`, confirmed. */
    const withFile = async (
      filer: typeof entityA | typeof personA,
      kind: 'objection' | 'repair',
      record: string,
      receive: boolean,
    ): Promise<string> => {
      const bytes = pdfOf(2048, kind);
      const body =
        kind === 'objection'
          ? objectionBody(record, { evidence: [materialOf('决定书', bytes)] })
          : repairBody(record, { evidence: [materialOf('缴款凭证', bytes)] });
      const filed = await call(service.url, 'POST', `/v1/${kind}s`, { token: filer.token, body });
      const id = filed.json.id as string;
      const link = await call(service.url, 'POST', `/v1/${kind}s/${id}/materials/1/upload`, {
        token: filer.token,
      });
      expect((await putFile(link.json, bytes)).status).toBe(200);
      if (receive)
        await call(service.url, 'POST', `/v1/${kind}s/${id}/materials/1/receipt`, { token: filer.token });
      return id;
    };
    const fileTargets = (prefix: '' | 'person:') =>
      Object.fromEntries(
        (['objection', 'repair'] as const).flatMap((kind) =>
          ([false, true] as const).map((receive) => [
            `${prefix}${kind}:${receive ? 'received' : 'uploaded'}`,
            async () =>
              prefix
                ? withFile(personA, kind, await personsRecord(), receive)
                : withFile(entityA, kind, await api.publishedPenalty(agencyA, entityA), receive),
          ]),
        ),
      ) as Record<string, () => Promise<string>>;
    for (const [target, make] of Object.entries({ ...fileTargets(''), ...fileTargets('person:') }))
      shared[target] = await make();
    /** A batch job of agency A's: more rows than a request runs itself, so it answers 202. */
    const aJob = async () => {
      const rows = Array.from({ length: SYNC_MAX_ROWS + 1 }, () => penaltyAgainst(entityA.uscc));
      const answer = await call(service.url, 'POST', '/v1/records/batch', {
        token: agencyA.token,
        body: rows,
      });
      expect(answer.status).toBe(202);
      return answer.json.id as string;
    };
    shared.job = await aJob();
    const lists = listClient(service);
    const entryMakers = {
      listable: async () => `${await api.publishedPenalty(agencyA, entityA)}:${entityA.uscc}`,
      'entry:proposed': () => lists.proposed(agencyA, entityA),
      'entry:heard': () => lists.heard(agencyA, entityA),
      'entry:listed': () => lists.listed(agencyA, entityA),
      'entry:objected': () => lists.objectedEntry(agencyA, entityA),
      'entry:exiting': () => lists.exiting(agencyA, entityA),
      check: () => lists.checked(agencyA, entityA.uscc),
    };
    // Agency A is in the directory, so entity A may name it as the receiver of a commitment.
    await call(service.url, 'PUT', `/v1/agencies/${agencyA.uscc}`, { token: admin, body: { name: '甲局' } });
    const commitments = commitmentClient(service);
    Object.assign(entryMakers, {
      commitable: async () => `${agencyA.uscc}:${entityA.uscc}`,
      commitment: () => commitments.committed(agencyA, entityA),
      checked: async () => `${await lists.checked(agencyA, entityA.uscc)}:${entityA.uscc}`,
      'report:special': () => commitments.reported(entityA, 'special'),
    });
    for (const [target, make] of Object.entries(entryMakers)) shared[target] = await make();
    const fresh: Record<string, () => Promise<string>> = {
      ...entryMakers,
      registered: () => api.register(agencyA, penaltyAgainst(entityA.uscc), false),
      published: () => api.publishedPenalty(agencyA, entityA),
      objection: async () => api.objected(entityA, await api.publishedPenalty(agencyA, entityA)),
      repair: async () => api.repaired(entityA, await api.publishedPenalty(agencyA, entityA)),
      approved: async () => shared.approved as string,
      document: async () => shared.document as string,
      snapshot: async () => shared.snapshot as string,
      job: async () => shared.job as string,
      none: async () => '',
      'person:published': personsRecord,
      'person:objection': async () => api.objected(personA, await personsRecord()),
      'person:repair': async () => api.repaired(personA, await personsRecord()),
      'person:approved': async () => shared['person:approved'] as string,
      ...fileTargets(''),
      ...fileTargets('person:'),
    };
    const send = (caller: Caller, request: Request): Promise<HttpAnswer> =>
      call(service.url, request.method, request.path, {
        ...(tokens[caller] ? { token: tokens[caller] } : {}),
        ...(request.body === undefined ? {} : { body: request.body }),
      });
    return { tokens, shared, fresh, send };
  },
);

/** The three routes of a filing's first file, aimed at a filing whose file is in the state each needs. */
function materialRequests<K extends 'objection' | 'repair'>(kind: K) {
  const base = (id: string) => `/v1/${kind}s/${id}/materials/1`;
  return {
    [`POST /v1/${kind}s/{id}/materials/{n}/upload`]: [
      `${kind}:uploaded`,
      (id: string) => ({ method: 'POST', path: `${base(id)}/upload` }),
    ],
    [`POST /v1/${kind}s/{id}/materials/{n}/receipt`]: [
      `${kind}:uploaded`,
      (id: string) => ({ method: 'POST', path: `${base(id)}/receipt` }),
    ],
    [`GET /v1/${kind}s/{id}/materials/{n}`]: [
      `${kind}:received`,
      (id: string) => ({ method: 'GET', path: base(id) }),
    ],
  } as Record<
    `${'POST' | 'GET'} /v1/${K}s/{id}/materials/{n}${'' | '/upload' | '/receipt'}`,
    [Target, (id: string) => Request]
  >;
}

let year = 2050;
const REQUESTS: Record<RouteKey, [Target, (id: string) => Request]> = {
  'GET /v1/feed': ['none', () => ({ method: 'GET', path: '/v1/feed?limit=3' })],
  'GET /v1/feed.atom': ['none', () => ({ method: 'GET', path: '/v1/feed.atom' })],
  'GET /v1/open-data/disclosures.csv': [
    'none',
    () => ({ method: 'GET', path: '/v1/open-data/disclosures.csv' }),
  ],
  'GET /v1/open-data/disclosures.ndjson': [
    'none',
    () => ({ method: 'GET', path: '/v1/open-data/disclosures.ndjson' }),
  ],
  'GET /v1/open-data/manifest': ['none', () => ({ method: 'GET', path: '/v1/open-data/manifest' })],
  'GET /v1/open-data/snapshots/{date}': [
    'snapshot',
    (date) => ({ method: 'GET', path: `/v1/open-data/snapshots/${date}` }),
  ],
  'GET /v1/verifications/{code}': [
    'document',
    (code) => ({ method: 'GET', path: `/v1/verifications/${code}` }),
  ],
  'GET /v1/calendar/{year}': ['none', () => ({ method: 'GET', path: '/v1/calendar/2026' })],
  'PUT /v1/calendar/{year}': [
    'none',
    () => {
      year++;
      return { method: 'PUT', path: `/v1/calendar/${year}`, body: officialYearBody(year) };
    },
  ],
  'POST /v1/calendar/{year}/preview': [
    'none',
    () => ({ method: 'POST', path: '/v1/calendar/2049/preview', body: officialYearBody(2049) }),
  ],
  'GET /v1/deadlines': [
    'none',
    () => ({ method: 'GET', path: '/v1/deadlines?from=2026-09-30&workingDays=7' }),
  ],
  'POST /v1/records': ['none', () => ({ method: 'POST', path: '/v1/records', body: penaltyInput() })],
  'POST /v1/records/batch': [
    'none',
    () => ({ method: 'POST', path: '/v1/records/batch', body: [penaltyInput()] }),
  ],
  'GET /v1/records/{id}': ['registered', (id) => ({ method: 'GET', path: `/v1/records/${id}` })],
  'POST /v1/records/{id}/publish': [
    'registered',
    (id) => ({ method: 'POST', path: `/v1/records/${id}/publish` }),
  ],
  'POST /v1/records/{id}/corrections': [
    'registered',
    (id) => ({
      method: 'POST',
      path: `/v1/records/${id}/corrections`,
      body: { reason: '更正', changes: { remarks: '补充' } },
    }),
  ],
  'POST /v1/records/{id}/revocations': [
    'registered',
    (id) => ({ method: 'POST', path: `/v1/records/${id}/revocations`, body: revocationBody() }),
  ],
  'GET /v1/agency/records': ['none', () => ({ method: 'GET', path: '/v1/agency/records' })],
  'GET /v1/jobs/{id}': ['job', (id) => ({ method: 'GET', path: `/v1/jobs/${id}` })],
  'GET /v1/records/{id}/upstream': [
    'published',
    (id) => ({ method: 'GET', path: `/v1/records/${id}/upstream` }),
  ],
  'GET /v1/agency/upstream': ['none', () => ({ method: 'GET', path: '/v1/agency/upstream?state=pending' })],
  'GET /v1/disclosures': ['none', () => ({ method: 'GET', path: '/v1/disclosures' })],
  'GET /v1/disclosures/{id}': ['published', (id) => ({ method: 'GET', path: `/v1/disclosures/${id}` })],
  'GET /v1/entity/records': ['none', () => ({ method: 'GET', path: '/v1/entity/records' })],
  'POST /v1/objections': [
    'published',
    (id) => ({ method: 'POST', path: '/v1/objections', body: objectionBody(id) }),
  ],
  'GET /v1/objections/{id}': ['objection', (id) => ({ method: 'GET', path: `/v1/objections/${id}` })],
  'POST /v1/objections/{id}/acceptance': [
    'objection',
    (id) => ({ method: 'POST', path: `/v1/objections/${id}/acceptance`, body: { needsOtherUnit: false } }),
  ],
  'POST /v1/objections/{id}/decision': [
    'objection',
    (id) => ({ method: 'POST', path: `/v1/objections/${id}/decision`, body: REJECT }),
  ],
  ...materialRequests('objection'),
  'GET /v1/agency/objections': ['none', () => ({ method: 'GET', path: '/v1/agency/objections' })],
  'GET /v1/entity/objections': ['none', () => ({ method: 'GET', path: '/v1/entity/objections' })],
  'GET /v1/person/records': ['none', () => ({ method: 'GET', path: '/v1/person/records' })],
  'GET /v1/person/objections': ['none', () => ({ method: 'GET', path: '/v1/person/objections' })],
  'POST /v1/repairs': ['published', (id) => ({ method: 'POST', path: '/v1/repairs', body: repairBody(id) })],
  'GET /v1/repairs/{id}': ['repair', (id) => ({ method: 'GET', path: `/v1/repairs/${id}` })],
  'POST /v1/repairs/{id}/decision': [
    'repair',
    (id) => ({ method: 'POST', path: `/v1/repairs/${id}/decision`, body: REJECT }),
  ],
  'GET /v1/repairs/{id}/decision-document': [
    'approved',
    (id) => ({ method: 'GET', path: `/v1/repairs/${id}/decision-document` }),
  ],
  ...materialRequests('repair'),
  'GET /v1/agency/repairs': ['none', () => ({ method: 'GET', path: '/v1/agency/repairs' })],
  'GET /v1/agency/worklist': ['none', () => ({ method: 'GET', path: '/v1/agency/worklist' })],
  'GET /v1/entity/repairs': ['none', () => ({ method: 'GET', path: '/v1/entity/repairs' })],
  'GET /v1/person/repairs': ['none', () => ({ method: 'GET', path: '/v1/person/repairs' })],
  'GET /v1/stats/timeliness': ['none', () => ({ method: 'GET', path: '/v1/stats/timeliness' })],
  'GET /v1/agencies': ['none', () => ({ method: 'GET', path: '/v1/agencies' })],
  // A new agency each time, so an admin's call creates (201) rather than needing If-Match.
  'PUT /v1/agencies/{uscc}': [
    'none',
    () => ({ method: 'PUT', path: `/v1/agencies/${anAgency()}`, body: { name: '济南市示例局' } }),
  ],
  'GET /v1/inbox': ['none', () => ({ method: 'GET', path: '/v1/inbox' })],
  'POST /v1/inbox/{id}/read': [
    'none',
    () => ({ method: 'POST', path: '/v1/inbox/20261204T000000000Z-0123456789abcdef/read' }),
  ],
  'PUT /v1/contact': [
    'none',
    () => ({ method: 'PUT', path: '/v1/contact', body: { email: 'matrix@example.com' } }),
  ],
  'GET /v1/contact': ['none', () => ({ method: 'GET', path: '/v1/contact' })],
  'POST /v1/contact/confirmation': [
    'none',
    () => ({ method: 'POST', path: '/v1/contact/confirmation', body: { token: 'A'.repeat(43) } }),
  ],
  'GET /v1/admin/mail/dead-letters': ['none', () => ({ method: 'GET', path: '/v1/admin/mail/dead-letters' })],
  'POST /v1/admin/mail/dead-letters/{id}/retry': [
    'none',
    () => ({ method: 'POST', path: `/v1/admin/mail/dead-letters/${'0'.repeat(40)}/retry` }),
  ],
  'GET /v1/admin/events': ['none', () => ({ method: 'GET', path: '/v1/admin/events' })],
  'GET /v1/admin/upstream/reconciliations': [
    'none',
    () => ({ method: 'GET', path: '/v1/admin/upstream/reconciliations' }),
  ],
  'GET /v1/admin/escalations': ['none', () => ({ method: 'GET', path: '/v1/admin/escalations' })],
  'GET /v1/admin/audit/verify': ['none', () => ({ method: 'GET', path: '/v1/admin/audit/verify' })],
  'GET /v1/openapi.json': ['none', () => ({ method: 'GET', path: '/v1/openapi.json' })],
  'GET /v1/templates/{kind}': ['none', () => ({ method: 'GET', path: '/v1/templates/penalty?format=xlsx' })],
  'POST /v1/lists/entries': [
    'listable',
    (target) => {
      const [record = '', uscc = ''] = target.split(':');
      return { method: 'POST', path: '/v1/lists/entries', body: proposalBody({ uscc }, record) };
    },
  ],
  'GET /v1/lists': ['none', () => ({ method: 'GET', path: '/v1/lists?type=key_attention' })],
  'GET /v1/lists/entries/{id}': [
    'entry:listed',
    (id) => ({ method: 'GET', path: `/v1/lists/entries/${id}` }),
  ],
  'GET /v1/lists/entries/{id}/case': [
    'entry:proposed',
    (id) => ({ method: 'GET', path: `/v1/lists/entries/${id}/case` }),
  ],
  'POST /v1/lists/entries/{id}/statement': [
    'entry:proposed',
    (id) => ({ method: 'POST', path: `/v1/lists/entries/${id}/statement`, body: CASE_STATED }),
  ],
  'POST /v1/lists/entries/{id}/decision': [
    'entry:heard',
    (id) => ({ method: 'POST', path: `/v1/lists/entries/${id}/decision`, body: LIST_IT }),
  ],
  'POST /v1/lists/entries/{id}/objection': [
    'entry:listed',
    (id) => ({
      method: 'POST',
      path: `/v1/lists/entries/${id}/objection`,
      body: { statement: '认定有误。' },
    }),
  ],
  'POST /v1/lists/entries/{id}/objection/decision': [
    'entry:objected',
    (id) => ({ method: 'POST', path: `/v1/lists/entries/${id}/objection/decision`, body: REJECT }),
  ],
  'POST /v1/lists/entries/{id}/exit': [
    'entry:listed',
    (id) => ({ method: 'POST', path: `/v1/lists/entries/${id}/exit`, body: exitBody() }),
  ],
  'POST /v1/lists/entries/{id}/exit/decision': [
    'entry:exiting',
    (id) => ({ method: 'POST', path: `/v1/lists/entries/${id}/exit/decision`, body: REJECT }),
  ],
  'GET /v1/agency/lists': ['none', () => ({ method: 'GET', path: '/v1/agency/lists?status=listed' })],
  'GET /v1/entity/lists': ['none', () => ({ method: 'GET', path: '/v1/entity/lists' })],
  'POST /v1/checks': [
    'none',
    () => ({
      method: 'POST',
      path: '/v1/checks',
      body: { uscc: '91320105780688132K', matter: { name: '政府采购项目', type: '政府采购' } },
    }),
  ],
  'GET /v1/checks/{id}': ['check', (id) => ({ method: 'GET', path: `/v1/checks/${id}` })],
  'POST /v1/checks/{id}/feedback': [
    'check',
    (id) => ({
      method: 'POST',
      path: `/v1/checks/${id}/feedback`,
      body: { applied: false, reason: '未发现失信信息，准予许可。', actedOn: shanghaiDate(new Date()) },
    }),
  ],
  'GET /v1/agency/checks': ['none', () => ({ method: 'GET', path: '/v1/agency/checks' })],
  'GET /v1/entity/checks': ['none', () => ({ method: 'GET', path: '/v1/entity/checks' })],
  'GET /v1/stats/checks': ['none', () => ({ method: 'GET', path: '/v1/stats/checks' })],
  'POST /v1/commitments': [
    'commitable',
    (codes) => {
      const [receiver, uscc] = codes.split(':') as [string, string];
      return {
        method: 'POST',
        path: '/v1/commitments',
        body: commitmentBody({ uscc }, { type: 'voluntary', receiver }),
      };
    },
  ],
  'GET /v1/commitments': ['none', () => ({ method: 'GET', path: '/v1/commitments?uscc=91320105780688132K' })],
  'GET /v1/commitments/{id}': ['commitment', (id) => ({ method: 'GET', path: `/v1/commitments/${id}` })],
  'POST /v1/commitments/{id}/verification': [
    'commitment',
    (id) => ({
      method: 'POST',
      path: `/v1/commitments/${id}/verification`,
      body: { finding: '经核查，承诺内容属实。' },
    }),
  ],
  'POST /v1/commitments/{id}/breach': [
    'commitment',
    (id) => ({
      method: 'POST',
      path: `/v1/commitments/${id}/breach`,
      body: { finding: '经核查，承诺内容不实。' },
    }),
  ],
  'GET /v1/agency/commitments': ['none', () => ({ method: 'GET', path: '/v1/agency/commitments' })],
  'GET /v1/entity/commitments': ['none', () => ({ method: 'GET', path: '/v1/entity/commitments' })],
  'POST /v1/reports': [
    'checked',
    (codes) => {
      const [checkId, uscc] = codes.split(':') as [string, string];
      return { method: 'POST', path: '/v1/reports', body: { uscc, scope: 'public', checkId } };
    },
  ],
  'GET /v1/reports/{number}': [
    'report:special',
    (n) => ({ method: 'GET', path: `/v1/reports/${n}?format=pdf` }),
  ],
  'GET /v1/reports/{number}/verify': [
    'report:special',
    (n) => ({ method: 'GET', path: `/v1/reports/${n}/verify` }),
  ],
  'GET /v1/entity/reports': ['none', () => ({ method: 'GET', path: '/v1/entity/reports' })],
};

const classOf = (status: number): Expected | number =>
  // A redirect to the file asked for (a snapshot) is let through as much as a 200.
  status >= 200 && status < 400 ? OK : status === 401 || status === 403 ? status : status;

/** Well-formed ids that no object has. */
const MISSING: Record<Target, string> = {
  registered: 'rec_0123456789abcdefghjkmnpqrs',
  published: 'rec_0123456789abcdefghjkmnpqrs',
  objection: 'obj_0123456789abcdefghjkmnpqrs',
  repair: 'rep_0123456789abcdefghjkmnpqrs',
  approved: 'rep_0123456789abcdefghjkmnpqrs',
  'objection:uploaded': 'obj_0123456789abcdefghjkmnpqrs',
  'objection:received': 'obj_0123456789abcdefghjkmnpqrs',
  'repair:uploaded': 'rep_0123456789abcdefghjkmnpqrs',
  'repair:received': 'rep_0123456789abcdefghjkmnpqrs',
  document: '2222-2222-2222-2222-2222',
  snapshot: '2001-01-01',
  job: 'job_0123456789abcdefghjkmnpqrs',
  none: '',
  listable: 'rec_0123456789abcdefghjkmnpqrs:91320105780688132K',
  'entry:proposed': 'lst_0123456789abcdefghjkmnpqrs',
  'entry:heard': 'lst_0123456789abcdefghjkmnpqrs',
  'entry:listed': 'lst_0123456789abcdefghjkmnpqrs',
  'entry:objected': 'lst_0123456789abcdefghjkmnpqrs',
  'entry:exiting': 'lst_0123456789abcdefghjkmnpqrs',
  check: 'chk_0123456789abcdefghjkmnpqrs',
  commitable: '11370100MB2850377W:91320105780688132K',
  commitment: 'cmt_0123456789abcdefghjkmnpqrs',
  checked: 'chk_0123456789abcdefghjkmnpqrs:91320105780688132K',
  'report:special': 'XYBG-20010101-ABCDEFGH',
};

/** A refusal without what differs on every answer. */
const refusal = (answer: HttpAnswer) => ({ status: answer.status, code: answer.json?.code });

describe('the authorization matrix', () => {
  it('has a row for every route, and a request for each', () => {
    expect(Object.keys(MATRIX).sort()).toEqual(ROUTES.map(routeKey).sort());
    expect(Object.keys(REQUESTS).sort()).toEqual(ROUTES.map(routeKey).sort());
  });

  it.for(ROUTES.map(routeKey) as RouteKey[])(
    '%s answers each caller as the table says',
    async (key, { matrix: { shared, fresh, send } }) => {
      const [target, request] = REQUESTS[key];
      const seen: Record<string, Expected | number> = {};
      const wanted: Record<string, Expected> = {};
      for (const [n, caller] of CALLERS.entries()) {
        const expected = MATRIX[key][n] as Expected;
        const aim = targetOf(caller, target, key);
        const id = expected === OK ? await (fresh[aim] as () => Promise<string>)() : (shared[aim] ?? '');
        const answer = await send(caller, request(id));
        seen[caller] = classOf(answer.status);
        wanted[caller] = expected;
        if (answer.status === 401) expectProblem(answer, 401, 'unauthenticated');
        if (answer.status === 403) expectProblem(answer, 403, answer.json.code);
      }
      expect(seen).toEqual(wanted);
    },
  );
});

describe("another party's objects", () => {
  const withIds = (Object.keys(REQUESTS) as RouteKey[]).filter((key) => REQUESTS[key][0] !== 'none');
  const others: Caller[] = [
    'entityOther',
    'personOther',
    'agencyOther',
    'entityOwn',
    'personOwn',
    'agencyOwn',
    'admin',
  ];

  it.for(withIds)(
    '%s refuses them exactly as an id that does not exist',
    async (key, { matrix: { shared, send } }) => {
      const [target, request] = REQUESTS[key];
      for (const caller of others) {
        if (MATRIX[key][CALLERS.indexOf(caller)] === OK) continue;
        const theirs = await send(caller, request(shared[targetOf(caller, target, key)] as string));
        const missing = await send(caller, request(MISSING[target]));
        expect({ caller, ...refusal(theirs) }).toEqual({ caller, ...refusal(missing) });
      }
    },
  );
});

describe('tokens whose claims were altered after signing', () => {
  /** The token with one claim of its payload changed and the signature kept. */
  const altered = (token: string, claims: Record<string, string>) => {
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const decoded = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    return `${header}.${Buffer.from(JSON.stringify({ ...decoded, ...claims })).toString('base64url')}.${signature}`;
  };

  it("refuses an entity token whose uscc now names another entity's code", async ({
    service,
    entity: entityA,
    matrix: { tokens, shared },
  }) => {
    const forged = altered(tokens.entityOther as string, { uscc: entityA.uscc });

    const answer = await call(service.url, 'GET', `/v1/objections/${shared.objection}`, { token: forged });

    expectProblem(answer, 401, 'invalid_token');
  });

  it("refuses a person token whose ID number now names another person's", async ({
    service,
    person: personA,
    matrix: { tokens, shared },
  }) => {
    const forged = altered(tokens.personOther as string, { idNumber: personA.idNumber });

    const answer = await call(service.url, 'GET', `/v1/objections/${shared['person:objection']}`, {
      token: forged,
    });

    expectProblem(answer, 401, 'invalid_token');
  });

  it("refuses an agency token whose agency now names another agency's code", async ({
    service,
    agency: agencyA,
    matrix: { tokens, shared },
  }) => {
    const forged = altered(tokens.agencyOther as string, { agency: agencyA.uscc });

    const answer = await call(service.url, 'GET', `/v1/records/${shared.registered}`, { token: forged });

    expectProblem(answer, 401, 'invalid_token');
  });

  it('refuses an entity token given an agency claim beside its own', async ({
    service,
    agency: agencyA,
    matrix: { tokens },
  }) => {
    const forged = altered(tokens.entityOwn as string, { role: 'agency', agency: agencyA.uscc });

    const answer = await call(service.url, 'GET', '/v1/agency/records', { token: forged });

    expectProblem(answer, 401, 'invalid_token');
  });
});
