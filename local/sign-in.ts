/**
 * Quick sign-in of the local server (web/account.html, local mode only): a newcomer picks a
 * role, keeps or changes the sample code and gets the token `npm run token` would print, from
 * the same claims code (token-claims.ts) and the same key. Never part of the API: not in
 * ROUTES, not under /v1, not in any Lambda bundle, so nothing of it exists on AWS.
 *
 * `GET /local/sign-in` answers the roles and their sample codes (404 when the shortcut is off);
 * `POST /local/sign-in` with `{ role, code }` answers `{ token }`.
 */

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as z from 'zod';
import type { Messages } from '../shared/domain/errors.ts';
import { idCardProblem } from '../shared/domain/identifiers/id-card.ts';
import { usccProblem } from '../shared/domain/identifiers/uscc.ts';
import { HttpProblem } from '../shared/http/problem.ts';
import type { LocalKeys } from './jwt-keys.ts';
import { tokenClaims } from './token-claims.ts';

export const SIGN_IN_PATH = '/local/sign-in';

/**
 * LOCAL_SIGN_IN: `auto` (default) offers the shortcut only while the server listens on a
 * loopback address, where only this machine's users reach it; `on` offers it on any address
 * (a shared test machine), `off` never. Anyone who reaches it can sign in as anyone.
 */
const SIGN_IN_MODE = z
  .object({ LOCAL_SIGN_IN: z.enum(['auto', 'on', 'off']).default('auto') })
  .parse(process.env).LOCAL_SIGN_IN;

/** The code each role signs in with, and a valid sample of it (the README's and tests' parties). */
export const SIGN_IN_ROLES = [
  { role: 'agency', codeKind: 'uscc', sample: '11370100MB2850377W' },
  { role: 'admin', codeKind: 'none', sample: '' },
  { role: 'entity', codeKind: 'uscc', sample: '91370125MA3C00001Q' },
  { role: 'person', codeKind: 'id', sample: '11010519491231002X' },
] as const;

type SignInRole = (typeof SIGN_IN_ROLES)[number]['role'];

const ARGUMENT: Record<SignInRole, string | undefined> = {
  agency: '--agency',
  admin: undefined,
  entity: '--uscc',
  person: '--id',
};

const LOOPBACK = /^(127\.|::1$|::ffff:127\.)/;

/**
 * A request addressed to this machine by a loopback name. In `auto` mode the shortcut also
 * wants it: a page elsewhere that rebinds its own DNS name to 127.0.0.1 becomes same-origin
 * with the server, but its requests still carry its own name in Host.
 */
export const toLoopbackName = (host: string | undefined) =>
  /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])(:\d+)?$/i.test(host ?? '');

/** Whether the shortcut is offered on a server listening at `address`. */
export function signInOffered(address: AddressInfo | string | null, mode = SIGN_IN_MODE): boolean {
  if (mode !== 'auto') return mode === 'on';
  return typeof address === 'object' && address !== null && LOOPBACK.test(address.address);
}

const fieldProblem = (field: string, code: string, message: Messages) =>
  new HttpProblem(400, code, message, { field, errors: [{ field, code, message }] });

/** The `npm run token` arguments for a role and code, or the problem with them, in Chinese. */
export function signInArguments(body: unknown): string[] | HttpProblem {
  const { role, code: raw } = (typeof body === 'object' && body !== null ? body : {}) as Record<
    string,
    unknown
  >;
  const entry = SIGN_IN_ROLES.find((r) => r.role === role);
  if (!entry)
    return fieldProblem('role', 'invalid_role', {
      zh: '请选择登录身份',
      en: 'role must be agency, admin, entity or person',
    });
  const argument = ARGUMENT[entry.role];
  if (!argument) return ['--role', entry.role];
  const code = typeof raw === 'string' ? raw.trim().toUpperCase() : '';
  if (entry.codeKind === 'uscc') {
    const problem = code === '' ? 'format' : usccProblem(code);
    if (problem === 'format')
      return fieldProblem('code', 'invalid_uscc', {
        zh: '统一社会信用代码应为 18 位数字或大写字母（不含 I、O、S、V、Z）',
        en: 'not a unified social credit code',
      });
    if (problem)
      return fieldProblem('code', 'invalid_uscc', {
        zh: '统一社会信用代码的校验码不正确',
        en: 'wrong check character',
      });
  } else {
    const problem = code === '' ? 'format' : idCardProblem(code);
    if (problem === 'format')
      return fieldProblem('code', 'invalid_id_number', {
        zh: '居民身份证号码应为 17 位数字加 1 位数字或 X',
        en: 'not a resident ID number',
      });
    if (problem === 'birth_date')
      return fieldProblem('code', 'invalid_id_number', {
        zh: '身份证号码中的出生日期不存在',
        en: 'impossible birth date',
      });
    if (problem)
      return fieldProblem('code', 'invalid_id_number', {
        zh: '身份证号码的校验码不正确',
        en: 'wrong check character',
      });
  }
  return ['--role', entry.role, argument, code];
}

const OFF = new HttpProblem(404, 'local_sign_in_off', {
  zh: '本服务未开启快速登录（服务监听非本机地址时须设置 LOCAL_SIGN_IN=on）',
  en: 'quick sign-in is off (set LOCAL_SIGN_IN=on when HOST is not a loopback address)',
});
const MAX_BODY = 4096;

/** Answers a request to SIGN_IN_PATH; `address` is where the server listens. */
export async function serveSignIn(
  request: IncomingMessage,
  keys: LocalKeys,
  address: AddressInfo | string | null,
): Promise<{ status: number; body: unknown } | HttpProblem> {
  if (!signInOffered(address)) return OFF;
  if (SIGN_IN_MODE === 'auto' && !toLoopbackName(request.headers.host)) return OFF;
  if (request.method === 'GET') return { status: 200, body: { roles: SIGN_IN_ROLES } };
  if (request.method !== 'POST')
    return new HttpProblem(405, 'method_not_allowed', { zh: '不支持的请求方法', en: 'method not allowed' });
  let text = '';
  for await (const chunk of request) {
    text += String(chunk);
    if (text.length > MAX_BODY)
      return new HttpProblem(413, 'body_too_large', { zh: '请求体过大', en: 'request body too large' });
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  const argv = signInArguments(body);
  if (argv instanceof HttpProblem) return argv;
  const { claims, ttlSeconds } = tokenClaims(argv);
  return { status: 200, body: { token: await keys.sign(claims, ttlSeconds) } };
}

/** Writes a sign-in answer; problems go through `writeProblem` as every other refusal. */
export function writeSignIn(response: ServerResponse, answer: { status: number; body: unknown }): void {
  response.writeHead(answer.status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
  });
  response.end(JSON.stringify(answer.body));
}
