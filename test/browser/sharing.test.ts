import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeUpstream, startFakeUpstream } from '../../local/fake-upstream.ts';
import {
  ANY_IMPACT,
  axeViolations,
  DESKTOP,
  describeViolations,
  openPage,
  PHONE,
} from '../support/browser.ts';
import { openSignedIn, penaltyNamed, type SiteWorld, siteWorld } from './site-world.ts';

/*
 * What leaves the service, as people see it in Chromium: 开放数据 lists the day's snapshot
 * with its SHA-256; an agency's 工作台 shows a record the city's platform refused, with the
 * platform's reason, and the record's page says how its push stands.
 */

let world: SiteWorld;
let fake: FakeUpstream;
beforeAll(async () => {
  fake = await startFakeUpstream();
  world = await siteWorld({ upstream: { url: fake.url, token: fake.token } });
});
afterAll(async () => {
  await world.stop();
  await fake.stop();
});

describe.each([
  ['desktop', DESKTOP],
  ['390 px', PHONE],
])('data leaving the service (%s)', (size, viewport) => {
  it('开放数据 names the daily snapshot with its SHA-256, keyboard-reachable, with no axe violation', async () => {
    await world.api.register(
      world.agency,
      penaltyNamed(world.entity.uscc, `济南市济阳区开放${size === 'desktop' ? '甲' : '乙'}有限公司`),
    );
    await world.service.sweeps('open-data-snapshot');
    const manifest = (await world.api.send('GET', '/v1/open-data/manifest')).json;
    const [snapshot] = manifest.snapshots;

    const { page, trouble } = await openPage(world.browser, { viewport, isMobile: viewport === PHONE });
    await page.goto(`${world.service.url}/open-data.html`);
    await expect.poll(() => page.locator('#od-rows tr').count()).toBe(1);
    await expect.poll(() => page.locator('#od-rows').textContent()).toContain(snapshot.sha256);
    await page.getByRole('region', { name: '每日快照列表（可左右滚动）' }).focus();
    expect(await page.evaluate('document.activeElement?.getAttribute("aria-label")')).toBe(
      '每日快照列表（可左右滚动）',
    );

    const violations = await axeViolations(page, ANY_IMPACT);
    expect(violations, describeViolations(violations)).toEqual([]);
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(
      viewport.width,
    );
    expect(trouble.errors).toEqual([]);
    await page.context().close();
  });

  it("工作台 shows a record the platform refused with the platform's reason, and the record says so", async () => {
    // The agency is not in the directory: the platform refuses a message without 处罚机关.
    const id = await world.api.register(
      world.agency,
      penaltyNamed(world.entity.uscc, `济南市济阳区退回${size === 'desktop' ? '甲' : '乙'}有限公司`),
    );
    await world.service.sweeps('upstream');

    const { page, trouble } = await openSignedIn(world, 'workbench.html', world.agency.token, viewport);
    const refused = page.locator('[data-section="upstreamRefused"]');
    await expect.poll(() => refused.locator(`[data-id="${id}"]`).count()).toBe(1);
    expect(await refused.locator(`[data-id="${id}"]`).textContent()).toContain(
      '退回理由：CF_CFJG：处罚机关必填',
    );
    const violations = await axeViolations(page, ANY_IMPACT);
    expect(violations, describeViolations(violations)).toEqual([]);
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(
      viewport.width,
    );

    await refused.getByRole('link', { name: id }).click();
    await expect.poll(() => page.locator('#summary-body').textContent()).toContain('被平台退回');
    expect(trouble.errors).toEqual([]);
    await page.context().close();
  });
});
