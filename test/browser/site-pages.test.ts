import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageNames } from '../../scripts/generate-web-pages.ts';
import {
  ANY_IMPACT,
  axeViolations,
  DESKTOP,
  describeViolations,
  openPage,
  PHONE,
} from '../support/browser.ts';
import { type SiteWorld, siteWorld } from './site-world.ts';

/*
 * Every page of the site, as anyone first opens it, at desktop width and at 390×844: axe finds
 * no violation of any impact (minor included), and nothing is wider than the phone's screen.
 * The 404 page is opened at an address that has none. Pages with data (a record, a queue) are
 * checked at any impact by the journeys that fill them (timeliness, materials, repair-guidance,
 * verify tests).
 */

let world: SiteWorld;
beforeAll(async () => {
  world = await siteWorld();
});
afterAll(() => world.stop());

const addressOf = (name: string) => (name === '404.html' ? '/no/such/page.html' : `/${name}`);

/** The page once its scripts have run: every status region has left its loading state. */
async function settled(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(
    "[...document.querySelectorAll('[data-kind]')].every((e) => e.dataset.kind !== 'loading')",
  );
}

describe.each([
  ['desktop', DESKTOP],
  ['390 px', PHONE],
])('every page (%s)', (_size, viewport) => {
  it.for(pageNames())('%s has no axe violation of any impact and fits the screen', async (name) => {
    const { page, trouble } = await openPage(world.browser, { viewport, isMobile: viewport === PHONE });
    await page.goto(`${world.service.url}${addressOf(name)}`);
    await settled(page);

    const violations = await axeViolations(page, ANY_IMPACT);
    const width = await page.evaluate<number>('document.documentElement.scrollWidth');

    expect(violations, describeViolations(violations)).toEqual([]);
    expect(width).toBeLessThanOrEqual(viewport.width);
    expect(trouble.errors).toEqual([]);
    await page.context().close();
  });
});
