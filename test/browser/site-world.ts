import { createHash } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import {
  axeViolations,
  DESKTOP,
  describeViolations,
  launchChromium,
  openPage,
  PHONE,
} from '../support/browser.ts';
import { startTestService, type TestService, type TestServiceOptions } from '../support/local-service.ts';
import {
  anAgencyParty,
  anEntityParty,
  LONG_AGO,
  type Party,
  penaltyAgainst,
  type WorkflowClient,
  workflowClient,
} from '../support/workflow-mothers.ts';

/*
 * What every browser test file starts from: the local service on its own table, one
 * Chromium, an agency and an entity with their tokens, and the API client the agency uses to
 * seed and decide (the website is for the public and entities; agencies work through the API).
 */

export interface SiteWorld {
  readonly service: TestService;
  readonly browser: Browser;
  readonly api: WorkflowClient;
  readonly agency: Party;
  readonly entity: Party;
  stop(): Promise<void>;
}

export async function siteWorld(options: TestServiceOptions = {}): Promise<SiteWorld> {
  const service = await startTestService(options);
  const browser = await launchChromium();
  const [agency, entity] = await Promise.all([anAgencyParty(service), anEntityParty(service)]);
  const api = workflowClient(service);
  await warmUp(api, entity);
  return {
    service,
    browser,
    api,
    agency,
    entity,
    stop: async () => {
      await browser.close();
      await service.stop();
    },
  };
}

/**
 * One request to each handler group the website calls, so the first test of a file does not
 * pay for loading (and transpiling) the handler modules inside its own time limit.
 */
async function warmUp(api: WorkflowClient, entity: Party): Promise<void> {
  await Promise.all([
    api.send('GET', '/v1/disclosures?limit=1'),
    api.send('GET', '/v1/entity/records?limit=1', { token: entity.token }),
    api.send('GET', '/v1/entity/objections?limit=1', { token: entity.token }),
    api.send('GET', '/v1/entity/repairs?limit=1', { token: entity.token }),
    api.send('GET', '/v1/stats/timeliness'),
    api.send('GET', '/v1/openapi.json'),
  ]);
}

/** A published, repairable general penalty against `uscc`, under a name the test searches for. */
export function penaltyNamed(uscc: string, name: string, daysBack = LONG_AGO) {
  const input = penaltyAgainst(uscc, daysBack);
  return { ...input, subject: { category: 'legal_person' as const, name, uscc } };
}

/** The agency upholds an objection and corrects the fine and its wording (a new version). */
export const UPHOLD_WITH_CORRECTION = {
  outcome: 'upheld',
  reason: '罚款金额录入错误',
  correction: { penalty: { fineAmount: 3, content: '罚款人民币叁万元整' } },
};

export const sha256Hex = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** Signs in on 我的 the way a person does locally: pastes the token and presses 登录. */
export async function signIn(page: Page, baseUrl: string, token: string): Promise<void> {
  await page.goto(`${baseUrl}/account.html`);
  await page.getByLabel('访问令牌').fill(token);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await page.getByRole('heading', { name: '当前登录' }).waitFor();
}

/** The text of the status region of a list once it has settled (not loading any more). */
export async function settledState(page: Page, selector: string): Promise<string> {
  const state = page.locator(selector);
  await page.waitForFunction(
    `(() => { const s = document.querySelector(${JSON.stringify(selector)}); return s && s.dataset.kind && s.dataset.kind !== 'loading'; })()`,
  );
  return (await state.textContent()) ?? '';
}

/**
 * A page of the site opened as the holder of `token` (none: signed out), the token put where
 * the sign-in keeps it, at a desktop or phone viewport; with the page's console errors.
 */
export async function openSignedIn(
  world: SiteWorld,
  path: string,
  token: string | undefined,
  viewport = DESKTOP,
) {
  const { page, trouble } = await openPage(world.browser, { viewport, isMobile: viewport === PHONE });
  await page.goto(`${world.service.url}/index.html`);
  type WithStorage = { sessionStorage: { setItem(key: string, value: string): void } };
  if (token)
    await page.evaluate(
      (t) => (globalThis as unknown as WithStorage).sessionStorage.setItem('disclosure.token', t),
      token,
    );
  await page.goto(`${world.service.url}/${path}`);
  return { page, trouble };
}

/** Axe finds no violation of impact serious or critical on the page as it stands. */
export async function expectNoSeriousViolations(page: Page): Promise<void> {
  const violations = await axeViolations(page);
  expect(violations, describeViolations(violations)).toEqual([]);
}
