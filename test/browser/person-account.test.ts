import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  axeViolations,
  DESKTOP,
  describeViolations,
  openPage,
  PHONE,
  screenshot,
} from '../support/browser.ts';
import { aPersonParty, type PersonParty, penaltyAgainstPerson } from '../support/workflow-mothers.ts';
import { type SiteWorld, signIn, siteWorld } from './site-world.ts';

/*
 * 我的 for a natural person (自然人本人, 山东省社会信用条例 第21、39条): signed in with a token
 * bound to their ID number, they see their own record (never public) in Chinese, without their
 * ID number in full, and object to it with the keyboard alone, on a desktop and on a phone.
 */

let world: SiteWorld;
let person: PersonParty;
let recordId: string;

beforeAll(async () => {
  world = await siteWorld();
  person = await aPersonParty(world.service);
  recordId = await world.api.register(world.agency, penaltyAgainstPerson(person.idNumber, 120, '王建华'));
});

afterAll(() => world.stop());

describe('我的, signed in as a natural person', () => {
  it.each([
    { device: 'desktop', viewport: DESKTOP, suffix: '' },
    { device: 'phone', viewport: PHONE, suffix: '-phone' },
  ])(
    'shows their own record in Chinese on a $device, with no serious or critical axe violations',
    async ({ viewport, suffix }) => {
      const { page, trouble } = await openPage(world.browser, { viewport, isMobile: suffix !== '' });

      await signIn(page, world.service.url, person.token);
      await page.locator('#my-records-state[data-kind="done"]').waitFor();
      await expect(page.locator('#my-records-state').textContent()).resolves.toBe('共 1 项');
      await screenshot(page, `account-person${suffix}`);
      const violations = await axeViolations(page);

      expect(violations, describeViolations(violations)).toEqual([]);
      expect(trouble.errors).toEqual([]);
      await expect(page.locator('#my-records-heading').textContent()).resolves.toBe(
        '本人的信用记录（不公开）',
      );
      const card = page.locator(`#my-records li[data-record-id="${recordId}"]`);
      await expect(card.textContent()).resolves.toContain('已公示（不对社会公开）');
      expect(await card.locator('a').count()).toBe(0);
      const body = (await page.textContent('body')) ?? '';
      expect(body).not.toContain(person.idNumber);
      expect(body).toContain(`${person.idNumber.slice(0, 6)}********${person.idNumber.slice(14)}`);
      await page.context().close();
    },
  );

  it('objects to it with the keyboard alone and sees the objection in their list', async () => {
    const { page, trouble } = await openPage(world.browser, { viewport: PHONE, isMobile: true });
    await signIn(page, world.service.url, person.token);
    await page.locator('#my-records-state[data-kind="done"]').waitFor();

    const focused = () => page.evaluate<string>("document.activeElement?.getAttribute('aria-label') ?? ''");
    for (let i = 0; i < 40 && !/^提出异议：/.test(await focused()); i++) await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect(page.evaluate<string>("document.activeElement?.id ?? ''")).resolves.toBe('o-record');
    await page.keyboard.press('Tab'); // 异议事由: the first reason stays chosen
    await page.keyboard.press('Tab');
    await page.keyboard.type('处罚决定书载明的罚款金额与记录不符。');
    await page.locator('#objection-form button[type="submit"]').focus();
    await page.keyboard.press('Enter');

    await page.locator('#my-objections li[data-objection-id]').first().waitFor();
    await expect(page.locator('#objection-form .form-status').textContent()).resolves.toMatch(/^异议已提交/);
    const listed = await page.locator('#my-objections li').first().textContent();
    expect(listed).toContain('状态处理中');
    expect(listed).toContain('处罚决定书载明的罚款金额与记录不符。');
    expect(trouble.errors).toEqual([]);
    await page.context().close();
  });
});
