/**
 * The parts the pages of web/ share, written once here and stamped into each page between
 * marker comments by `npm run web:words`: the skip link, header and navigation (the page's own
 * link marked aria-current), the footer, and the <option>s of the selects that list a
 * vocabulary. The pages stay static files that work without JavaScript; a unit test fails
 * when a page differs from what this stamps.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { MATTER_TYPE_LABELS } from '../shared/domain/lists/measures.ts';
import { LIST_TYPE_LABELS } from '../shared/domain/lists/vocabulary.ts';
import { OBJECTION_REASON_LABELS } from '../shared/domain/objections/vocabulary.ts';
import { TIME_LIMITS } from '../shared/domain/policy/time-limits.ts';
import { KIND_LABELS } from '../shared/domain/records/vocabulary.ts';
import { DEFAULT_SITE } from '../shared/site/site-config.ts';

export const WEB_DIR = resolve(import.meta.dirname, '../web');

/** The pages of the website: every .html file of web/, by name. */
export const pageNames = (): string[] =>
  readdirSync(WEB_DIR)
    .filter((name) => name.endsWith('.html'))
    .sort();

/** The main navigation: where each link goes and the page it stands for. */
const NAV = [
  { href: './', page: 'index.html', text: '搜索' },
  { href: 'stats.html', page: 'stats.html', text: '时效统计' },
  { href: 'account.html', page: 'account.html', text: '我的' },
  { href: 'workbench.html', page: 'workbench.html', text: '工作台' },
  { href: 'docs.html', page: 'docs.html', text: '接口文档' },
] as const;

/**
 * The secondary navigation of the staff pages: the agency's workbench and the credit office's
 * pages. Each staff page carries a `staff-nav` block; a link may name a page not written yet.
 */
const STAFF_NAVS = [
  {
    label: '工作台导航',
    links: [
      { page: 'workbench.html', text: '工作台首页' },
      { page: 'workbench-record.html', text: '登记公示' },
      { page: 'workbench-upload.html', text: '批量导入' },
      { page: 'workbench-objections.html', text: '异议处理' },
      { page: 'workbench-repairs.html', text: '信用修复' },
      { page: 'workbench-lists.html', text: '信用名单' },
      { page: 'workbench-checks.html', text: '信用核查' },
      { page: 'workbench-commitments.html', text: '信用承诺' },
    ],
  },
  {
    label: '信用管理部门导航',
    links: [
      { page: 'office.html', text: '日历' },
      { page: 'office-oversight.html', text: '监督' },
      { page: 'office-agencies.html', text: '机关名录' },
    ],
  },
] as const;

const staffNavOf = (page: string) => STAFF_NAVS.find((nav) => nav.links.some((l) => l.page === page));

/** The staff pages: those of a secondary navigation. They must carry its block. */
export const isStaffPage = (page: string) => staffNavOf(page) !== undefined;

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function header(page: string): string[] {
  const links = NAV.map(({ href, page: own, text }) => {
    // On every staff page 工作台 is the section the user is in; the staff nav marks the page.
    const current =
      own === 'workbench.html' && isStaffPage(page)
        ? ' aria-current="true"'
        : own === page
          ? ' aria-current="page"'
          : '';
    return `        <li><a href="${href}"${current}>${text}</a></li>`;
  });
  return [
    '<a class="skip-link" href="#main">跳到主要内容</a>',
    '<header class="site-header">',
    '  <div class="wrap">',
    '    <a class="brand" href="./">济阳区信用信息公示<small>行政行为公示与异议服务</small></a>',
    '    <nav class="site-nav" aria-label="主导航">',
    '      <ul>',
    ...links,
    '      </ul>',
    '    </nav>',
    '  </div>',
    '</header>',
  ];
}

// The time limits come from the policy table, so the footer says what the timers enforce.
const { disclosure, objection, objectionWithOtherUnit } = TIME_LIMITS;
const FOOTER = [
  '<footer class="site-footer">',
  '  <div class="wrap">',
  `    <p>行政许可、行政处罚等行政行为自作出决定之日起 ${disclosure.value} 个工作日内公示。自然人信息依《山东省社会信用条例》不予公开。</p>`,
  `    <p>对公示信息有异议的，可在“我的”中提出异议；决定机关自收到之日起 ${objection.value} 个工作日内处理（需其他单位协助核实的 ${objectionWithOtherUnit.value} 个工作日）。</p>`,
  '    <p><a href="docs.html">接口文档（OpenAPI）</a> · <a href="stats.html">公示时效统计</a> · <a href="verify.html">文书核验</a> · <a href="repair-guide.html">信用修复指引</a> · <a href="open-data.html">开放数据</a> · <a href="lists.html">信用名单</a></p>',
  // The district's own words (shared/site/site-config.ts): stamped with the defaults, replaced
  // as the site is served or deployed.
  `    <p data-site="office-contact">联系：${DEFAULT_SITE.officeContact}</p>`,
  `    <p data-site="legal-notice">${DEFAULT_SITE.legalNotice}</p>`,
  '  </div>',
  '</footer>',
];

