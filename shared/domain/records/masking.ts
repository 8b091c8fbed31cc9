/**
 * Personal data in free text. Fields that are personal by definition (ID numbers, the
 * legal representative) never reach the public view at all (see public-view.ts); this catches
 * what an agency typed into facts, content or remarks. Over-masking a long number is the
 * accepted price: a public page may lose a business number, never a person's ID.
 */

export const MASK = '［已隐去］';

// A separator people type inside long numbers: space, hyphen, dot (half- or full-width).
const SEP = '[\\s\\-.－—]?';
const D = '\\d';

const PATTERNS: readonly RegExp[] = [
  // 居民身份证号码, also written 6-8-4 with spaces or hyphens
  new RegExp(`(?<![\\dA-Za-z])${D}{6}${SEP}${D}{8}${SEP}${D}{3}[\\dXx](?![\\dA-Za-z])`, 'g'),
  // bank card numbers in groups of four
  new RegExp(`(?<!\\d)${D}{4}(?:[\\s\\-]${D}{4}){3}(?:[\\s\\-]${D}{1,4})?(?!\\d)`, 'g'),
  // old 15-digit ID numbers, bank card numbers written together
  /(?<!\d)\d{15,19}(?!\d)/g,
  // mobile numbers, also 3-4-4 with separators and +86
  new RegExp(`(?<!\\d)(?:\\+?86${SEP})?1[3-9]${D}${SEP}${D}{4}${SEP}${D}{4}(?!\\d)`, 'g'),
  // landlines with area code: 0531-88886666, (0531)88886666
  /(?<!\d)(?:\(0\d{2,3}\)|0\d{2,3})[-\s]?\d{7,8}(?!\d)/g,
  // e-mail addresses
  /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g,
];

/**
 * Full-width digits, letters and number signs as ASCII (１３８ → 138), one UTF-16 unit for
 * one, so a match found in the converted copy sits at the same place in the original.
 */
function halfWidth(text: string): string {
  return text.replace(/[\uFF08\uFF09\uFF0B\uFF0D\uFF10-\uFF19\uFF20-\uFF3A\uFF41-\uFF5A]/g, (c) =>
    String.fromCharCode(c.charCodeAt(0) - 0xfee0),
  );
}

/** The text with personal numbers and e-mail addresses masked; everything else as written. */
export function scrubText(text: string): string {
  const probe = halfWidth(text);
  const spans: [number, number][] = [];
  for (const pattern of PATTERNS) {
    for (const match of probe.matchAll(pattern)) spans.push([match.index, match.index + match[0].length]);
  }
  if (spans.length === 0) return text;
  spans.sort((a, b) => a[0] - b[0]);
  let out = '';
  let at = 0;
  for (const [start, end] of spans) {
    if (end <= at) continue;
    out += text.slice(at, Math.max(at, start)) + (start >= at ? MASK : '');
    at = end;
  }
  return out + text.slice(at);
}

/** Every string inside `value` scrubbed, at any depth; other values untouched. */
export function scrubDeep<T>(value: T): T {
  if (typeof value === 'string') return scrubText(value) as T;
  if (Array.isArray(value)) return value.map(scrubDeep) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrubDeep(v)])) as T;
  }
  return value;
}
