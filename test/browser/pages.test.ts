import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  axeViolations,
  DESKTOP,
  describeViolations,
  openPage,
  PHONE,
  screenshot,
} from '../support/browser.ts';
import { recordOf } from '../support/record-mothers.ts';
import { APPROVE, objectionBody, revocationBody } from '../support/workflow-mothers.ts';
import { penaltyNamed, type SiteWorld, signIn, siteWorld, UPHOLD_WITH_CORRECTION } from './site-world.ts';

/*
 * Every page in the state a visitor sees it most, on a desktop and on a phone: a screenshot
 * under test-results/screenshots/ and an axe-core run with the site's real CSP in force.
 * A page passes when axe finds nothing of impact serious or critical and the page raised no
 * error and no CSP refusal.
 */

let world: SiteWorld;
const ids = { corrected: '', objected: '', revoked: '' };

beforeAll(async () => {
  world = await siteWorld();
  const { api, agency, entity } = world;
  // A record corrected after an upheld objection (version history), one under objection
  // (the 异议处理中 badge), one repaired (a decision document), and other kinds around them.
  ids.corrected = await api.register(agency, penaltyNamed(entity.uscc, '济南市济阳区鑫源商贸有限公司'));
  const upheld = await api.objected(entity, ids.corrected);
  await api.decideObjection(agency.token, upheld, UPHOLD_WITH_CORRECTION);
  ids.objected = await api.register(agency, penaltyNamed(entity.uscc, '济南市济阳区鑫源商贸有限公司', 30));
  await api.objected(entity, ids.objected, objectionBody(ids.objected, { reason: 'period' }));
  const repairedId = await api.register(
    agency,
    penaltyNamed(entity.uscc, '济南市济阳区鑫源商贸有限公司', 200),
  );
  await api.decideRepair(agency.token, await api.repaired(entity, repairedId), APPROVE);
  await api.register(
    agency,
    recordOf('license', {
      subject: { category: 'legal_person', name: '济南市济阳区鑫源商贸有限公司', uscc: entity.uscc },
    }),
  );
  await api.register(agency, recordOf('reward'));
  await api.register(agency, recordOf('inspection'));
  // A penalty revoked after a 复议 decision: the public reads its revocation notice.
  ids.revoked = await api.register(agency, penaltyNamed(entity.uscc, '济南市济阳区鑫源商贸有限公司', 60));
  await api.send('POST', `/v1/records/${ids.revoked}/revocations`, {
    token: agency.token,
    body: revocationBody({ reason: REVOKED_BECAUSE, documentNumber: '济阳复决字〔2026〕3号' }),
  });
});

const REVOKED_BECAUSE = '经行政复议，原处罚决定认定事实不清，予以撤销。联系电话 13812345678';
afterAll(() => world.stop());

interface PageCase {
  readonly name: string;
  readonly open: (page: Page) => Promise<unknown>;
  /** An element that is there once the page has what it shows. */
  readonly ready: string;
  /** The documentation is dozens of screens long: its screenshot is the first screen. */
  readonly fullPage?: boolean;
}

const go = (path: () => string) => (page: Page) => page.goto(`${world.service.url}${path()}`);

const PAGES: PageCase[] = [
  { name: 'search', open: go(() => '/?name=鑫源'), ready: '#results-state[data-kind="done"]' },
  { name: 'record', open: go(() => `/record?id=${ids.corrected}`), ready: '#record table' },
  { name: 'record-under-objection', open: go(() => `/record?id=${ids.objected}`), ready: '#record .notice' },
  { name: 'record-revoked', open: go(() => `/record?id=${ids.revoked}`), ready: '#record .revocation' },
  {
    name: 'entity',
    open: go(() => `/entity?uscc=${world.entity.uscc}`),
    ready: '#records-state[data-kind="done"]',
  },
  {
    name: 'account',
    open: (page) => signIn(page, world.service.url, world.entity.token),
    ready: '#my-repairs-state[data-kind="done"] ~ ol button',
  },
  { name: 'account-signed-out', open: go(() => '/account'), ready: '#signin-local:not([hidden])' },
  { name: 'stats', open: go(() => '/stats'), ready: '#stats-result:not([hidden])' },
  { name: 'docs', open: go(() => '/docs'), ready: 'article.operation', fullPage: false },
  {
    name: 'not-found',
    open: go(() => '/record?id=rec_00000000000000000000000000'),
    ready: '#record-state[data-kind="empty"]',
  },
];

const DEVICES = [
  { device: 'desktop', viewport: DESKTOP, suffix: '' },
  { device: 'phone', viewport: PHONE, suffix: '-phone' },
];

const CASES = PAGES.flatMap((p) => DEVICES.map((d) => ({ ...p, ...d })));

describe('every page', () => {
  it.each(CASES)(
    '$name on a $device renders without errors and has no serious or critical axe violations',
    async ({ name, open, ready, fullPage, viewport, suffix }) => {
      const { page, trouble } = await openPage(world.browser, { viewport, isMobile: suffix !== '' });

      await open(page);
      await page.locator(ready).first().waitFor();
      await screenshot(page, `${name}${suffix}`, { fullPage: fullPage ?? true });
      const violations = await axeViolations(page);

      expect(violations, describeViolations(violations)).toEqual([]);
      expect(trouble.errors).toEqual([]);
      await page.context().close();
    },
  );

  it('shows the pages in Chinese: lang="zh-CN" and a Chinese title on each', async () => {
    const { page } = await openPage(world.browser);
    const seen: string[] = [];

    for (const path of ['/', `/record?id=${ids.corrected}`, '/entity', '/account', '/stats', '/docs']) {
      await page.goto(`${world.service.url}${path}`);
      seen.push(`${await page.getAttribute('html', 'lang')} ${await page.title()}`);
    }

    expect(
      seen.every((line) => /^zh-CN .*济阳区信用信息公示$/.test(line)),
      seen.join('\n'),
    ).toBe(true);
    await page.context().close();
  });
});

describe('the record page of a revoked decision', () => {
  it('states in Chinese 已撤销, the revoking decision’s date and document number and the reason, masked', async () => {
    const { page } = await openPage(world.browser, { viewport: PHONE, isMobile: true });

    await page.goto(`${world.service.url}/record?id=${ids.revoked}`);
    await page.locator('#record .revocation').waitFor();
    const text = (await page.locator('#record').textContent()) ?? '';

    expect(await page.locator('#page-title').textContent()).toContain('已撤销');
    for (const words of [
      '已撤销',
      '撤销决定日期',
      '撤销决定文书号',
      '济阳复决字〔2026〕3号',
      '撤销理由',
      '认定事实不清',
    ]) {
      expect(text).toContain(words);
    }
    expect(text).not.toContain('13812345678');
    // Keyboard: the permalink, the page's last link, is reached with Tab.
    const focused: string[] = [];
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab');
      focused.push(await page.evaluate<string>("document.activeElement?.textContent ?? ''"));
    }
    expect(focused.some((t) => t.includes(`/record?id=${ids.revoked}`))).toBe(true);
    await page.context().close();
  });
});
