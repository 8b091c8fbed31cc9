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

/**
 * A registered enterprise name leads with its administrative division (企业名称登记管理规定:
 * 行政区划 + 字号 + 行业 + 组织形式), as in `济南市`, `山东省济南市` or `历下区`; thousands of names
 * share it. Two or more characters before the division's suffix, so `鑫市场` is not one.
 */
const DIVISION_PREFIX = /^(?:\p{Script=Han}{2,7}?(?:自治区|自治州|自治县|地区|省|市|区|县|盟|旗))+/u;

/**
 * The bigram of a query to look up: the first after a leading division (the 字号, which tells
 * names apart) that is not one of the most common pieces. Any bigram of the query finds every
 * match, since the names found are then held to the whole query; the choice only decides how
 * many index entries are read on the way.
 */
export function lookupBigram(query: string): string | undefined {
  const key = nameKey(query);
  const division = DIVISION_PREFIX.exec(key)?.[0] ?? '';
  const distinctive = (name: string) => nameBigrams(name).find((b) => !COMMON.has(b));
  return (
    (division ? distinctive(key.slice(division.length)) : undefined) ??
    distinctive(key) ??
    nameBigrams(key)[0]
  );
}
