import { call, type HttpAnswer } from './http.ts';

/**
 * Follows a batch job until it is done, as a client would (GET /v1/jobs/{id}, honouring
 * Retry-After only as "not yet"), and answers its last state. Fails after `timeoutMs`.
 */
export async function jobDone(
  baseUrl: string,
  token: string,
  id: string,
  timeoutMs = 120_000,
): Promise<HttpAnswer> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const answer = await call(baseUrl, 'GET', `/v1/jobs/${id}`, { token });
    if (answer.status !== 200)
      throw new Error(`GET /v1/jobs/${id} answered ${answer.status}: ${answer.text}`);
    if (answer.json.status === 'done') return answer;
    if (Date.now() > until)
      throw new Error(`job ${id} not done after ${timeoutMs} ms: ${answer.text.slice(0, 300)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
