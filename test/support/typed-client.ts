import type { paths } from '../generated/api-types.ts';
import { call, type HttpAnswer } from './http.ts';

/*
 * A client typed by the OpenAPI document (through openapi-typescript): a call whose body,
 * parameters or use of the answer does not fit the document does not compile.
 */

type Method = 'get' | 'post' | 'put';
type Operation<P extends keyof paths, M extends Method> = paths[P][M] extends infer O
  ? O extends object
    ? O
    : never
  : never;

type JsonOf<T> = T extends { content: { 'application/json': infer B } } ? B : never;
export type RequestBody<P extends keyof paths, M extends Method> =
  Operation<P, M> extends { requestBody?: infer R } ? JsonOf<NonNullable<R>> : never;
export type ResponseBody<P extends keyof paths, M extends Method, S extends number> =
  Operation<P, M> extends {
    responses: infer R;
  }
    ? S extends keyof R
      ? JsonOf<R[S]>
      : never
    : never;
type PathParams<P extends keyof paths, M extends Method> =
  Operation<P, M> extends { parameters: { path?: infer X } } ? X : never;
type QueryParams<P extends keyof paths, M extends Method> =
  Operation<P, M> extends { parameters: { query?: infer X } } ? X : never;

export interface TypedAnswer<T> extends HttpAnswer {
  readonly json: T;
}

export async function api<P extends keyof paths, M extends Method, S extends number = 200>(
  baseUrl: string,
  method: M,
  path: P,
  options: {
    token?: string;
    params?: PathParams<P, M>;
    query?: QueryParams<P, M>;
    body?: RequestBody<P, M>;
    expect?: S;
  } = {},
): Promise<TypedAnswer<ResponseBody<P, M, S>>> {
  const filled = String(path).replace(/\{(\w+)\}/g, (_m, name: string) =>
    encodeURIComponent(String((options.params as Record<string, unknown> | undefined)?.[name])),
  );
  const query = options.query ? `?${new URLSearchParams(options.query as Record<string, string>)}` : '';
  return call(baseUrl, method.toUpperCase(), `${filled}${query}`, {
    ...(options.token ? { token: options.token } : {}),
    ...(options.body === undefined ? {} : { body: options.body }),
  }) as Promise<TypedAnswer<ResponseBody<P, M, S>>>;
}
