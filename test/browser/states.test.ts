import { readFile } from 'node:fs/promises';
import type { Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, describeViolations, openPage, screenshot } from '../support/browser.ts';
import { daysAgo, today } from '../support/workflow-mothers.ts';
import { penaltyNamed, type SiteWorld, siteWorld } from './site-world.ts';

/*
 * The states a visitor must be able to see and the ways they must be able to work: an empty
 * result, a network failure, a slow answer, an API refusal beside its field, and the search
 * done with the keyboard alone.
 */

let world: SiteWorld;
const NAME = '济南市济阳区鑫源商贸有限公司';

beforeAll(async () => {
  world = await siteWorld();
  await world.api.register(world.agency, penaltyNamed(world.entity.uscc, NAME));
});
afterAll(() => world.stop());

async function searchPage(): Promise<Page> {
  const { page } = await openPage(world.browser);
  await page.goto(`${world.service.url}/`);
  return page;
}

const isSearch = (url: URL) => url.pathname === '/v1/disclosures';

async function searchByName(page: Page, name: string): Promise<void> {
  await page.getByLabel('名称').fill(name);
  await page.getByRole('button', { name: '查询' }).click();
}

/** The search's status region once it says something other than 正在加载… */
async function settled(page: Page): Promise<{ kind: string; text: string }> {
  await page.locator('#results-state:not([data-kind="loading"])[data-kind]').waitFor();
  return page.evaluate<{ kind: string; text: string }>(
    `(() => { const s = document.getElementById('results-state'); return { kind: s.dataset.kind, text: s.textContent }; })()`,
  );
}

describe('the visible states of the search', () => {
  it('says 没有找到符合条件的公示信息 when nothing matches', async () => {
    const page = await searchPage();
    await settled(page);

    await searchByName(page, '阿里巴巴');
    const state = await settled(page);

    expect(state).toEqual({ kind: 'empty', text: '没有找到符合条件的公示信息' });
    expect(await page.locator('#results li').count()).toBe(0);
    await screenshot(page, 'search-empty');
    await page.context().close();
  });

  it('shows 正在加载… while the API has not answered yet', async () => {
    const page = await searchPage();
    await settled(page);
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route(isSearch, async (route: Route) => {
      await held;
      await route.continue();
    });

    await searchByName(page, '鑫源');
    await page.locator('#results-state[data-kind="loading"]').waitFor();
    const loading = await page.locator('#results-state').textContent();
    const busy = await page.locator('#results').getAttribute('aria-busy');
    release();
    const after = await settled(page);

    expect(loading).toBe('正在加载…');
    expect(busy).toBe('true');
    expect(after.kind).toBe('done');
    await page.context().close();
  });

  it('shows a network failure in Chinese with 重试, and recovers once the network is back', async () => {
    const { page } = await openPage(world.browser);
    await page.route(isSearch, (route) => route.abort('internetdisconnected'));

    await page.goto(`${world.service.url}/?name=${encodeURIComponent('鑫源')}`);
    const failed = await settled(page);
    await screenshot(page, 'search-network-failure');
    await page.unroute(isSearch);
    await page.getByRole('button', { name: '重试' }).click();
    await page.getByRole('link', { name: NAME }).waitFor();

    expect(failed).toEqual({ kind: 'network', text: '无法连接服务，请检查网络连接后重试。重试' });
    await page.context().close();
  });

  it('shows the API refusing a one-character name next to the name field, marked invalid and announced', async () => {
    const page = await searchPage();
    await settled(page);

    await searchByName(page, '腾');
    await page.locator('#q-name[aria-invalid="true"]').waitFor();
    const name = page.locator('#q-name');
    const describedBy = (await name.getAttribute('aria-describedby')) ?? '';
    const message = await page.locator('#q-name-error').textContent();
    const summary = await page.locator('#search-form .form-errors').textContent();
    const summaryLive = await page.locator('#search-form .form-errors').getAttribute('aria-live');
    const focused = await page.evaluate<string>('document.activeElement.id');
    await screenshot(page, 'search-field-error');
    const violations = await axeViolations(page);

    expect(message).toBe('名称至少输入 2 个字');
    expect(describedBy.split(' ')).toEqual(['q-name-hint', 'q-name-error']);
    expect(summary).toContain('名称：名称至少输入 2 个字');
    expect(summaryLive).toBe('assertive');
    expect(focused).toBe('q-name');
    expect(violations, describeViolations(violations)).toEqual([]);
    await page.context().close();
  });

  it('clears the complaint once the name is long enough', async () => {
    const page = await searchPage();
    await searchByName(page, '腾');
    await page.locator('#q-name[aria-invalid="true"]').waitFor();

    await searchByName(page, '鑫源');
    await page.getByRole('link', { name: NAME }).waitFor();

    expect(await page.locator('#q-name').getAttribute('aria-invalid')).toBeNull();
    expect(await page.locator('.field-error').count()).toBe(0);
    expect(await page.locator('#q-name').getAttribute('aria-describedby')).toBe('q-name-hint');
    await page.context().close();
  });

  it('says 该信息不存在或已不再公示 for a record that is not public', async () => {
    const { page } = await openPage(world.browser);

    await page.goto(`${world.service.url}/record?id=rec_00000000000000000000000000`);
    await page.locator('#record-state[data-kind="empty"]').waitFor();

    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('该信息不存在或已不再公示');
    await page.context().close();
  });
});

