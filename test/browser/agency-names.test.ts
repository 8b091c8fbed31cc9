import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, describeViolations, openPage } from '../support/browser.ts';
import { penaltyNamed, type SiteWorld, siteWorld } from './site-world.ts';

/*
 * A record of an agency in the directory shows the agency's name on the record page, in the
 * search results and in the timeliness table. The site world reads the public functions
 * before the agency is named, so their name cache is turned off here (name-cache.ts).
 */
process.env.AGENCY_NAMES_CACHE_SECONDS = '0';

let world: SiteWorld;
let recordId: string;
const AGENCY_NAME = '济南市天桥区市场监督管理局';
const SUBJECT = '济南市天桥区名录测试商贸有限公司';

beforeAll(async () => {
  world = await siteWorld();
  const admin = await world.service.token('--role admin');
  const put = await world.api.send('PUT', `/v1/agencies/${world.agency.uscc}`, {
    token: admin,
    body: { name: AGENCY_NAME },
  });
  expect(put.status).toBe(201);
  recordId = await world.api.register(world.agency, penaltyNamed(world.entity.uscc, SUBJECT, 1));
});
afterAll(() => world.stop());

describe('agency names on the public pages', () => {
  it('shows the deciding agency by name on the record page, with no axe violation', async () => {
    const { page, trouble } = await openPage(world.browser);

    await page.goto(`${world.service.url}/record?id=${recordId}`);
    await page.locator('#record h2, #record dl').first().waitFor();

    await expect(page.locator('#record').getByText(AGENCY_NAME).count()).resolves.toBeGreaterThan(0);
    const violations = await axeViolations(page);
    expect(violations, describeViolations(violations)).toEqual([]);
    expect(trouble.errors).toEqual([]);
    await page.context().close();
  });

  it('shows the deciding agency by name in the search results', async () => {
    const { page, trouble } = await openPage(world.browser);

    await page.goto(`${world.service.url}/?name=${encodeURIComponent('名录测试')}`);
    await page.locator('#results-state[data-kind="done"]').waitFor();

    const card = page.locator('#results .card').filter({ hasText: SUBJECT });
    await expect(card.getByText(AGENCY_NAME).count()).resolves.toBe(1);
    const violations = await axeViolations(page);
    expect(violations, describeViolations(violations)).toEqual([]);
    expect(trouble.errors).toEqual([]);
    await page.context().close();
  });

  it('shows the agency by name in the timeliness table', async () => {
    const { page, trouble } = await openPage(world.browser);

    await page.goto(`${world.service.url}/stats`);
    await page.locator('#stats-result:not([hidden])').waitFor();

    await expect(page.locator('#stats-rows').getByText(AGENCY_NAME).count()).resolves.toBe(1);
    expect(trouble.errors).toEqual([]);
    await page.context().close();
  });
});
