import { createHash } from 'node:crypto';
import { addDays, shanghaiDate } from '../../shared/domain/dates.ts';
import type { RecordInput } from '../../shared/schemas/records/record-input.ts';
import { call, type HttpAnswer } from './http.ts';
import type { TestService } from './local-service.ts';
import { licenseInput, penaltyInput } from './record-builders.ts';
import { aCompany, allPages, anAgency, queryOf, withIdCheck } from './record-mothers.ts';

/*
 * Object mothers for objections (异议) and credit repair (信用修复) over HTTP: dates relative
 * to today in Asia/Shanghai (the server runs on the real clock), request bodies to vary one
 * field at a time, and a small client that plays the agency, the entity and the public.
 */

type Penalty = Extract<RecordInput, { kind: 'penalty' }>;

// ---- Dates ---------------------------------------------------------------------------------

/** Today in Asia/Shanghai, the date the server's rules use. */
export const today = () => shanghaiDate(new Date());
export const daysAgo = (days: number) => addDays(today(), -days);

/**
 * `date` plus whole months, the 31st of a shorter month becoming its last day — written
 * here from DOMAIN.md, not taken from the code under test.
 */
export function plusMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, last));
  return first.toISOString().slice(0, 10);
}

/** A general penalty decided this many days ago may be repaired: its 3-month minimum is over. */
export const LONG_AGO = 120;
/** A general penalty decided this many days ago is still in its minimum period. */
export const RECENTLY = 10;

// ---- Bodies --------------------------------------------------------------------------------

/** Evidence as the entity uploads it: a name and the SHA-256 of the file's content. */
export function evidenceOf(name: string) {
  return { name, sha256: createHash('sha256').update(name).digest('hex') };
}

export function objectionBody(recordId: string, overrides: Record<string, unknown> = {}) {
  return {
    recordId,
    reason: 'content_error',
    statement: '处罚决定书载明的罚款金额与公示不符。',
    evidence: [evidenceOf('行政处罚决定书扫描件')],
    ...overrides,
  };
}

export function repairBody(recordId: string, overrides: Record<string, unknown> = {}) {
  return {
    recordId,
    commitment: { text: '本单位承诺依法诚信经营，如有违反愿承担相应责任。', signedAt: today() },
    evidence: [evidenceOf('罚款缴款凭证'), evidenceOf('整改报告')],
    ...overrides,
  };
}

/**
 * A body of POST /v1/records/{id}/revocations: the revoking decision (here a 复议决定) dated
 * today, which lies between any record's decision and today, so it fits every record.
 */
export function revocationBody(overrides: Record<string, unknown> = {}) {
  return {
    reason: '原行政处罚决定经行政复议被撤销',
    decisionDate: today(),
    documentNumber: '济阳复决字〔2026〕1号',
    ...overrides,
  };
}

export const UPHOLD_WITH_REVOKE = { outcome: 'upheld', reason: '原处罚决定已被依法撤销', revoke: true };
export const REJECT = { outcome: 'rejected', reason: '经核实，公示信息与处罚决定书一致' };
export const APPROVE = { outcome: 'approved', reason: '已缴清罚款并完成整改' };
export const REFUSE_REPAIR = { outcome: 'rejected', reason: '罚款尚未缴清' };

/** A general penalty against `uscc`, decided `daysBack` days ago (repairable by default). */
export function penaltyAgainst(
  uscc: string,
  daysBack = LONG_AGO,
  details: Partial<Penalty['penalty']> = {},
): Penalty {
  const base = penaltyInput({
    decisionDate: daysAgo(daysBack),
    subject: { category: 'legal_person', name: '济南市济阳区异议修复测试有限公司', uscc },
  });
  return { ...base, penalty: { ...base.penalty, ...details } };
}

/** A general penalty against the natural person with `idNumber`, decided `daysBack` days ago. */
export function penaltyAgainstPerson(idNumber: string, daysBack = LONG_AGO, name = '王建华'): Penalty {
  return penaltyInput({
    decisionDate: daysAgo(daysBack),
    subject: { category: 'natural_person', name, idType: 'resident_id', idNumber },
  });
}

export const licenseAgainst = (uscc: string) =>
  licenseInput({ subject: { category: 'legal_person', name: '济南市济阳区许可测试有限公司', uscc } });

// ---- Parties and the HTTP client ----------------------------------------------------------

export interface Party {
  readonly uscc: string;
  readonly token: string;
}

/** An agency with its token: a fresh code unless one is given. */
export async function anAgencyParty(service: TestService, uscc = anAgency()): Promise<Party> {
  return { uscc, token: await service.token(`--role agency --agency ${uscc}`) };
}

/** An entity with its token: a fresh company code unless one is given. */
export async function anEntityParty(service: TestService, uscc = aCompany()): Promise<Party> {
  return { uscc, token: await service.token(`--role entity --uscc ${uscc}`) };
}

/** A natural person with a token bound to their resident ID number. */
export interface PersonParty {
  readonly idNumber: string;
  readonly token: string;
}

let people = 0;