describe('the search with the keyboard alone', () => {
  it('reaches the name field with Tab, searches with Enter, and shows where the focus is', async () => {
    const page = await searchPage();
    await settled(page);
    const stops: string[] = [];

    for (let i = 0; i < 20 && stops.at(-1) !== 'q-name'; i++) {
      await page.keyboard.press('Tab');
      stops.push(
        await page.evaluate<string>('document.activeElement.id || document.activeElement.textContent.trim()'),
      );
    }
    const ring = await page.evaluate<{ visible: boolean; style: string; width: number }>(
      `(() => { const e = document.activeElement; const s = getComputedStyle(e);
        return { visible: e.matches(':focus-visible'), style: s.outlineStyle, width: parseFloat(s.outlineWidth) }; })()`,
    );
    await page.keyboard.type('鑫源');
    await page.keyboard.press('Enter');
    await page.getByRole('link', { name: NAME }).waitFor();

    expect(stops[0]).toBe('跳到主要内容');
    expect(stops.at(-1)).toBe('q-name');
    expect(ring.visible).toBe(true);
    expect(ring.style).toBe('solid');
    expect(ring.width).toBeGreaterThanOrEqual(2);
    expect(page.url()).toContain(`name=${encodeURIComponent('鑫源')}`);
    await page.context().close();
  });

  it('shows the skip link on the first Tab and moves to the main content with it', async () => {
    const page = await searchPage();

    await page.keyboard.press('Tab');
    const box = await page.getByRole('link', { name: '跳到主要内容' }).boundingBox();
    await page.keyboard.press('Enter');
    const focused = await page.evaluate<string>('document.activeElement.id');

    expect(box?.y).toBeGreaterThanOrEqual(0);
    expect(focused).toBe('main');
    await page.context().close();
  });
});

describe('the timeliness statistics', () => {
  it('shows a row and a bar per agency for the dates in its address, and downloads the table as CSV', async () => {
    const { page } = await openPage(world.browser);

    await page.goto(`${world.service.url}/stats?from=${daysAgo(365)}&to=${today()}`);
    await page.locator('#stats-result:not([hidden])').waitFor();
    const rows = await page.locator('#stats-rows tr').allTextContents();
    const bars = await page.locator('.bars li').allTextContents();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '下载 CSV' }).click();
    const csv = await readFile(await (await download).path(), 'utf8');

    expect(await page.getByLabel('自', { exact: true }).inputValue()).toBe(daysAgo(365));
    expect(rows).toEqual([expect.stringContaining(world.agency.uscc)]);
    expect(bars).toEqual([expect.stringContaining('逾期公示 1')]);
    expect(csv).toContain('决定机关统一社会信用代码');
    expect(csv).toContain(world.agency.uscc);
    await page.context().close();
  });
});
