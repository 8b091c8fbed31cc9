import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pageNames, stampPage, WEB_DIR } from '../../scripts/generate-web-pages.ts';
import { WEB_WORDS_FILE, webWords } from '../../scripts/generate-web-words.ts';
import { RECORD_KINDS } from '../../shared/domain/records/vocabulary.ts';

const AGAIN = 'run npm run web:words after changing the domain’s words or the pages’ shared parts';

describe('the website’s generated parts', () => {
  it(`web/js/words.js holds the domain’s words as they are now (${AGAIN})`, () => {
    expect(readFileSync(WEB_WORDS_FILE, 'utf8'), AGAIN).toBe(webWords());
  });

  it.each(pageNames())(`%s carries the header, footer and word lists stamped now (${AGAIN})`, (page) => {
    const html = readFileSync(join(WEB_DIR, page), 'utf8');
    expect(html, AGAIN).toBe(stampPage(page, html));
  });

  it('marks each page’s own link in the navigation, and only that one', () => {
    const current = (page: string) =>
      [
        ...stampPage(page, readFileSync(join(WEB_DIR, page), 'utf8')).matchAll(
          /href="([^"]*)" aria-current="page"/g,
        ),
      ].map((m) => m[1]);
    expect(current('index.html')).toEqual(['./']);
    expect(current('stats.html')).toEqual(['stats.html']);
    expect(current('record.html')).toEqual([]);
  });

  it('stamps a block afresh and refuses a page without its header', () => {
    const page =
      '<body>\n  <!-- site-header -->\n  stale\n  <!-- /site-header -->\n  <!-- site-footer -->\n  <!-- /site-footer -->\n</body>\n';
    const stamped = stampPage('docs.html', page);
    expect(stamped).not.toContain('stale');
    expect(stamped).toContain('\n  <a class="skip-link" href="#main">跳到主要内容</a>\n');
    expect(stamped).toContain('<li><a href="docs.html" aria-current="page">接口文档</a></li>');
    expect(stampPage('docs.html', stamped)).toBe(stamped);
    expect(() => stampPage('new.html', '<body></body>')).toThrow(/new\.html lacks the <!-- site-header -->/);
  });

  it('offers every kind in the search form, after 全部类别', () => {
    const html = readFileSync(join(WEB_DIR, 'index.html'), 'utf8');
    const values = [...html.matchAll(/<option value="([^"]*)">/g)].map((m) => m[1]);
    expect(values).toEqual(['', ...RECORD_KINDS]);
  });
});
