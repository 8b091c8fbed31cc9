import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANY_IMPACT, axeViolations, DESKTOP, describeViolations, PHONE } from '../support/browser.ts';
import { APPROVE, RECENTLY } from '../support/workflow-mothers.ts';
import { openSignedIn, penaltyNamed, type SiteWorld, siteWorld } from './site-world.ts';

/*
 * Credit repair explained before filing, walked in Chromium: the form offers only what can be
 * repaired now and says of a penalty still in its minimum period why not and from which date;
 * the guidance page comes from the policy tables; a repaired record stays in the entity's own
 * list, named, marked 已修复、停止公示.
 */

let world: SiteWorld;
beforeAll(async () => {
  world = await siteWorld();
});
afterAll(() => world.stop());

describe.each([
  ['desktop', DESKTOP],
  ['390 px', PHONE],
])('repair guidance (%s)', (size, viewport) => {
  it('offers only the repairable penalty and says of the other why not and from when', async () => {
    const { api, agency, entity } = world;
    const suffix = size === 'desktop' ? '甲' : '乙';
    const ready = await api.register(
      agency,
      penaltyNamed(entity.uscc, `济南市济阳区可修复${suffix}有限公司`),
    );
    const early = await api.register(
      agency,
      penaltyNamed(entity.uscc, `济南市济阳区未满期${suffix}有限公司`, RECENTLY),
    );
    const from = (await api.list(entity.token, '/v1/entity/records')).find((r) => r.id === early).repair.from;

    const { page, trouble } = await openSignedIn(world, 'account.html', entity.token, viewport);
    const earlyCard = page.locator(`#my-records [data-record-id="${early}"]`);
    await earlyCard.getByText(`最短公示期未满，${from} 起方可申请`).waitFor();
    const options = await page
      .locator('#r-record option')
      .evaluateAll((o) => o.map((x) => x.getAttribute('value')));
    const blocked = await page.locator('#r-blocked').textContent();
    await page.locator('#r-record').selectOption(ready);
    const materials = await page.locator('#r-materials').textContent();
    const chosen = await page.locator('#r-record-chosen').textContent();
    const option = await page.locator('#r-record option:checked').textContent();
    await page
      .getByRole('navigation', { name: '本页导航' })
      .getByRole('link', { name: '申请信用修复' })
      .click();
    const hash = new URL(page.url()).hash;
    const accountViolations = await axeViolations(page, ANY_IMPACT);

    await earlyCard.getByRole('link', { name: '修复指引' }).click();
    await page.getByRole('heading', { level: 1, name: '信用修复指引' }).waitFor();
    const periods = await page.locator('#guide-periods').textContent();
    const guideMaterials = await page.locator('#guide-materials').textContent();
    const guideViolations = await axeViolations(page, ANY_IMPACT);

    expect(await earlyCard.getByRole('button', { name: /申请信用修复/ }).count()).toBe(0);
    expect(options).toContain(ready);
    expect(options).not.toContain(early);
    expect(blocked).toContain(`最短公示期未满，${from} 起方可申请`);
    expect(materials).toContain('信用承诺书');
    expect(chosen).toBe(option);
    expect(chosen).toContain(`可修复${suffix}`);
    expect(hash).toBe('#repair-heading');
    expect(periods).toContain('国家发展改革委令第36号');
    expect(periods).toContain('最短 1 年，最长 3 年');
    expect(guideMaterials).toContain('整改情况报告');
    expect(accountViolations, describeViolations(accountViolations)).toEqual([]);
    expect(guideViolations, describeViolations(guideViolations)).toEqual([]);
    expect(trouble.errors).toEqual([]);
    await page.context().close();
  });
});

describe('a repaired record', () => {
  it('stays in the entity’s own list, named and marked 已修复、停止公示, and its repair names it', async () => {
    const { api, agency, entity } = world;
    const name = '济南市济阳区已修复示例有限公司';
    const recordId = await api.register(agency, penaltyNamed(entity.uscc, name));
    const repairId = await api.repaired(entity, recordId);
    await api.decideRepair(agency.token, repairId, APPROVE);

    const { page, trouble } = await openSignedIn(world, 'account.html', entity.token, PHONE);
    const card = page.locator(`#my-records [data-record-id="${recordId}"]`);
    await card.getByText('已修复、停止公示').waitFor();
    const repairHeading = await page.locator(`[data-repair-id="${repairId}"] h3`).textContent();

    expect(await card.locator('h3').textContent()).toContain(name);
    expect(repairHeading).toContain(name);
    expect(await page.locator(`[data-repair-id="${repairId}"] h3 a`).count()).toBe(0);
    expect(trouble.errors).toEqual([]);
    await page.context().close();
  });
});
