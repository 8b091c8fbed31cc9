import { expect } from 'vitest';
import { assertDocumented } from './contract.ts';

export interface HttpAnswer {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  // biome-ignore lint/suspicious/noExplicitAny: JSON answers are checked field by field in tests
  readonly json: any;
}

/** A real HTTP request; the body is JSON-encoded unless it is already a string. */
export async function call(
  baseUrl: string,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<HttpAnswer> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: string | undefined;
  if (options.body !== undefined) {
    body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
    headers['content-type'] ??= 'application/json';
  }
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers,
    // A redirect is the answer under test (a snapshot's 302), not something to follow.
    redirect: 'manual',
    ...(body === undefined ? {} : { body }),
  });
  const text = await response.text();
  // Every answer an e2e test receives must be one the OpenAPI document describes.
  assertDocumented(method, path, response.status, response.headers.get('content-type'), text);
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

/** Asserts a problem+json answer with a stable code, both messages and (optionally) the field. */
export function expectProblem(answer: HttpAnswer, status: number, code: string, field?: string): void {
  expect({ status: answer.status, code: answer.json?.code }).toEqual({ status, code });
  expect(answer.headers.get('content-type')).toBe('application/problem+json');
  expect(answer.json.message.zh).toMatch(/\S/);
  expect(answer.json.message.en).toMatch(/\S/);
  expect(answer.json.status).toBe(status);
  if (field !== undefined) expect(answer.json.field).toBe(field);
}

/** What a refusal says, without the request id that differs on every answer: to compare two refusals. */
export function refusalOf(answer: HttpAnswer) {
  const { requestId: _, ...rest } = answer.json;
  return { status: answer.status, ...rest };
}
