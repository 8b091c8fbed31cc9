import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ANY_IMPACT,
  axeViolations,
  DESKTOP,
  describeViolations,
  openPage,
  PHONE,
} from '../support/browser.ts';
import { listClient } from '../support/list-mothers.ts';
import { openSignedIn, type SiteWorld, siteWorld } from './site-world.ts';

/*
 * The credit lists as people see them in Chromium: the entity's page says it is on a list,
 * with 异议处理中 while an objection is pending; 信用名单 finds the entry by name and opens
 * it on its own; on 我的 the entity states its case against a proposed listing from the
 * keyboard and sees who checked it. Desktop width and 390 px, with no axe violation.
 */

let world: SiteWorld;
let entryId: string;
beforeAll(async () => {
  world = await siteWorld();
  const lists = listClient(world.service);
  entryId = await lists.listed(world.agency, world.entity, { type: 'serious_dishonesty' });
  await world.api.send('POST', `/v1/lists/entries/${entryId}/objection`, {
    token: world.entity.token,
    body: { statement: '所依据的处罚已被撤销。' },
  });
});
afterAll(async () => {
  await world.stop();
});

describe.each([
  ['desktop', DESKTOP],
  ['390 px', PHONE],
])('the credit lists (%s)', (_size, viewport) => {
  it('the entity page shows the listing, under objection, with no axe violation', async () => {
    const { page, trouble } = await openPage(world.browser, { viewport, isMobile: viewport === PHONE });
    await page.goto(`${world.service.url}/entity.html?uscc=${world.entity.uscc}`);
    const card = page.locator(`#list-entries li[data-entry-id="${entryId}"]`);
    await expect.poll(() => card.count()).toBe(1);
    const text = await card.textContent();
    expect(text).toContain('严重失信主体名单');
    expect(text).toContain('异议处理中');
    expect(text).toContain('限制参加政府采购活动');

    const violations = await axeViolations(page, ANY_IMPACT);
    expect(violations, describeViolations(violations)).toEqual([]);
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(
      viewport.width,
    );
    expect(trouble.errors).toEqual([]);
    await page.context().close();
  });

  it('信用名单 finds the entry by name from the keyboard and opens it on its own', async () => {
    const { page, trouble } = await openPage(world.browser, { viewport, isMobile: viewport === PHONE });
    await page.goto(`${world.service.url}/lists.html`);
    await page.getByLabel('主体名称').focus();
    await page.keyboard.type('名单科技');
    await page.keyboard.press('Enter');
    await page.waitForURL(/name=/);
    const card = page.locator(`#entries li[data-entry-id="${entryId}"]`);
    await expect.poll(() => card.count()).toBe(1);

    await card.getByRole('link').first().focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/id=/);
    await expect.poll(() => page.locator('#entries li').count()).toBe(1);
    expect(await page.locator('h1').textContent()).toContain('严重失信主体名单');

    const violations = await axeViolations(page, ANY_IMPACT);
    expect(violations, describeViolations(violations)).toEqual([]);
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(
      viewport.width,
    );
    expect(trouble.errors).toEqual([]);
    await page.context().close();
  });

  it('时效统计 shows each agency’s checks and feedback in a table the keyboard can scroll', async () => {
    const id = await listClient(world.service).checked(world.agency, world.entity.uscc, '评优评先');
    await world.api.send('POST', `/v1/checks/${id}/feedback`, {
      token: world.agency.token,
      body: {
        applied: false,
        reason: '未发现失信信息',
        actedOn: new Date(Date.now() + 8 * 3600e3).toISOString().slice(0, 10),
      },
    });
    const { page, trouble } = await openPage(world.browser, { viewport, isMobile: viewport === PHONE });
    await page.goto(`${world.service.url}/stats.html`);
    const row = page.locator('#checks-rows tr', { hasText: world.agency.uscc });
    await row.waitFor();
    const cells = await row.locator('td').allTextContents();
    expect(Number(cells[0])).toBeGreaterThanOrEqual(1);
    expect(Number(cells[1])).toBeGreaterThanOrEqual(1);
    await page.getByRole('region', { name: '信用核查与执行反馈（表格可左右滚动）' }).focus();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出核查统计（CSV，按机关）' }).click();
    const csv = await readFile(await (await download).path(), 'utf8');
    expect(csv).toContain('核查次数');
    expect(csv).toContain(world.agency.uscc);

    const violations = await axeViolations(page, ANY_IMPACT);
    expect(violations, describeViolations(violations)).toEqual([]);
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(
      viewport.width,
    );
    expect(trouble.errors).toEqual([]);
    await page.context().close();
  });

  it('我的 lets the entity state its case against a proposal from the keyboard, and names who checked it', async () => {
    const lists = listClient(world.service);
    const proposed = await lists.proposed(world.agency, world.entity);
    await lists.checked(world.agency, world.entity.uscc, '招标投标');
    const { page, trouble } = await openSignedIn(world, 'account.html', world.entity.token, viewport);
    const card = page.locator(`#my-entries li[data-entry-id="${proposed}"]`);
    await card.waitFor();
    expect(await card.textContent()).toContain('拟列入');
    await page.locator('#my-checks li', { hasText: '招标投标' }).first().waitFor();

    await card.getByLabel('陈述申辩意见（事实、理由）').focus();
    await page.keyboard.type('罚款已于次日缴清，请求不予列入。');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect
      .poll(
        async () => (await page.locator(`#my-entries li[data-entry-id="${proposed}"]`).textContent()) ?? '',
      )
      .toContain('罚款已于次日缴清');
    const stated = await world.api.send('GET', `/v1/lists/entries/${proposed}/case`, {
      token: world.entity.token,
    });
    expect(stated.json.statement.text).toBe('罚款已于次日缴清，请求不予列入。');
    expect(await page.locator(`#my-entries li[data-entry-id="${proposed}"] form`).count()).toBe(0);

    const violations = await axeViolations(page, ANY_IMPACT);
    expect(violations, describeViolations(violations)).toEqual([]);
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(
      viewport.width,
    );
    expect(trouble.errors).toEqual([]);
    await page.context().close();
  });
});
