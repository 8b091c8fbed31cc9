import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { type Browser, type BrowserContextOptions, chromium, type Page } from 'playwright-core';

/*
 * Real headless Chromium for the website's tests, driven by playwright-core (nothing is ever
 * downloaded; there is no Playwright browser build here): Debian's `chromium` package when it
 * is installed, otherwise the headless Chromium inside the @sparticuz/chromium npm package,
 * unpacked from node_modules into the temporary folder on first use. Plus screenshots under
 * test-results/ (git-ignored) and the axe-core accessibility check.
 */

const SYSTEM_CHROMIUM = '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Which Chromium runs: BROWSER_EXECUTABLE=bundled forces the npm package's (to prove the
 * fallback on a machine that has Debian's), =<path> names another binary; unset, Debian's
 * when present, else the bundled one. The bundled build reads the machine's fonts through
 * its fontconfig (it sets FONTCONFIG_PATH only on Amazon Linux), so Chinese text renders
 * with whatever CJK font the machine has (Debian: fonts-noto-cjk); the tests read the DOM
 * and the accessibility tree, which do not depend on glyphs.
 */
export async function chromiumExecutable(choice = process.env.BROWSER_EXECUTABLE ?? ''): Promise<string> {
  if (choice !== '' && choice !== 'bundled') return choice;
  if (choice === '' && existsSync(SYSTEM_CHROMIUM)) return SYSTEM_CHROMIUM;
  const { default: bundled } = await import('@sparticuz/chromium');
  return bundled.executablePath();
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: await chromiumExecutable(), args: ARGS });
}

export const DESKTOP = { width: 1280, height: 900 };
export const PHONE = { width: 390, height: 844 };

/** What went wrong inside a page: uncaught errors and CSP refusals (from the console). */
export interface PageTrouble {
  readonly errors: string[];
}

/**
 * A page in a fresh context (its own sessionStorage), as a reader in China would have it:
 * Chinese locale, Asia/Shanghai. Uncaught errors and CSP violations are collected so a test
 * can assert there were none.
 */
export async function openPage(
  browser: Browser,
  options: BrowserContextOptions = {},
): Promise<{ page: Page; trouble: PageTrouble }> {
  const context = await browser.newContext({
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: DESKTOP,
    ...options,
  });
  const page = await context.newPage();
  page.setDefaultTimeout(30_000); // generous: the machine may be busy with other test runs
  const trouble: PageTrouble = { errors: [] };
  page.on('pageerror', (error) => trouble.errors.push(`uncaught: ${error.message}`));
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) trouble.errors.push(`CSP: ${message.text()}`);
  });
  return { page, trouble };
}

export const SCREENSHOTS = resolve(import.meta.dirname, '../../test-results/screenshots');

/**
 * A PNG at test-results/screenshots/<name>.png, of the whole page unless `fullPage` is false
 * (for very long pages, whose full capture costs more than it shows); answers its path.
 */
export async function screenshot(page: Page, name: string, { fullPage = true } = {}): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage, timeout: 45_000 });
  return path;
}

/** Every impact axe knows: the site's pages must have no violation of any of them. */
export const ANY_IMPACT: readonly string[] = ['minor', 'moderate', 'serious', 'critical'];

export interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly targets: string[];
}

const require = createRequire(import.meta.url);
let axeSource: string | undefined;

/**
 * Runs axe-core on the page as it is now and answers the violations of the given impacts.
 * axe is evaluated from its source text rather than added with addScriptTag({ path }):
 * that would insert an inline <script>, which the site's CSP (script-src 'self') refuses.
 * Evaluation through the DevTools protocol is not subject to the page's CSP, so the site is
 * checked with its real policy in force.
 */
export async function axeViolations(
  page: Page,
  impacts: readonly string[] = ['serious', 'critical'],
): Promise<AxeViolation[]> {
  axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  if (!(await page.evaluate<boolean>('typeof window.axe === "object"'))) await page.evaluate(axeSource);
  const violations = await page.evaluate<AxeViolation[]>(`
    axe.run(document, { resultTypes: ['violations'] }).then((result) =>
      result.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        targets: v.nodes.map((n) => n.target.join(' ')),
      })),
    )`);
  return violations.filter((v) => impacts.includes(v.impact ?? ''));
}

/** Violations as lines a failing assertion prints. */
export function describeViolations(violations: readonly AxeViolation[]): string {
  return violations.map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.targets.join(', ')}`).join('\n');
}
