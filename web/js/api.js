/*
 * The one way the pages talk to the API. The API's address differs between the local server
 * (same origin) and AWS (API Gateway's URL), so it is read from /config.json, once per page.
 * Failures come back as two kinds of error a page can tell apart: NetworkError (the API could
 * not be reached) and ApiError (it answered problem+json, whose Chinese message and `field`
 * the page shows beside the input concerned).
 */

/** The API could not be reached at all (offline, DNS, a blocked or aborted request). */
export class NetworkError extends Error {
  constructor(cause) {
    super('无法连接服务，请检查网络连接后重试。', { cause });
    this.name = 'NetworkError';
  }
}

// Said when an answer carries no Chinese message of its own (e.g. a proxy's plain 502).
const FALLBACK = {
  400: '请求无效',
  401: '登录已失效，请重新登录',
  403: '无权进行此操作',
  404: '请求的内容不存在',
  409: '与当前状态冲突，请刷新后重试',
  413: '提交的内容过大',
  415: '不支持的内容类型',
  422: '按照规定，不能进行此操作',
  429: '请求过于频繁，请稍后重试',
  503: '服务繁忙，请稍后重试',
};

/** The API answered with an error (problem+json): status, stable code and Chinese message. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.message?.zh || FALLBACK[status] || '服务暂时不可用，请稍后重试');
    this.name = 'ApiError';
    this.status = status;
    this.code = problem?.code ?? 'unknown';
    this.field = typeof problem?.field === 'string' ? problem.field : undefined;
    this.fieldErrors = fieldErrorsOf(problem, this.message);
  }
}

/** Every field the API names, with its own Chinese message (the first per field wins later). */
function fieldErrorsOf(problem, message) {
  const listed = Array.isArray(problem?.errors) ? problem.errors : [];
  const errors = listed
    .filter((e) => typeof e?.field === 'string')
    .map((e) => ({ field: e.field, message: e.message?.zh || message }));
  if (errors.length === 0 && typeof problem?.field === 'string') {
    errors.push({ field: problem.field, message });
  }
  return errors;
}

let config;

/** The site's runtime configuration: `{ apiBaseUrl, auth: { mode, … } }`. */
export function siteConfig() {
  config ??= fetch('/config.json', { cache: 'no-store', credentials: 'same-origin' })
    .then(
      (response) => {
        if (!response.ok) throw new NetworkError();
        return response.json();
      },
      (error) => {
        throw new NetworkError(error);
      },
    )
    .catch((error) => {
      config = undefined; // a later retry fetches it again
      throw error;
    });
  return config;
}

/**
 * Sends one request to the API and answers the Response when it succeeded (2xx).
 * `query` values that are empty are left out; `body` is sent as JSON.
 */
export async function apiFetch(path, options = {}) {
  const {
    method = 'GET',
    token,
    body,
    accept = 'application/json',
    idempotencyKey,
    ifMatch,
    query,
  } = options;
  const { apiBaseUrl = '' } = await siteConfig();
  const url = new URL(`${String(apiBaseUrl).replace(/\/+$/, '')}${path}`, location.origin);
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') url.searchParams.set(key, String(value));
  }
  const headers = { accept };
  if (token) headers.authorization = `Bearer ${token}`;
  if (idempotencyKey) headers['idempotency-key'] = idempotencyKey;
  if (ifMatch) headers['if-match'] = ifMatch;
  const init = { method, headers, cache: 'no-store', credentials: 'omit' };
  if (body !== undefined) {
    headers['content-type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(url, init);
  } catch (error) {
    throw new NetworkError(error);
  }
  if (!response.ok) throw new ApiError(response.status, await problemOf(response));
  return response;
}

async function problemOf(response) {
  try {
    return await response.json();
  } catch {
    return undefined; // not problem+json: the status alone says what went wrong
  }
}

/** GET (or another method) answering the parsed JSON body. */
export async function getJson(path, options = {}) {
  return (await apiFetch(path, options)).json();
}

/** POST of a JSON body answering the parsed JSON body. */
export async function postJson(path, body, options = {}) {
  return (await apiFetch(path, { ...options, method: 'POST', body })).json();
}

/**
 * Every item of a paginated list, following `cursor` (at most `maxPages` pages): for the
 * signed-in entity's own lists, which are short and needed whole (e.g. to choose a record).
 */
export async function getAllPages(path, options = {}, maxPages = 10) {
  const items = [];
  let cursor;
  for (let page = 0; page < maxPages; page++) {
    const answer = await getJson(path, { ...options, query: { ...options.query, limit: 100, cursor } });
    items.push(...answer.items);
    cursor = answer.cursor;
    if (!cursor) break;
  }
  return items;
}
