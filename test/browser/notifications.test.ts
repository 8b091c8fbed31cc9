import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PHONE } from '../support/browser.ts';
import { expectNoSeriousViolations, openSignedIn, type SiteWorld, siteWorld } from './site-world.ts';

/*
 * 通知 and 通知邮箱 in Chromium: an objection filed through the API becomes, once the
 * notifications sweep has run, an unread item on the entity's 我的 that the keyboard marks
 * read; an address registered there stands 待确认; the confirmation page refuses a bad token
 * in Chinese. The agency's and the office's home pages carry the same inbox. No mail leaves
 * the machine: nothing here confirms an address, so the sweep sends none.
 */

let world: SiteWorld;
let adminToken: string;
let objectionId: string;

beforeAll(async () => {
  world = await siteWorld();
  adminToken = await world.service.token('--role admin');
  const recordId = await world.api.publishedPenalty(world.agency, world.entity);
  objectionId = await world.api.objected(world.entity, recordId);
  await world.service.sweeps('notifications');
});

afterAll(() => world.stop());

/** The page is no wider than a 390 px phone: nothing scrolls sideways. */
async function expectFitsPhone(page: Page): Promise<void> {
  const width = await page.evaluate(
    () =>
      (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document
        .documentElement.scrollWidth,
  );
  expect(width).toBeLessThanOrEqual(PHONE.width);
}

const unreadCount = async (page: Page) =>
  Number(await page.locator('#inbox-heading [data-unread]').getAttribute('data-unread'));

const activeText = (page: Page) => page.evaluate<string>("document.activeElement?.textContent?.trim() ?? ''");

describe('通知 on 我的', () => {
  it('shows the entity its objection’s receipt number, unread, and marks it read with the keyboard', async () => {
    const { page, trouble } = await openSignedIn(world, 'account.html', world.entity.token);
    const item = page.locator('#inbox-items li', { hasText: objectionId });
    await item.waitFor();
    const id = await item.getAttribute('data-notification-id');
    await expect(item.textContent()).resolves.toContain(`受理编号：${objectionId}`);
    await expect(item.locator('[data-unread-badge]').textContent()).resolves.toBe('未读');
    await expect(item.locator('time').textContent()).resolves.toMatch(
      /^\d{4}-\d\d-\d\d \d\d:\d\d（北京时间）$/,
    );
    const before = await unreadCount(page);
    expect(before).toBeGreaterThanOrEqual(1);
    await expect(page.locator('#inbox-heading').textContent()).resolves.toBe(`通知（未读 ${before} 条）`);
    await expectNoSeriousViolations(page);

    await item.getByRole('link', { name: '查看详情' }).focus();
    await page.keyboard.press('Tab');
    await expect(activeText(page)).resolves.toBe('标为已读');
    await page.keyboard.press('Enter');

    const read = page.locator(`#inbox-items li[data-notification-id="${id}"]`);
    await read.getByText('已标为已读').waitFor();
    await expect(read.locator('.badge').first().textContent()).resolves.toBe('已读');
    expect(await read.getByRole('button', { name: '标为已读' }).count()).toBe(0);
    await expect(unreadCount(page)).resolves.toBe(before - 1);
    await expect(page.locator('#inbox-heading').textContent()).resolves.toBe(`通知（未读 ${before - 1} 条）`);
    const inbox = await world.api.send('GET', '/v1/inbox', { token: world.entity.token });
    expect(inbox.json.unread).toBe(before - 1);
    expect(inbox.json.items.find((n: { id: string }) => n.id === id)).toMatchObject({ read: true });
    expect(trouble.errors).toEqual([]);
    await page.context().close();
  });

  it('registers an address on a phone: a bad one is refused beside the field, a good one stands 待确认', async () => {
    const { page, trouble } = await openSignedIn(world, 'account.html', world.entity.token, PHONE);
    await page.locator('#contact-state[data-kind="empty"]').waitFor();
    await expect(page.locator('#contact-state').textContent()).resolves.toBe('尚未登记通知邮箱');

    const field = page.getByLabel('电子邮箱');
    await field.focus();
    await page.keyboard.type('不是邮箱');
    await page.keyboard.press('Enter');
    // The refusal comes back from the API: wait for it, not for the next tick.
    await page.locator('#contact-email[aria-invalid="true"]').waitFor();
    await expect(page.evaluate<string>("document.activeElement?.id ?? ''")).resolves.toBe('contact-email');
    const refusal = (await page.locator('#contact-email-error').textContent()) ?? '';
    expect(refusal).toMatch(/[\u4e00-\u9fff]/);
    expect(refusal).not.toMatch(/[{}]/);

    await field.fill('');
    await page.keyboard.type('notice@example.com');
    await page.keyboard.press('Enter');
    await page.getByText('已发送确认邮件至 notice@example.com，请点击邮件中的链接完成确认。').waitFor();
    await expect(page.locator('#contact-current').textContent()).resolves.toContain('待确认');
    await expect(page.locator('#contact-current').textContent()).resolves.toContain('notice@example.com');
    await expect(field.getAttribute('aria-invalid')).resolves.toBeNull();
    const stored = await world.api.send('GET', '/v1/contact', { token: world.entity.token });
    expect(stored.json).toMatchObject({ email: 'notice@example.com', status: 'pending' });

    await expectFitsPhone(page);
    await expectNoSeriousViolations(page);
    expect(trouble.errors).toEqual([]);
    await page.context().close();
  });
});

describe('确认通知邮箱 (contact-confirm.html)', () => {
  it('says in Chinese that a bad token cannot confirm, on a phone, with no raw JSON', async () => {
    const { page, trouble } = await openSignedIn(
      world,
      'contact-confirm.html?token=not-a-token',
      undefined,
      PHONE,
    );
    const state = page.locator('#confirm-state[data-kind]:not([data-kind="loading"])');
    await state.waitFor();
    const text = (await page.locator('main').textContent()) ?? '';

    await expect(state.getAttribute('data-kind')).resolves.toBe('error');
    expect(text).not.toContain('邮箱已确认');
    expect(text).toMatch(/重新登记邮箱/);
    expect(text).not.toMatch(/[{}]|contact_token_invalid/);
    await expectFitsPhone(page);
    await expectNoSeriousViolations(page);
    expect(trouble.errors).toEqual([]);
    await page.context().close();
  });
});

describe('通知 on the staff home pages', () => {
  it.each([
    { path: 'workbench.html', token: () => world.agency.token, title: '收到针对本机关公示信息的异议' },
    { path: 'office.html', token: () => adminToken, title: undefined },
  ])(
    '$path shows its inbox and contact address, fits a phone and has no serious axe violation',
    async ({ path, token, title }) => {
      const { page, trouble } = await openSignedIn(world, path, token(), PHONE);
      await page.locator('#inbox-state[data-kind]:not([data-kind="loading"])').waitFor();
      await page.locator('#contact-state[data-kind="empty"]').waitFor();

      await expect(page.locator('#inbox-heading').textContent()).resolves.toMatch(/^通知（未读 \d+ 条）$/);
      if (title) {
        const item = page.locator('#inbox-items li', { hasText: objectionId });
        await expect(item.locator('h3').textContent()).resolves.toBe(title);
      }
      await expectFitsPhone(page);
      await expectNoSeriousViolations(page);
      expect(trouble.errors).toEqual([]);
      await page.context().close();
    },
  );
});
