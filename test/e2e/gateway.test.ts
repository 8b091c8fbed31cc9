import { request } from 'node:http';
import { describe, expect, it } from '../support/e2e.ts';
import { call, expectProblem } from '../support/http.ts';

describe('the local gateway', () => {
  it('answers an unknown path with 404 problem+json', async ({ service }) => {
    expectProblem(await call(service.url, 'GET', '/v1/nothing-here'), 404, 'not_found');
  });

  it('answers a known path with the wrong method with 405 and Allow', async ({ service }) => {
    const answer = await call(service.url, 'DELETE', '/v1/calendar/2026');
    expectProblem(answer, 405, 'method_not_allowed');
    expect(answer.headers.get('allow')).toBe('GET, PUT, OPTIONS');
  });

  it('answers a CORS preflight on a known path with 204 and the CORS headers', async ({ service }) => {
    const answer = await call(service.url, 'OPTIONS', '/v1/calendar/2026', {
      headers: { origin: 'https://example.gov.cn', 'access-control-request-method': 'PUT' },
    });
    expect(answer.status).toBe(204);
    expect(answer.headers.get('access-control-allow-origin')).toBe('*');
    expect(answer.headers.get('access-control-allow-methods')).toContain('PUT');
    expect(answer.headers.get('access-control-allow-headers')).toContain('Authorization');
  });

  it('sends security headers, CORS and a request id on every answer', async ({ service }) => {
    for (const answer of [
      await call(service.url, 'GET', '/v1/calendar/2026'),
      await call(service.url, 'GET', '/v1/calendar/1999'),
    ]) {
      expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
      expect(answer.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
      expect(answer.headers.get('access-control-allow-origin')).toBe('*');
      expect(answer.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
      expect(answer.headers.get('server')).toBeNull();
    }
  });

  it('puts the request id of an error answer in its body too', async ({ service }) => {
    const answer = await call(service.url, 'GET', '/v1/calendar/1999');
    expect(answer.json.requestId).toBe(answer.headers.get('x-request-id'));
  });

  it('decodes path parameters as the gateway does, and validates them', async ({ service }) => {
    expectProblem(
      await call(service.url, 'GET', '/v1/calendar/%32%30%32%36%20'),
      400,
      'validation_failed',
      'path.year',
    );
    expect((await call(service.url, 'GET', '/v1/calendar/%32%30%32%36')).status).toBe(200);
  });

  /**
   * Sends the headers of a 10 MiB body and only 1 KiB of it: a server that reads bodies
   * before deciding would wait for the rest and time out; one that decides first answers now.
   */
  const headersOnly = (base: string, path: string, headers: Record<string, string>) =>
    new Promise<{ status: number; code: string }>((resolve, reject) => {
      const req = request(`${base}${path}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'content-length': String(10 * 1024 * 1024),
          ...headers,
        },
      });
      req.setTimeout(3000, () => reject(new Error('no answer before the body was sent')));
      req.on('error', reject);
      req.on('response', (res) => {
        let text = '';
        res.on('data', (chunk) => {
          text += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, code: JSON.parse(text).code }));
      });
      req.write('['.padEnd(1024, ' '));
    });

  it('refuses an anonymous call to a protected route before reading its body', async ({ service }) => {
    expect(await headersOnly(service.url, '/v1/records/batch', {})).toEqual({
      status: 401,
      code: 'unauthenticated',
    });
    expect(await headersOnly(service.url, '/v1/records', { authorization: 'Bearer not-a-jwt' })).toEqual({
      status: 401,
      code: 'invalid_token',
    });
  });

  it('refuses a declared body over the limit at once, whoever sends it', async ({ service, agency }) => {
    const tooLong = { 'content-length': String(10 * 1024 * 1024 + 1) };
    expect(
      await headersOnly(service.url, '/v1/records', { ...tooLong, authorization: `Bearer ${agency.token}` }),
    ).toEqual({
      status: 413,
      code: 'body_too_large',
    });
  });
});
