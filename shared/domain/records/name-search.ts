/**
 * Name search without a table scan: each published record is indexed under every distinct
 * two-character piece (bigram) of its subject's name, so `腾讯` finds
 * `深圳市腾讯计算机系统有限公司`. A query looks up one of its own bigrams and keeps the names
 * that contain the whole query.
 */

/**
 * Bigrams indexed per name: names up to 81 characters are searchable by any part. With the
 * record's other items, publishing still fits one transaction (100 items); a correction that
 * renames such a record is written in two steps (see use-cases.ts).
 */
export const MAX_NAME_BIGRAMS = 80;
export const MIN_QUERY_CHARACTERS = 2;

/** The form names are compared in: NFKC (full-width → half-width), lower case, no spaces. */
export function nameKey(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}

/** Distinct bigrams of a name, in order, by code point (so 4-byte characters stay whole). */
export function nameBigrams(name: string): string[] {
  const chars = Array.from(nameKey(name));
  const out = new Set<string>();
  for (let i = 0; i + 1 < chars.length && out.size < MAX_NAME_BIGRAMS; i++)
    out.add(`${chars[i]}${chars[i + 1]}`);
  return [...out];
}

// Pieces nearly every company name has; looking one up would read half the index.
const COMMON = new Set([
  '有限',
  '限公',
  '公司',
  '责任',
  '任公',
  '股份',
  '份有',
  '集团',
  '团有',
  '科技',
  '技有',
  '分公',
  '商行',
  '经营',
  '营部',
]);

/** The bigram of a query to look up: the first that is not one of the most common pieces. */
export function lookupBigram(query: string): string | undefined {
  const bigrams = nameBigrams(query);
  return bigrams.find((b) => !COMMON.has(b)) ?? bigrams[0];
}
