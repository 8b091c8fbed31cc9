import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { woffToSfnt } from './woff.ts';

/*
 * The one font of the reports: Noto Sans SC (SIL OFL), the whole simplified-Chinese file of
 * @fontsource/noto-sans-sc. pdfkit embeds only the glyphs a report uses. In a Lambda bundle
 * the file sits beside the code (infra/service-function.ts copies it, REPORT_FONT_FILE);
 * from the repository it is read from node_modules.
 */

export const REPORT_FONT_FILE = 'noto-sans-sc-chinese-simplified-400-normal.woff';
const PACKAGE_PATH = `@fontsource/noto-sans-sc/files/${REPORT_FONT_FILE}`;

let cached: Buffer | undefined;

export function reportFont(): Buffer {
  if (cached) return cached;
  const beside = fileURLToPath(new URL(`./${REPORT_FONT_FILE}`, import.meta.url));
  const path = existsSync(beside) ? beside : createRequire(import.meta.url).resolve(PACKAGE_PATH);
  cached = woffToSfnt(readFileSync(path));
  return cached;
}
