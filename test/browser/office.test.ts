import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocumentClient } from '../../shared/store/client.ts';
import { penaltyInput } from '../support/record-builders.ts';
import { timerWorld } from '../support/timers.ts';
import { expectNoSeriousViolations, openSignedIn, type SiteWorld, siteWorld } from './site-world.ts';

/*
 * The credit office in Chromium: a 2027 notice typed into office.html, the preview of the
 * deadlines it moves, the load confirmed; the record's deadline then moved (read from the store
 * after the recompute sweep, as the schedule would run it).
 */

let world: SiteWorld;
let adminToken: string;
const client = () => createDocumentClient({ endpoint: world.service.dynamodbEndpoint });

beforeAll(async () => {
  world = await siteWorld();
  adminToken = await world.service.token('--role admin');
});

afterAll(() => world.stop());

describe('工作日历 (office.html)', () => {
  it('loads a 2027 notice after previewing the deadline it moves, with the keyboard alone', async () => {
    const store = { client: client(), tableName: world.service.tableName };
    // A decision of 28 December 2026 cannot be registered through HTTP before the day: the use
    // cases register it on a clock of that day, into the service's table.
    const timers = timerWorld(store, '2026-12-30T10:00:00+08:00');
    const { record } = await timers.useCases.register(
      { uscc: world.agency.uscc },
      penaltyInput({ decisionDate: '2026-12-28' }) as never,
      { publish: false, actor: { role: 'agency', id: world.agency.uscc } },
    );
    expect(record.disclosure.due).toBe('2027-01-07');

    const { page, trouble } = await openSignedIn(world, 'office.html', adminToken);
    await page.locator('#years-rows tr').first().waitFor();
    await expect(page.locator('#years-rows tr').count()).resolves.toBeGreaterThan(20);
    await expect(page.locator('#years-rows tr', { hasText: '2027' }).first().textContent()).resolves.toMatch(
      /暂定/,
    );
    await expectNoSeriousViolations(page);

    // Keyboard only: year, title, holidays as the notice reads, then 预览.
    await page.locator('#n-year').focus();
    await page.keyboard.press('Tab');
    await page.locator('#n-year').selectOption('2027');
    await page.locator('#n-title').focus();
    await page.keyboard.type('国务院办公厅关于2027年部分节假日安排的通知');
    await page.keyboard.press('Tab');
    await page.keyboard.type('https://www.gov.cn/zhengce/');
    await page.keyboard.press('Tab');
    await page.keyboard.type('元旦 1月1日至1月4日');
    await page.keyboard.press('Enter');
    await page.keyboard.type('国庆节 10月1日至10月7日');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');

    const row = page.locator('#preview-rows tr', { hasText: record.id });
    await row.waitFor();
    await expect(row.textContent()).resolves.toMatch(/2027-01-07.*2027-01-08/);
    await expectNoSeriousViolations(page);
    expect((await timers.records.get(record.id))?.disclosure.due).toBe('2027-01-07');

    await page.locator('#n-confirm').focus();
    await page.keyboard.press('Enter');
    await page.locator('#confirm-state', { hasText: '已载入' }).waitFor();
    await timers.sweep('deadline-recompute');

    expect((await timers.records.get(record.id))?.disclosure.due).toBe('2027-01-08');
    const calendar = await world.api.send('GET', '/v1/calendar/2027');
    expect(calendar.json).toMatchObject({ provisional: false, origin: 'loaded', version: 1 });
    expect(trouble.errors).toEqual([]);
    store.client.destroy();
  });

  it('shows unreadable lines beside the holidays field and loads nothing', async () => {
    const { page } = await openSignedIn(world, 'office.html', adminToken);
    await page.locator('#years-rows tr').first().waitFor();
    await page.locator('#n-year').selectOption('2026');
    await page.locator('#n-title').fill('国务院办公厅关于2026年部分节假日安排的通知');
    await page.locator('#n-holidays').fill('元旦 1月1日\n春节 二月');
    await page.locator('#n-preview').click();

    await expect(page.locator('#n-holidays-error').textContent()).resolves.toMatch(/第 2 行/);
    expect(await page.locator('#preview').isHidden()).toBe(true);
    const calendar = await world.api.send('GET', '/v1/calendar/2026');
    expect(calendar.json.origin).toBe('seed');
  });
});
