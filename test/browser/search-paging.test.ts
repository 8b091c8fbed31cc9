import type { Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPage } from '../support/browser.ts';
import { penaltyNamed, type SiteWorld, siteWorld } from './site-world.ts';

/*
 * The search pages on by itself past empty answers that still carry a cursor, until it has
 * results or reaches the end: a visitor is never told 没有找到 while results follow. The API
 * answers such pages when what it walked was not to be shown; here the first answers are
 * replaced by empty ones with a cursor, and the last goes on to the real service.
 */

let world: SiteWorld;
const NAME = '济南市济阳区翻页测试商贸有限公司';

beforeAll(async () => {
  world = await siteWorld();
  await world.api.register(world.agency, penaltyNamed(world.entity.uscc, NAME));
});
afterAll(() => world.stop());

const isSearch = (url: URL) => url.pathname === '/v1/disclosures';

/**
 * Answers the first `empties` searches of `page` with `{ items: [], cursor }`, each cursor
 * naming the next; the search after them goes to the service, without the made-up cursor, or
 * is answered empty and final when `thenEnd`. The cursors the page sent, in order.
 */
async function emptyPagesFirst(page: Page, empties: number, thenEnd = false): Promise<(string | null)[]> {
  const sent: (string | null)[] = [];
  await page.route(isSearch, async (route: Route) => {
    const url = new URL(route.request().url());
    const cursor = url.searchParams.get('cursor');
    sent.push(cursor);
    const step = cursor?.startsWith('walk-') ? Number(cursor.slice(5)) : 0;
    if (step < empties) {
      await route.fulfill({ json: { items: [], cursor: `walk-${step + 1}` } });
    } else if (thenEnd) {
      await route.fulfill({ json: { items: [] } });
    } else {
      url.searchParams.delete('cursor');
      await route.continue({ url: url.toString() });
    }
  });
  return sent;
}

async function settled(page: Page): Promise<{ kind: string; text: string }> {
  await page.locator('#results-state:not([data-kind="loading"])[data-kind]').waitFor();
  return page.evaluate<{ kind: string; text: string }>(
    `(() => { const s = document.getElementById('results-state'); return { kind: s.dataset.kind, text: s.textContent }; })()`,
  );
}

describe('a search whose first answers are empty but not the end', () => {
  it('keeps paging until it has results, and shows them as the first page', async () => {
    const { page } = await openPage(world.browser);
    const sent = await emptyPagesFirst(page, 3);

    await page.goto(`${world.service.url}/?name=${encodeURIComponent('翻页测试')}`);
    const state = await settled(page);

    expect(state).toEqual({ kind: 'done', text: '共 1 条，第 1 页，本页 1 条' });
    expect(await page.getByRole('link', { name: NAME }).count()).toBe(1);
    expect(sent).toEqual([null, 'walk-1', 'walk-2', 'walk-3']);
    await page.context().close();
  });

  it('says 没有找到 only when it reached the end', async () => {
    const { page } = await openPage(world.browser);
    const sent = await emptyPagesFirst(page, 2, true);

    await page.goto(`${world.service.url}/?name=${encodeURIComponent('翻页测试')}`);
    const state = await settled(page);

    expect(state).toEqual({ kind: 'empty', text: '没有找到符合条件的公示信息' });
    expect(sent).toEqual([null, 'walk-1', 'walk-2']);
    expect(await page.locator('#next-page').isHidden()).toBe(true);
    await page.context().close();
  });
});
