import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, describeViolations, openPage } from '../support/browser.ts';
import { type SiteWorld, siteWorld } from './site-world.ts';

/*
 * The local quick sign-in: from account.html alone, a newcomer signs in as each role by
 * picking it and keeping the sample code the page fills in; staff roles are pointed to their
 * workbench.
 */

let world: SiteWorld;

beforeAll(async () => {
  world = await siteWorld();
});
afterAll(() => world.stop());

const ROLES = [
  { role: 'agency', label: '行政机关', shows: '11370100MB2850377W', next: 'workbench.html' },
  { role: 'admin', label: '信用管理部门', shows: undefined, next: 'office.html' },
  { role: 'entity', label: '行政相对人', shows: '91370125MA3C00001Q', next: undefined },
  { role: 'person', label: '自然人', shows: '110105********002X', next: undefined },
] as const;

describe('the quick sign-in of the local server', () => {
  it.each(ROLES)(
    'signs in as $label with the sample code the page offers',
    async ({ label, shows, next }) => {
      const { page, trouble } = await openPage(world.browser);
      await page.goto(`${world.service.url}/account.html`);

      await page.getByLabel('登录身份').selectOption({ label });
      await page.getByRole('button', { name: '快速登录' }).click();
      await page.getByRole('heading', { name: '当前登录' }).waitFor();

      const shown = (await page.locator('#session-fields').textContent()) ?? '';
      expect(shown).toContain(label);
      if (shows) expect(shown).toContain(shows);
      const link = page.locator('#session-next a');
      if (next) expect(await link.getAttribute('href')).toBe(next);
      else expect(await page.locator('#session-next').isHidden()).toBe(true);
      const token = await page.evaluate<string | null>("sessionStorage.getItem('disclosure.token')");
      expect(token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
      expect(trouble.errors).toEqual([]);
      await page.context().close();
    },
  );

  it('mints a token the API accepts', async () => {
    const { page } = await openPage(world.browser);
    await page.goto(`${world.service.url}/account.html`);
    await page.getByLabel('登录身份').selectOption({ label: '行政相对人' });
    await page.getByRole('button', { name: '快速登录' }).click();
    await page.getByRole('heading', { name: '当前登录' }).waitFor();

    const status = await page.evaluate<number>(`fetch('/v1/entity/objections', {
      headers: { authorization: 'Bearer ' + sessionStorage.getItem('disclosure.token') },
    }).then((r) => r.status)`);

    expect(status).toBe(200);
    await page.context().close();
  });

  it('refuses a code with a wrong check character beside the field, and keeps no token', async () => {
    const { page } = await openPage(world.browser);
    await page.goto(`${world.service.url}/account.html`);

    await page.getByLabel('登录身份').selectOption({ label: '行政机关' });
    await page.getByLabel('统一社会信用代码').fill('11370100MB2850377A');
    await page.getByRole('button', { name: '快速登录' }).click();
    await page.locator('#quick-code[aria-invalid="true"]').waitFor();

    expect(await page.locator('#quick-code-error').textContent()).toContain('校验码不正确');
    expect(await page.evaluate("sessionStorage.getItem('disclosure.token')")).toBeNull();
    await page.context().close();
  });

  it('explains the sample code and has no serious accessibility violation', async () => {
    const { page } = await openPage(world.browser);
    await page.goto(`${world.service.url}/account.html`);
    await page.getByLabel('登录身份').waitFor();

    expect(await page.locator('#quick-code-hint').textContent()).toContain('示例代码');
    const violations = await axeViolations(page);
    expect(violations, describeViolations(violations)).toEqual([]);
    await page.context().close();
  });
});
