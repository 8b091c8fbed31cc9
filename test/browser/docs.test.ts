import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPage } from '../support/browser.ts';
import { call } from '../support/http.ts';
import { type SiteWorld, siteWorld } from './site-world.ts';

/* /docs renders every route of the served OpenAPI document. */

let world: SiteWorld;
let page: Page;
let expected: string[];

const METHODS = ['get', 'put', 'post', 'delete', 'patch'];

beforeAll(async () => {
  world = await siteWorld();
  const document = (await call(world.service.url, 'GET', '/v1/openapi.json')).json as {
    paths: Record<string, Record<string, unknown>>;
  };
  expected = Object.entries(document.paths).flatMap(([path, item]) =>
    Object.keys(item)
      .filter((method) => METHODS.includes(method))
      .map((method) => `${method.toUpperCase()} ${path}`),
  );
  ({ page } = await openPage(world.browser));
  const response = await page.goto(`${world.service.url}/docs`);
  if (response?.status() !== 200) throw new Error(`/docs answered ${response?.status()}`);
  await page.locator('article.operation').first().waitFor();
});
afterAll(() => world.stop());

const operation = (key: string) => page.locator(`article.operation[data-operation="${key}"]`);

describe('/docs', () => {
  it('shows as many operations as /v1/openapi.json has, each headed "METHOD path"', async () => {
    const headings = await page.locator('article.operation h3').allTextContents();
    // biome-ignore lint/performance/useDomNodeTextContent: the text as rendered is what a reader sees
    const text = await page.locator('main').innerText();

    expect(expected.length).toBeGreaterThan(20);
    expect(headings).toHaveLength(expected.length);
    expect([...headings].sort()).toEqual([...expected].sort());
    expect(expected.filter((route) => !text.includes(route))).toEqual([]);
  });

  it('gives an operation its Chinese and English summary, its callers, parameters and response codes', async () => {
    const search = (await operation('GET /v1/disclosures').textContent()) ?? '';
    const objection = (await operation('POST /v1/objections').textContent()) ?? '';

    expect(search).toContain('检索公示信息');
    expect(search).toContain('Search published records');
    expect(search).toContain('任何人（无需登录）');
    expect(search).toMatch(/name\s*查询\s*否\s*行政相对人名称中的任意部分/);
    expect(search).toMatch(/400\s*请求无效/);
    expect(objection).toContain('对本主体（企业或自然人本人）已公示的记录提出异议');
    expect(objection).toContain('行政相对人（entity）、自然人（person），须携带 Bearer 令牌');
    expect(objection).toContain('application/json');
    expect(objection).toMatch(/201\s*对本主体（企业或自然人本人）已公示的记录提出异议/);
    expect(objection).toContain('Idempotency-Key');
  });

  it('groups the operations by tag, with a link to each group', async () => {
    const objections = await page.locator('#tag-objections article.operation h3').allTextContents();
    const toc = await page.getByRole('navigation', { name: '接口分组' }).getByRole('link').allTextContents();

    expect(objections).toContain('POST /v1/objections');
    expect(objections).toContain('POST /v1/objections/{id}/decision');
    expect(toc).toContain('异议（objections）');
    expect(toc).toContain('数据结构');
  });

  it('shows the schemas collapsed, writing each out when it is opened', async () => {
    const schemas = page.locator('#schemas details');
    const first = schemas.first();

    const open = await first.getAttribute('open');
    await first.locator('summary').click();
    await first.locator('pre').waitFor();

    expect(await schemas.count()).toBeGreaterThan(5);
    expect(open).toBeNull();
    expect(await first.locator('pre').textContent()).toContain('"type"');
  });
});
