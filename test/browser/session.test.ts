import { createHash } from 'node:crypto';
import type { Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPage } from '../support/browser.ts';
import { type SiteWorld, signIn, siteWorld } from './site-world.ts';

/*
 * Sign-in in local mode: the page keeps the pasted token in sessionStorage and nothing else,
 * shows who it says is signed in, and forgets it on 退出登录.
 */

let world: SiteWorld;

beforeAll(async () => {
  world = await siteWorld();
});
afterAll(() => world.stop());

interface Storage {
  session: Record<string, string>;
  local: Record<string, string>;
  cookie: string;
}

const storage = (page: Page) =>
  page.evaluate<Storage>(
    '({ session: { ...sessionStorage }, local: { ...localStorage }, cookie: document.cookie })',
  );

describe('signing in with a pasted token', () => {
  it('keeps the token, and only the token, in sessionStorage', async () => {
    const { page } = await openPage(world.browser);

    await signIn(page, world.service.url, world.entity.token);
    const kept = await storage(page);

    expect(kept).toEqual({ session: { 'disclosure.token': world.entity.token }, local: {}, cookie: '' });
    await page.context().close();
  });

  it('shows the role and the code the token names', async () => {
    const { page } = await openPage(world.browser);

    await signIn(page, world.service.url, world.entity.token);
    const shown = (await page.locator('#session-fields').textContent()) ?? '';

    expect(shown).toMatch(/角色\s*行政相对人/);
    expect(shown).toContain(world.entity.uscc);
    await page.context().close();
  });

  it('refuses text that is not a token beside the field, and keeps nothing', async () => {
    const { page } = await openPage(world.browser);
    await page.goto(`${world.service.url}/account`);

    await page.getByLabel('访问令牌').fill('not a token');
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.locator('#token[aria-invalid="true"]').waitFor();

    expect(await page.locator('#token-error').textContent()).toContain('这不是有效的访问令牌');
    expect((await storage(page)).session).toEqual({});
    await page.context().close();
  });

  it('forgets a token the API refuses and asks for another', async () => {
    const { page } = await openPage(world.browser);
    const [header, payload] = world.entity.token.split('.');
    const forged = `${header}.${payload}.${'A'.repeat(86)}`;

    await page.goto(`${world.service.url}/account`);
    await page.getByLabel('访问令牌').fill(forged);
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.getByText('登录已失效或令牌无效，请重新登录。').waitFor();

    expect((await storage(page)).session).toEqual({});
    expect(await page.getByLabel('访问令牌').isVisible()).toBe(true);
    await page.context().close();
  });
});

describe('退出登录', () => {
  it('forgets the token: nothing of it is left in sessionStorage or localStorage, even after a reload', async () => {
    const { page } = await openPage(world.browser);
    await signIn(page, world.service.url, world.entity.token);

    await page.getByRole('button', { name: '退出登录' }).click();
    await page.getByLabel('访问令牌').waitFor();
    const after = await storage(page);
    await page.reload();
    await page.getByLabel('访问令牌').waitFor();
    const reloaded = await storage(page);

    for (const kept of [after, reloaded]) {
      expect(JSON.stringify(kept)).not.toContain(world.entity.token);
      expect(kept).toEqual({ session: {}, local: {}, cookie: '' });
    }
    expect(await page.locator('#session').isHidden()).toBe(true);
    await page.context().close();
  });
});

describe('the hosted sign-in (cognito mode, as deployed)', () => {
  it('signs in with the authorization code and PKCE (S256), keeps only the id token, and signs out at the hosted UI', async () => {
    const { page } = await openPage(world.browser);
    const domain = 'auth.example.test';
    const redirectUri = `${world.service.url}/`;
    const auth = { mode: 'cognito', domain, clientId: 'web-client', redirectUri };
    const seen: { authorize?: URL; token?: URLSearchParams; logout?: URL } = {};
    // The deploy's /config.json, and Cognito's three endpoints, played here.
    await page.route(
      (url) => url.pathname === '/config.json',
      (route) => route.fulfill({ json: { apiBaseUrl: '', auth } }),
    );
    await page.route(`https://${domain}/**`, (route: Route) => {
      const url = new URL(route.request().url());
      if (url.pathname === '/oauth2/authorize') {
        seen.authorize = url;
        const back = `${redirectUri}?code=the-code&state=${url.searchParams.get('state')}`;
        return route.fulfill({ status: 302, headers: { location: back } });
      }
      if (url.pathname === '/oauth2/token') {
        seen.token = new URLSearchParams(route.request().postData() ?? '');
        return route.fulfill({
          json: {
            id_token: world.entity.token,
            access_token: 'access',
            refresh_token: 'refresh',
            expires_in: 3600,
          },
          headers: { 'access-control-allow-origin': '*' },
        });
      }
      seen.logout = url;
      return route.fulfill({ status: 302, headers: { location: url.searchParams.get('logout_uri') ?? '/' } });
    });

    await page.goto(`${world.service.url}/account`);
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.getByRole('heading', { name: '当前登录' }).waitFor();
    const kept = await storage(page);
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.waitForURL(redirectUri);
    const after = await storage(page);

    const verifier = seen.token?.get('code_verifier') ?? '';
    expect(Object.fromEntries(seen.authorize?.searchParams ?? [])).toMatchObject({
      response_type: 'code',
      client_id: 'web-client',
      redirect_uri: redirectUri,
      scope: 'openid',
      code_challenge_method: 'S256',
      code_challenge: createHash('sha256').update(verifier).digest('base64url'),
    });
    expect(verifier).toMatch(/^[\w-]{43}$/);
    expect(Object.fromEntries(seen.token ?? [])).toMatchObject({
      grant_type: 'authorization_code',
      client_id: 'web-client',
      code: 'the-code',
      redirect_uri: redirectUri,
    });
    expect(kept).toEqual({ session: { 'disclosure.token': world.entity.token }, local: {}, cookie: '' });
    expect(Object.fromEntries(seen.logout?.searchParams ?? [])).toEqual({
      client_id: 'web-client',
      logout_uri: redirectUri,
    });
    expect(after).toEqual({ session: {}, local: {}, cookie: '' });
    await page.context().close();
  });
});
