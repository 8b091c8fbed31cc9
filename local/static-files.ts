import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { DEFAULT_SITE, renderSite, type SiteConfig } from '../shared/site/site-config.ts';

/** The public website, served beside the API as CloudFront serves it on AWS. */
export const WEB_ROOT = resolve(import.meta.dirname, '../web');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/** The same security headers the CloudFront response policy sets (infra/website.ts). */
export const WEB_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self' https:; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
};

/** A page path without extension maps to its .html file: /docs → docs.html, / → index.html. */
function fileFor(pathname: string): string | undefined {
  let path: string;
  try {
    path = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  const relative = normalize(path === '/' ? '/index.html' : path).replace(/^[/\\]+/, '');
  const candidates = [relative, `${relative}.html`, join(relative, 'index.html')];
  for (const candidate of candidates) {
    const file = resolve(WEB_ROOT, candidate);
    if (!file.startsWith(WEB_ROOT + sep)) return undefined; // no way out of web/
    if (existsSync(file) && statSync(file).isFile()) return file;
  }
  return undefined;
}

/** The page a browser gets for an address of the site that has none (CloudFront: infra/website.ts). */
export const NOT_FOUND_PAGE = '404.html';

/**
 * Serves a file of web/ for a GET or HEAD outside the API (/v1/…) and the local tools
 * (/local/…); any other address of the site gets the Chinese 404 page, and another method
 * a Chinese 405 page: a person never lands on raw JSON. Answers whether it answered.
 * `config` is the site's runtime configuration, written as /config.json (on AWS the deploy
 * writes it next to the files).
 */
export function serveStatic(
  request: IncomingMessage,
  response: ServerResponse,
  config: Record<string, unknown>,
  district: SiteConfig = DEFAULT_SITE,
): boolean {
  const method = request.method ?? 'GET';
  const { pathname } = new URL(request.url ?? '/', 'http://localhost');
  if (pathname.startsWith('/v1/') || pathname === '/v1' || pathname.startsWith('/local/')) return false;
  if (method !== 'GET' && method !== 'HEAD') {
    sendNotFoundPage(response, method, 405, district, { allow: 'GET, HEAD' });
    return true;
  }
  if (pathname === '/config.json') {
    response.writeHead(200, {
      'content-type': TYPES['.json'] ?? '',
      'cache-control': 'no-store',
      ...WEB_SECURITY_HEADERS,
    });
    response.end(method === 'HEAD' ? undefined : JSON.stringify(config));
    return true;
  }
  const file = fileFor(pathname);
  if (!file) {
    sendNotFoundPage(response, method, 404, district);
    return true;
  }
  response.writeHead(200, {
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    'cache-control': extname(file) === '.html' ? 'no-cache' : 'public, max-age=300',
    ...WEB_SECURITY_HEADERS,
  });
  if (method === 'HEAD') response.end();
  else if (extname(file) === '.html') response.end(renderSite(readFileSync(file, 'utf8'), district));
  else createReadStream(file).pipe(response);
  return true;
}

/**
 * The 404 page with the status it stands for; a 405 says so in its title. The page's links
 * start at the site's root, so it reads the same at any depth.
 */
function sendNotFoundPage(
  response: ServerResponse,
  method: string,
  status: 404 | 405,
  district: SiteConfig,
  headers: Record<string, string> = {},
): void {
  let page = renderSite(readFileSync(resolve(WEB_ROOT, NOT_FOUND_PAGE), 'utf8'), district);
  if (status === 405) {
    page = page
      .replace('<title>页面不存在', '<title>不支持该操作')
      .replace('<h1>页面不存在</h1>', '<h1>不支持该操作</h1>')
      .replace(
        /<p class="lead">[^<]*<\/p>/,
        '<p class="lead">该页面只能浏览，不能以这种方式提交。请返回页面重新操作。</p>',
      );
  }
  response.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-cache',
    ...WEB_SECURITY_HEADERS,
    ...headers,
  });
  response.end(method === 'HEAD' ? undefined : page);
}
