import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateKeyPair, importJWK, type JWTPayload, SignJWT } from 'jose';
import { LOCAL_AUDIENCE, LOCAL_ISSUER } from '../../local/jwt-keys.ts';
import { officialYearBody } from '../support/calendar-builders.ts';
import { describe, expect, it, type TestService } from '../support/e2e.ts';
import { call, expectProblem } from '../support/http.ts';

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const now = () => Math.floor(Date.now() / 1000);
const ADMIN = { role: 'admin', sub: 'admin' };

/** Signs with the service's own key, with any claims and times the test wants. */
async function signed(
  service: TestService,
  claims: JWTPayload,
  options: { issuer?: string; audience?: string } = {},
): Promise<string> {
  const stored = JSON.parse(readFileSync(join(service.dataDir, 'jwt', 'signing-key.json'), 'utf8'));
  const key = await importJWK(stored.privateJwk, 'ES256');
  // `exp: undefined` among the claims leaves the expiry out altogether.
  const payload = JSON.parse(JSON.stringify({ iat: now(), exp: now() + 600, ...claims }));
  return new SignJWT(payload)
    .setProtectedHeader({ alg: 'ES256', kid: stored.kid })
    .setIssuer(options.issuer ?? LOCAL_ISSUER)
    .setAudience(options.audience ?? LOCAL_AUDIENCE)
    .sign(key);
}

const putAs = (service: TestService, token: string, year = 2040) =>
  call(service.url, 'PUT', `/v1/calendar/${year}`, { token, body: officialYearBody(year) });

describe('bearer tokens on a protected route', () => {
  it('accepts a token from npm run token for the same data directory', async ({ service }) => {
    const answer = await putAs(service, await service.token('--role admin'), 2041);
    expect(answer.status).toBe(201);
  });

  it('refuses an unsigned token (alg: none)', async ({ service }) => {
    const token = `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url({ ...ADMIN, iss: LOCAL_ISSUER, aud: LOCAL_AUDIENCE, exp: now() + 600 })}.`;
    expectProblem(await putAs(service, token), 401, 'invalid_token');
  });

  it('refuses a token signed by another key', async ({ service }) => {
    const { privateKey } = await generateKeyPair('ES256');
    const token = await new SignJWT(ADMIN)
      .setProtectedHeader({ alg: 'ES256' })
      .setIssuer(LOCAL_ISSUER)
      .setAudience(LOCAL_AUDIENCE)
      .setExpirationTime('10m')
      .sign(privateKey);
    expectProblem(await putAs(service, token), 401, 'invalid_token');
  });

  it.for<[string, JWTPayload, { issuer?: string; audience?: string }]>([
    ['expired', { ...ADMIN, exp: now() - 60 }, {}],
    // API Gateway's JWT authorizer requires exp; a token that never expires is refused.
    ['without an expiry', { ...ADMIN, exp: undefined }, {}],
    ['not yet valid', { ...ADMIN, nbf: now() + 600 }, {}],
    ['for another issuer', ADMIN, { issuer: 'https://cognito-idp.example/other' }],
    ['for another audience', ADMIN, { audience: 'someone-else' }],
  ])('refuses a token that is %s', async ([, claims, options], { service }) => {
    expectProblem(await putAs(service, await signed(service, claims, options)), 401, 'invalid_token');
  });

  it('refuses a token whose role claim was altered after signing', async ({ service }) => {
    const token = await signed(service, { role: 'entity', uscc: '91350100M000100Y43', sub: 'e' });
    const [header, , signature] = token.split('.');
    const forged = `${header}.${base64url({ ...ADMIN, iss: LOCAL_ISSUER, aud: LOCAL_AUDIENCE, exp: now() + 600 })}.${signature}`;
    expectProblem(await putAs(service, forged), 401, 'invalid_token');
  });

  it.for<[string, JWTPayload]>([
    ['an unknown role', { role: 'superuser', sub: 'x' }],
    ['an agency without its code', { role: 'agency', sub: 'x' }],
    [
      'an agency code with a wrong check character',
      { role: 'agency', agency: '91350100M000100Y44', sub: 'x' },
    ],
    ['no subject', { role: 'admin' }],
  ])('refuses a validly signed token with %s', async ([, claims], { service }) => {
    expectProblem(await putAs(service, await signed(service, claims)), 401, 'invalid_token_claims');
  });

  it('refuses a header that is not a bearer token', async ({ service }) => {
    const answer = await call(service.url, 'PUT', '/v1/calendar/2040', {
      headers: { authorization: 'Basic YWRtaW46YWRtaW4=' },
      body: officialYearBody(2040),
    });
    expectProblem(answer, 401, 'unauthenticated');
    expect(answer.headers.get('www-authenticate')).toBe('Bearer');
  });

  it('ignores tokens on public routes, as the gateway does', async ({ service }) => {
    const answer = await call(service.url, 'GET', '/v1/calendar/2026', { token: 'not-a-jwt' });
    expect(answer.status).toBe(200);
  });
});
