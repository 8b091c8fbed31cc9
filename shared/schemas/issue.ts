/**
 * Bilingual messages for zod checks. zod keeps `params` only on custom issues, so every
 * message made here is also registered by its English text; the HTTP layer looks the
 * issue's message up to show the stable code and the Chinese text with it.
 */
export interface IssueParams {
  readonly code: string;
  readonly zh: string;
  readonly en: string;
}

const registry = new Map<string, IssueParams>();

/** The `message` (and `params`) of a zod check with its own stable code and messages. */
export function issue(code: string, zhMessage: string, enMessage: string) {
  const params: IssueParams = { code, zh: zhMessage, en: enMessage };
  registry.set(enMessage, params);
  return { message: enMessage, params };
}

export function registeredIssue(message: string): IssueParams | undefined {
  return registry.get(message);
}