function staffNav(page: string): string[] {
  const nav = staffNavOf(page);
  if (!nav) return [];
  const links = nav.links.map(({ page: own, text }) => {
    const current = own === page ? ' aria-current="page"' : '';
    return `    <li><a href="${own}"${current}>${text}</a></li>`;
  });
  return [`<nav class="staff-nav" aria-label="${nav.label}">`, '  <ul>', ...links, '  </ul>', '</nav>'];
}

const options = (labels: Readonly<Record<string, string>>): string[] =>
  Object.entries(labels).map(
    ([code, label]) => `<option value="${escapeHtml(code)}">${escapeHtml(label)}</option>`,
  );

/** Every block a page may hold: its marker name, whether every page must have it, its lines. */
const BLOCKS: readonly { name: string; everyPage: boolean; lines: (page: string) => string[] }[] = [
  { name: 'site-header', everyPage: true, lines: header },
  { name: 'site-footer', everyPage: true, lines: () => FOOTER },
  { name: 'staff-nav', everyPage: false, lines: staffNav },
  { name: 'kind-options', everyPage: false, lines: () => options(KIND_LABELS) },
  { name: 'objection-reason-options', everyPage: false, lines: () => options(OBJECTION_REASON_LABELS) },
  { name: 'list-type-options', everyPage: false, lines: () => options(LIST_TYPE_LABELS) },
  { name: 'matter-type-options', everyPage: false, lines: () => options(MATTER_TYPE_LABELS) },
];

/**
 * Replaces what stands between `<!-- name -->` and `<!-- /name -->` (each on a line of its
 * own) with the block's lines, indented as the opening marker is.
 */
function stampBlock(page: string, html: string, name: string, lines: readonly string[]): string {
  const block = new RegExp(`^([ \\t]*)<!-- ${name} -->\\n(?:[^]*?\\n)?[ \\t]*<!-- /${name} -->$`, 'gm');
  const found = [...html.matchAll(block)];
  if (found.length !== 1) throw new Error(`${page} must have one <!-- ${name} --> … <!-- /${name} --> block`);
  const indent = found[0]?.[1] ?? '';
  const text = [`<!-- ${name} -->`, ...lines, `<!-- /${name} -->`].map((line) => indent + line).join('\n');
  return html.replace(block, () => text);
}

const hasBlock = (html: string, name: string) => new RegExp(`^[ \\t]*<!-- ${name} -->$`, 'm').test(html);

/** A staff page written without the staff-nav markers gets them right after its header. */
const withStaffNavMarkers = (html: string) =>
  html.replace(
    /^([ \t]*)<!-- \/site-header -->$/m,
    (line, indent: string) => `${line}\n${indent}<!-- staff-nav -->\n${indent}<!-- /staff-nav -->`,
  );

/**
 * Pages answered at any address (the 404 page: /a/b/missing.html gets it too), whose links
 * must therefore start at the site's root; every other page links relative to itself.
 */
const ROOTED_PAGES: ReadonlySet<string> = new Set(['404.html']);

/** `href="stats.html"` → `href="/stats.html"`, `href="./"` → `href="/"`; anchors and URLs stay. */
const rooted = (lines: readonly string[]) =>
  lines.map((line) =>
    line.replace(/href="(?!#|\/|[a-z]+:)(\.\/)?([^"]*)"/g, (_m, _dot, rest: string) => `href="/${rest}"`),
  );

/** A page as it should be: `html` with every block it holds stamped afresh. */
export function stampPage(page: string, html: string): string {
  let out = html;
  for (const { name, everyPage, lines: own } of BLOCKS) {
    const lines = ROOTED_PAGES.has(page) ? (p: string) => rooted(own(p)) : own;
    if (name === 'staff-nav' && isStaffPage(page) && !hasBlock(out, name)) out = withStaffNavMarkers(out);
    if (!hasBlock(out, name)) {
      if (everyPage) throw new Error(`${page} lacks the <!-- ${name} --> … <!-- /${name} --> block`);
      continue;
    }
    out = stampBlock(page, out, name, lines(page));
  }
  return out;
}

/** Stamps every page of web/ and names the files that changed. */
export function stampAllPages(): string[] {
  const changed: string[] = [];
  for (const page of pageNames()) {
    const file = join(WEB_DIR, page);
    const html = readFileSync(file, 'utf8');
    const stamped = stampPage(page, html);
    if (stamped !== html) {
      writeFileSync(file, stamped);
      changed.push(file);
    }
  }
  return changed;
}
