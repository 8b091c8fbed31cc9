import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { serveStatic } from '../../../local/static-files.ts';
import { DEFAULT_SITE, renderSite, siteFrom } from '../../../shared/site/site-config.ts';

describe('the district as configuration', () => {
  it('takes each setting from the environment, the default for the rest', () => {
    expect(siteFrom({ SITE_NAME: ' 莱芜区信用信息公示 ' })).toEqual({
      ...DEFAULT_SITE,
      name: '莱芜区信用信息公示',
    });
    expect(siteFrom({})).toEqual(DEFAULT_SITE);
    expect(() => siteFrom({ SITE_LEGAL_NOTICE: '长'.repeat(201) })).toThrow(/SITE_LEGAL_NOTICE/);
  });

  it('renders a page with the name, contact and notice, escaped', () => {
    const page =
      '<title>搜索 - 济阳区信用信息公示</title><p data-site="office-contact">联系：x</p><p data-site="legal-notice">y</p>';

    expect(renderSite(page, { name: 'A<区>', officeContact: '办公室 & 电话', legalNotice: '声明' })).toBe(
      '<title>搜索 - A&lt;区&gt;</title><p data-site="office-contact">联系：办公室 &amp; 电话</p><p data-site="legal-notice">声明</p>',
    );
  });

  it('is what the local server serves, over real HTTP', async () => {
    const district = {
      name: '莱芜区信用信息公示',
      officeContact: '莱芜区信用办',
      legalNotice: '莱芜区的声明',
    };
    const server = createServer((request, response) => {
      if (!serveStatic(request, response, {}, district)) response.writeHead(500).end();
    }).listen(0, '127.0.0.1');
    await once(server, 'listening');
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const index = await (await fetch(`${base}/index.html`)).text();
      const missing = await fetch(`${base}/missing.html`);
      const missingText = await missing.text();

      expect(index).toContain('<title>');
      expect(index).toContain('莱芜区信用信息公示');
      expect(index).toContain('联系：莱芜区信用办');
      expect(index).toContain('莱芜区的声明');
      expect(index).not.toContain('济阳区信用信息公示');
      expect(missing.status).toBe(404);
      expect(missingText).toContain('莱芜区信用信息公示');
    } finally {
      server.close();
    }
  });
});
