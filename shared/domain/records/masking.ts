/**
 * Personal data in free text. Fields that are personal by definition (ID numbers, the
 * legal representative) never reach the public view at all (see public-view.ts); this catches
 * what an agency typed into facts, content or remarks. Over-masking a long number is the
 * accepted price: a public page may lose a business number, never a person's ID.
 */

export const MASK = '［已隐去］';

const PATTERNS: readonly RegExp[] = [
  /(?<![\dA-Za-z])\d{17}[\dXx](?![\dA-Za-z])/g, // 居民身份证号码
  /(?<!\d)\d{15,19}(?!\d)/g, // old 15-digit ID numbers, bank card numbers
  /(?<!\d)(?:\+?86[-\s]?)?1[3-9]\d{9}(?!\d)/g, // mobile numbers
  /(?<!\d)0\d{2,3}[-\s]?\d{7,8}(?!\d)/g, // landlines with area code
  /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, // e-mail addresses
];

export function scrubText(text: string): string {
  return PATTERNS.reduce((out, pattern) => out.replace(pattern, MASK), text);
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
