import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PHONE } from '../support/browser.ts';
import { listClient } from '../support/list-mothers.ts';
import { expectNoSeriousViolations, openSignedIn, type SiteWorld, siteWorld } from './site-world.ts';

/*
 * The credit office's oversight and directory pages in Chromium: an objection left unanswered
 * past its time limit shows in the escalation list, its filing in the event log, the audit
 * verification runs to its end; an agency named in the directory, then renamed.
 */

let world: SiteWorld;
let adminToken: string;

beforeAll(async () => {
  world = await siteWorld();
  adminToken = await world.service.token('--role admin');
});

afterAll(() => world.stop());

describe('监督 (office-oversight.html)', () => {
  it('lists an overdue objection, its filing in the event log and the audit verification result', async () => {
    const recordId = await world.api.publishedPenalty(world.agency, world.entity);
    const objectionId = await world.api.objected(world.entity, recordId);
    // The objection's time limit runs out unanswered: the sweep a month later escalates it.
    const later = new Date(Date.now() + 40 * 24 * 3600 * 1000);
    await world.service.sweeps('objection-deadlines', { clock: () => later });

    const { page, trouble } = await openSignedIn(world, 'office-oversight.html', adminToken);
    const escalated = page.locator('#esc-rows tr', { hasText: objectionId });
    await escalated.waitFor();
    await expect(escalated.textContent()).resolves.toContain(world.agency.uscc);
    await page.locator('#events-rows tr', { hasText: '提出异议' }).first().waitFor();
    await expect(page.locator('#events-rows').textContent()).resolves.not.toMatch(/[{}]/);

    await page.locator('#audit-run').focus();
    await page.keyboard.press('Enter');
    await page.locator('#audit-state', { hasText: '核验完成' }).waitFor();
    await expect(page.locator('#audit-state').textContent()).resolves.toMatch(/未发现问题/);
    await expectNoSeriousViolations(page);
    expect(trouble.errors).toEqual([]);
  });
});

describe('监督: lists and checks escalated', () => {
  it('lists a proposed listing not decided in time and a check without feedback, in words, chosen from the keyboard', async () => {
    const lists = listClient(world.service);
    const entryId = await lists.proposed(world.agency, world.entity);
    const checkId = await lists.checked(world.agency, world.entity.uscc, '财政资金');
    const later = new Date(Date.now() + 40 * 24 * 3600 * 1000);
    await world.service.sweeps('list-deadlines', { clock: () => later });
    await world.service.sweeps('check-deadlines', { clock: () => later });

    const { page, trouble } = await openSignedIn(world, 'office-oversight.html', adminToken);
    await page.locator('#esc-state[data-kind]:not([data-kind="loading"])').waitFor();
    for (const [kind, id, words] of [
      ['list-entry', entryId, '严重失信主体名单：济南示例名单科技有限公司'],
      ['check', checkId, '财政资金：食品经营许可'],
    ] as const) {
      await page.locator('#esc-kind').selectOption(kind);
      await page.locator('#esc-form button[type="submit"]').focus();
      await page.keyboard.press('Enter');
      const row = page.locator('#esc-rows tr', { hasText: id });
      await row.waitFor();
      const text = (await row.textContent()) ?? '';
      expect(text).toContain(words);
      expect(text).toContain(world.agency.uscc);
      expect(text).not.toMatch(/[{}]/);
    }
    await expectNoSeriousViolations(page);
    expect(trouble.errors).toEqual([]);
  });
});

describe('机关名录 (office-agencies.html)', () => {
  it('names an agency with the keyboard and renames it with the version it read', async () => {
    const { page, trouble } = await openSignedIn(world, 'office-agencies.html', adminToken);
    await page.locator('#list-state[data-kind]').waitFor();
    await expectNoSeriousViolations(page);

    await page.locator('#a-uscc').focus();
    await page.keyboard.type(world.agency.uscc);
    await page.keyboard.press('Tab');
    await page.keyboard.type('济南市济阳区市场监督管理局');
    await page.keyboard.press('Tab');
    await page.keyboard.type('区市场监管局');
    await page.keyboard.press('Enter');
    const row = page.locator('#agency-rows tr', { hasText: world.agency.uscc });
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain('济南市济阳区市场监督管理局');

    await row.getByRole('button').click();
    await page.locator('#a-name').fill('济南市济阳区市场监督管理局（更名）');
    await page.locator('#agency-form button[type="submit"]').click();
    await page.locator('#agency-rows tr', { hasText: '（更名）' }).waitFor();
    const directory = await world.api.send('GET', '/v1/agencies');
    expect(directory.json.items).toEqual([
      expect.objectContaining({
        uscc: world.agency.uscc,
        name: '济南市济阳区市场监督管理局（更名）',
        version: 2,
      }),
    ]);
    expect(trouble.errors).toEqual([]);
  });

  it('shows a missing name beside its field and saves nothing', async () => {
    const { page } = await openSignedIn(world, 'office-agencies.html', adminToken);
    await page.locator('#list-state[data-kind]').waitFor();
    await page.locator('#a-uscc').fill(world.entity.uscc);
    await page.locator('#agency-form button[type="submit"]').click();
    await expect(page.locator('#a-name').getAttribute('aria-invalid')).resolves.toBe('true');
    const directory = await world.api.send('GET', '/v1/agencies');
    expect(directory.json.items.map((a: { uscc: string }) => a.uscc)).not.toContain(world.entity.uscc);
  });
});

describe('the credit office pages on a phone (390 px)', () => {
  it.each([
    ['office.html', '#years-rows tr'],
    ['office-oversight.html', '#events-state[data-kind]:not([data-kind="loading"])'],
    ['office-agencies.html', '#list-state[data-kind]:not([data-kind="loading"])'],
  ])('%s fits the screen and has no serious or critical axe violation', async (path, ready) => {
    const { page, trouble } = await openSignedIn(world, path, adminToken, PHONE);
    await page.locator(ready).first().waitFor();

    const width = await page.evaluate(
      () =>
        (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document
          .documentElement.scrollWidth,
    );
    expect(width).toBeLessThanOrEqual(PHONE.width);
    await expectNoSeriousViolations(page);
    expect(trouble.errors).toEqual([]);
  });
});
