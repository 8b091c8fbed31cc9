import { describe, expect, it } from '../support/e2e.ts';
import { call, expectProblem } from '../support/http.ts';

/*
 * A person who mistypes an address of the site gets a Chinese page with the site's header,
 * never raw JSON; the API under /v1/ keeps answering problem+json.
 */

describe('an address with no page', () => {
  it.for(['/nonexistent.html', '/a/b/missing', '/records/rec_123'])(
    '%s answers the Chinese 404 page, whose links start at the root',
    async (path, { service }) => {
      const answer = await fetch(`${service.url}${path}`);
      const html = await answer.text();

      expect(answer.status).toBe(404);
      expect(answer.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(answer.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(html).toContain('<html lang="zh-CN">');
      expect(html).toContain('<h1>页面不存在</h1>');
      expect(html).toContain('<header class="site-header">');
      expect(html).toContain('href="/css/site.css"');
      expect(html).not.toMatch(/href="(?!\/|#|data:)/);
    },
  );

  it('answers a form sent to a page with a Chinese 405 page', async ({ service }) => {
    const answer = await fetch(`${service.url}/index.html`, { method: 'POST', body: 'q=1' });

    expect(answer.status).toBe(405);
    expect(answer.headers.get('allow')).toBe('GET, HEAD');
    expect(await answer.text()).toContain('<h1>不支持该操作</h1>');
  });

  it('leaves the API its problem+json', async ({ service }) => {
    expectProblem(await call(service.url, 'GET', '/v1/nonexistent'), 404, 'not_found');
  });
});
