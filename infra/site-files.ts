import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_SITE, renderSite, type SiteConfig } from '../shared/site/site-config.ts';
import { websiteFiles } from './website.ts';

/**
 * The folder a deployment uploads: web/ itself for the default district; otherwise a copy
 * whose pages carry the district's name, contact and notice (shared/site/site-config.ts) —
 * the same build, configured at deploy time (`-c siteName=… -c siteOfficeContact=…
 * -c siteLegalNotice=…`), as the local server configures it from the environment.
 */
export function siteDirectory(site: SiteConfig = DEFAULT_SITE): string {
  const source = websiteFiles();
  if (site === DEFAULT_SITE) return source;
  const out = mkdtempSync(join(tmpdir(), 'disclosure-site-'));
  cpSync(source, out, { recursive: true });
  for (const entry of readdirSync(out, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.html')) continue;
    const file = join(entry.parentPath, entry.name);
    writeFileSync(file, renderSite(readFileSync(file, 'utf8'), site));
  }
  return out;
}