/**
 * A fresh resident ID number (GB 11643): a region of 济阳, a birth date in the past that
 * differs for every call (from 1960-01-01 on, a day apart), a sequence, and the check digit
 * computed here from the standard's formula.
 */
export function aPersonId(): string {
  const birth = addDays('1960-01-01', ++people).replaceAll('-', '');
  return withIdCheck(`370125${birth}${String(people % 1000).padStart(3, '0')}`);
}

/** A person with their token: a fresh ID number unless one is given. */
export async function aPersonParty(service: TestService, idNumber = aPersonId()): Promise<PersonParty> {
  return { idNumber, token: await service.token(`--role person --id ${idNumber}`) };
}

/** Whoever files: an entity or a person; the client needs only their token. */
type Filer = Pick<Party, 'token'>;

/** What the agency, the entity, the admin and the public do, over real HTTP. */
export function workflowClient(service: TestService) {
  const send = (
    method: string,
    path: string,
    options: { token?: string | undefined; body?: unknown; headers?: Record<string, string> } = {},
  ): Promise<HttpAnswer> =>
    call(service.url, method, path, {
      ...(options.token ? { token: options.token } : {}),
      ...(options.body === undefined ? {} : { body: options.body }),
      ...(options.headers ? { headers: options.headers } : {}),
    });

  const register = async (agency: Party, input: RecordInput, publish = true) => {
    const answer = await send('POST', '/v1/records', { token: agency.token, body: { ...input, publish } });
    if (answer.status !== 201) throw new Error(`registration answered ${answer.status}: ${answer.text}`);
    return answer.json.id as string;
  };

  const created = (answer: HttpAnswer, what: string) => {
    if (answer.status !== 201) throw new Error(`${what} answered ${answer.status}: ${answer.text}`);
    return answer.json.id as string;
  };

  return {
    send,
    register,
    /** A published, repairable penalty of `agency` about `entity`: its record id. */
    publishedPenalty: (agency: Party, entity: Party, daysBack = LONG_AGO) =>
      register(agency, penaltyAgainst(entity.uscc, daysBack)),
    /** A published, repairable penalty of `agency` about the natural person `person`: its record id. */
    personPenalty: (agency: Party, person: PersonParty, daysBack = LONG_AGO) =>
      register(agency, penaltyAgainstPerson(person.idNumber, daysBack)),
    object: (entity: Filer, body: unknown, headers?: Record<string, string>) =>
      send('POST', '/v1/objections', { token: entity.token, body, ...(headers ? { headers } : {}) }),
    /** Files an objection that must succeed: its id. */
    objected: async (entity: Filer, recordId: string, overrides: Record<string, unknown> = {}) =>
      created(
        await send('POST', '/v1/objections', {
          token: entity.token,
          body: objectionBody(recordId, overrides),
        }),
        'objection',
      ),
    accept: (agency: Party, id: string, needsOtherUnit: boolean) =>
      send('POST', `/v1/objections/${id}/acceptance`, { token: agency.token, body: { needsOtherUnit } }),
    decideObjection: (token: string | undefined, id: string, body: unknown) =>
      send('POST', `/v1/objections/${id}/decision`, { token, body }),
    objection: (token: string, id: string) => send('GET', `/v1/objections/${id}`, { token }),
    fileRepair: (entity: Filer, body: unknown, headers?: Record<string, string>) =>
      send('POST', '/v1/repairs', { token: entity.token, body, ...(headers ? { headers } : {}) }),
    /** Files a repair application that must succeed: its id. */
    repaired: async (entity: Filer, recordId: string) =>
      created(
        await send('POST', '/v1/repairs', { token: entity.token, body: repairBody(recordId) }),
        'repair',
      ),
    decideRepair: (token: string | undefined, id: string, body: unknown) =>
      send('POST', `/v1/repairs/${id}/decision`, { token, body }),
    repair: (token: string, id: string) => send('GET', `/v1/repairs/${id}`, { token }),
    publicRecord: (id: string) => send('GET', `/v1/disclosures/${id}`),
    publicIds: async (query: Record<string, string> = {}) =>
      (await allPages(service.url, `/v1/disclosures${queryOf(query)}`)).items.map((r) => r.id),
    /** Every item of a paginated GET made with `token`. */
    // biome-ignore lint/suspicious/noExplicitAny: JSON answers are checked field by field in tests
    list: async (token: string, path: string): Promise<any[]> =>
      (await allPages(service.url, path, { token })).items,
  };
}

export type WorkflowClient = ReturnType<typeof workflowClient>;

/** JSON with object keys sorted at every level: what a decision document's hash is taken of. */
export function sortedJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(sortedJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value).sort();
    const obj = value as Record<string, unknown>;
    return `{${keys.map((k) => `${JSON.stringify(k)}:${sortedJson(obj[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export const sha256Hex = (text: string) => createHash('sha256').update(text).digest('hex');

/** The due date the public deadline calculator gives for `workingDays` from the day of `instant`. */
export async function dueAfter(service: TestService, instant: string, workingDays: number): Promise<string> {
  const from = shanghaiDate(new Date(instant));
  const answer = await call(service.url, 'GET', `/v1/deadlines${queryOf({ from, workingDays })}`);
  return answer.json.due as string;
}
