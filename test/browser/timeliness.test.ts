import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ANY_IMPACT,
  axeViolations,
  DESKTOP,
  describeViolations,
  openPage,
  PHONE,
} from '../support/browser.ts';
import { aCompany } from '../support/record-mothers.ts';
import { daysAgo, penaltyAgainst } from '../support/workflow-mothers.ts';
import { penaltyNamed, type SiteWorld, siteWorld } from './site-world.ts';

/*
 * A citizen's search walked in Chromium: the results say how many there are, each with one
 * line of what was decided; the record page says its legal deadline (决定日期 + 7 个工作日)
 * and whether it was published on time; the page number stays in the address.
 */

let world: SiteWorld;
beforeAll(async () => {
  world = await siteWorld();
});
afterAll(() => world.stop());

describe.each([
  ['desktop', DESKTOP],
  ['390 px', PHONE],
])('a citizen checks timeliness (%s)', (_size, viewport) => {
  it('finds the count and summaries, then a late record with its deadline and working days late', async () => {
    const { api, agency, service } = world;
    const uscc = aCompany();
    const name = `济南市济阳区时效${viewport === DESKTOP ? '甲' : '乙'}有限公司`;
    const late = await api.register(agency, { ...penaltyNamed(uscc, name), decisionDate: daysAgo(40) });
    for (let i = 0; i < 22; i++) await api.register(agency, penaltyAgainst(uscc));
    const record = (await api.publicRecord(late)).json;

    const { page, trouble } = await openPage(world.browser, { viewport, isMobile: viewport === PHONE });
    await page.goto(`${service.url}/?uscc=${uscc}`);
    await page.locator('#results-state[data-kind="done"]').waitFor();
    const state = await page.locator('#results-state').textContent();
    const summaries = await page.locator('#results .summary').count();
    const searchViolations = await axeViolations(page, ANY_IMPACT);
    await page.locator('#next-page').click();
    await page
      .locator('#results-state[data-kind="done"]')
      .getByText(/第 2 页/)
      .waitFor();
    const secondUrl = new URL(page.url());
    await page.reload();
    await page.locator('#results-state[data-kind="done"]').waitFor();
    const afterReload = await page.locator('#results-state').textContent();
    await page.locator('#prev-page').click();
    await page
      .locator('#results-state[data-kind="done"]')
      .getByText(/第 1 页/)
      .waitFor();
    await page.getByRole('link', { name }).click();
    await page.getByRole('heading', { level: 1, name }).waitFor();
    const facts = await page.locator('main').textContent();
    const recordViolations = await axeViolations(page, ANY_IMPACT);

    expect(state).toMatch(/^共 23 条，第 1 页，本页 20 条/);
    expect(summaries).toBe(20);
    expect(secondUrl.searchParams.get('page')).toBe('2');
    expect(afterReload).toMatch(/^共 23 条，第 2 页，本页 3 条/);
    expect(facts).toContain(
      `决定日期 ${record.decisionDate} + 7 个工作日 = ${record.disclosureDeadline.due}`,
    );
    expect(facts).toContain(`逾期 ${record.publication.workingDaysLate} 个工作日公示`);
    expect(searchViolations, describeViolations(searchViolations)).toEqual([]);
    expect(recordViolations, describeViolations(recordViolations)).toEqual([]);
    expect(trouble.errors).toEqual([]);
    await page.context().close();
  });

  it('explains what the statistics count, and shows every column of the table (scrolling at 390 px)', async () => {
    const { page, trouble } = await openPage(world.browser, { viewport, isMobile: viewport === PHONE });
    await page.goto(`${world.service.url}/stats.html`);
    await page.locator('#stats-result:not([hidden])').waitFor();
    const scope = await page.locator('#stats-scope').textContent();
    const cueShown = await page.locator('.table-cue').isVisible();
    const region = page.getByRole('region', { name: '统计表（可左右滚动）' });
    await region.focus();
    const focused = await page.evaluate<string>("document.activeElement?.id ?? ''");
    const [scrollWidth, clientWidth] = await region.evaluate((e) => [e.scrollWidth, e.clientWidth]);
    const violations = await axeViolations(page, ANY_IMPACT);

    expect(scope).toContain('依法不向社会公开的记录');
    expect(scope).toContain('第二十条');
    expect(cueShown).toBe(viewport === PHONE);
    expect(focused).toBe('stats-table-scroll');
    expect(await page.locator('#stats-rows tr').first().locator('td').count()).toBe(7);
    if (viewport === PHONE) expect(scrollWidth).toBeGreaterThan(clientWidth);
    expect(violations, describeViolations(violations)).toEqual([]);
    expect(trouble.errors).toEqual([]);
    await page.context().close();
  });
});
