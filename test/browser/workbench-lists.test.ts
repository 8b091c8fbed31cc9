import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANY_IMPACT, axeViolations, DESKTOP, describeViolations, PHONE } from '../support/browser.ts';
import { CASE_STATED } from '../support/list-mothers.ts';
import { anEntityParty } from '../support/workflow-mothers.ts';
import { openSignedIn, type SiteWorld, siteWorld } from './site-world.ts';

/*
 * The agency's screens for the lists and checks, in Chromium, from the keyboard: 信用名单
 * proposes a listing and, once the entity has stated its case, lists it; 信用核查 checks the
 * listed entity, reads the receipt in words and gives feedback. Desktop and 390 px, no axe
 * violation, no raw JSON.
 */

let world: SiteWorld;
beforeAll(async () => {
  world = await siteWorld();
});
afterAll(async () => {
  await world.stop();
});

describe.each([
  ['desktop', DESKTOP],
  ['390 px', PHONE],
])('the agency’s list and check screens (%s)', (_size, viewport) => {
  it('proposes, and lists once the entity has stated its case; then checks and answers the check', async () => {
    const entity = await anEntityParty(world.service);
    const record = await world.api.publishedPenalty(world.agency, entity);
    const { page, trouble } = await openSignedIn(world, 'workbench-lists.html', world.agency.token, viewport);
    await page.locator('#q-state[data-kind]:not([data-kind="loading"])').waitFor();

    await page.getByLabel('名单类型').selectOption('serious_dishonesty');
    await page.getByLabel('主体名称').focus();
    await page.keyboard.type('济南工作台名单测试有限公司');
    await page.keyboard.press('Tab');
    await page.keyboard.type(entity.uscc);
    await page.getByLabel('认定依据').focus();
    await page.keyboard.type('拒不履行行政处罚决定，经催告仍未履行。');
    await page.getByLabel('所依据的记录编号').focus();
    await page.keyboard.type(record);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    const status = page.locator('#propose-status');
    await expect.poll(() => status.textContent()).toContain('已发出拟列入告知');
    const id = /编号 (lst_\w+)/.exec((await status.textContent()) ?? '')?.[1] as string;
    const item = page.locator(`#q-list li[data-id="${id}"]`);
    await item.waitFor();
    expect(await item.textContent()).toContain('陈述申辩至');
    await expectClean(page, viewport.width);

    // The entity states its case; the agency reloads and decides from the keyboard.
    await world.api.send('POST', `/v1/lists/entries/${id}/statement`, {
      token: entity.token,
      body: CASE_STATED,
    });
    await page.reload();
    const decided = page.locator(`#q-list li[data-id="${id}"]`);
    await decided.getByLabel('决定理由').focus();
    await page.keyboard.type('陈述理由不成立，决定列入。');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => decided.locator('.queue-status').textContent()).toContain('已列入');
    expect((await world.api.send('GET', `/v1/lists/entries/${id}`)).json.status).toBe('listed');

    const checks = await openSignedIn(world, 'workbench-checks.html', world.agency.token, viewport);
    await checks.page.getByLabel('统一社会信用代码').focus();
    await checks.page.keyboard.type(entity.uscc);
    await checks.page.keyboard.press('Tab');
    await checks.page.keyboard.type('食品经营许可（新办）');
    await checks.page.getByLabel('事项类型').selectOption('licensing');
    await checks.page.getByRole('button', { name: '核查' }).focus();
    await checks.page.keyboard.press('Enter');
    const receipt = checks.page.locator('#q-list li').first();
    await expect.poll(() => receipt.textContent()).toContain('严重失信主体名单');
    const text = (await receipt.textContent()) ?? '';
    expect(text).toContain('审慎审批，限制新增行政许可');
    expect(text).not.toMatch(/[{}]/);
    await receipt.getByLabel('已采取惩戒措施').check();
    await receipt.getByLabel('理由（采取或未采取措施的原因）').focus();
    await checks.page.keyboard.type('申请人在严重失信主体名单内，不予许可。');
    await receipt.getByRole('button', { name: '提交反馈' }).focus();
    await checks.page.keyboard.press('Enter');
    await expect.poll(() => checks.page.locator('#q-list li').first().textContent()).toContain('已反馈');
    await expectClean(checks.page, viewport.width);
    expect(trouble.errors).toEqual([]);
    expect(checks.trouble.errors).toEqual([]);
    await page.context().close();
    await checks.page.context().close();
  });
});

async function expectClean(page: Parameters<typeof axeViolations>[0], width: number) {
  const violations = await axeViolations(page, ANY_IMPACT);
  expect(violations, describeViolations(violations)).toEqual([]);
  expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(width);
}
