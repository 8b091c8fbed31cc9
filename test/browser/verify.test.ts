import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANY_IMPACT, axeViolations, DESKTOP, describeViolations, PHONE } from '../support/browser.ts';
import { APPROVE } from '../support/workflow-mothers.ts';
import { openSignedIn, penaltyNamed, type SiteWorld, siteWorld } from './site-world.ts';

/*
 * A repair decision document verified, walked in Chromium: the entity downloads it on 我的,
 * follows its 核验码 to 文书核验 and reads 真实有效 with the same SHA-256; a code never issued
 * is 未找到.
 */

let world: SiteWorld;
beforeAll(async () => {
  world = await siteWorld();
});
afterAll(() => world.stop());

describe.each([
  ['desktop', DESKTOP],
  ['390 px', PHONE],
])('a verified repair decision document (%s)', (size, viewport) => {
  it('is downloaded, its 核验码 followed and confirmed genuine; an unknown code is not found', async () => {
    const { api, agency, entity } = world;
    const recordId = await api.register(
      agency,
      penaltyNamed(entity.uscc, `济南市济阳区核验${size === 'desktop' ? '甲' : '乙'}有限公司`),
    );
    const repairId = await api.repaired(entity, recordId);
    await api.decideRepair(agency.token, repairId, APPROVE);
    const issued = (
      await api.send('GET', `/v1/repairs/${repairId}/decision-document`, { token: entity.token })
    ).json;

    const { page, trouble } = await openSignedIn(world, 'account.html', entity.token, viewport);
    const card = page.locator(`[data-repair-id="${repairId}"]`);
    const download = page.waitForEvent('download');
    await card.getByRole('button', { name: '下载信用修复决定书' }).click();
    await download;
    await card.getByRole('link', { name: '在文书核验页查验' }).click();
    const verified = page.getByRole('heading', { name: '真实有效：本系统出具的信用修复决定书' });
    await verified.waitFor();
    const facts = await page.locator('#verify-result').textContent();
    const foundViolations = await axeViolations(page, ANY_IMPACT);

    await page.getByLabel('核验码').fill('2222 2222 2222 2222 2222');
    await page.getByRole('button', { name: '核验' }).click();
    await page.getByText(/^未找到/).waitFor();
    const missingViolations = await axeViolations(page, ANY_IMPACT);

    expect(facts).toContain(issued.verificationCode);
    expect(facts).toContain(issued.hash);
    expect(facts).toContain(repairId);
    expect(foundViolations, describeViolations(foundViolations)).toEqual([]);
    expect(missingViolations, describeViolations(missingViolations)).toEqual([]);
    expect(trouble.errors).toEqual([]);
    await page.context().close();
  });
});
