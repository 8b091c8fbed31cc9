import { idCardProblem } from '../identifiers/id-card.ts';
import { isUscc } from '../identifiers/uscc.ts';

/**
 * Personal data in free text (docs/masking.md). Fields that are personal by definition (ID
 * numbers, the legal representative) never reach the public view at all (see public-view.ts);
 * this catches what an agency typed into any public text: ID, phone and card numbers, e-mail
 * addresses, and the names and ID numbers of the persons the record itself names.
 *
 * Matching runs on a *probe*: the text normalised character by character (NFKC, any Unicode
 * decimal digit and the Chinese numerals as ASCII digits, invisible characters dropped), each
 * probe character remembering the stretch of the original it came from, so the original span
 * is what gets replaced. Everything is one pass over the text with plain loops: no pattern
 * can backtrack, whatever the input. Over-masking a long number is the accepted price: a
 * public page may lose a business number, never a person's ID.
 */

export const MASK = '［已隐去］';

/** The personal data a record holds: found again wherever its text repeats it, in any form. */
export interface KnownPersonalData {
  readonly names: readonly string[];
  readonly idNumbers: readonly string[];
}

const NOTHING_KNOWN: KnownPersonalData = { names: [], idNumbers: [] };

// ---- The probe --------------------------------------------------------------------------------

/** Chinese numerals as they are used to spell out digits (幺 for 1 in phone numbers). */
const NUMERALS = '〇零一幺壹二两兩贰貳三叁四肆五伍六陆陸七柒八捌九玖';
const NUMERAL_VALUES = '0011122222334455666778899';
const CHINESE_DIGITS = new Map(
  [...NUMERALS].map((c, i) => [c.codePointAt(0) ?? 0, NUMERAL_VALUES.charAt(i)]),
);

const UNICODE_DIGIT = /\p{Nd}/u;
const INVISIBLE = /^[\p{Cf}\p{Mn}]$/u;
const slowForms = new Map<number, string>();

/** A decimal digit of any script: Unicode keeps each script's 0–9 in order, so count from 0. */
function asciiDigit(cp: number): string {
  let zero = cp;
  while (UNICODE_DIGIT.test(String.fromCodePoint(zero - 1))) zero--;
  return String((cp - zero) % 10);
}

/** ASCII, and CJK ideographs other than the numerals, are their own probe form. */
const isPlain = (cp: number) => cp < 0x80 || (cp >= 0x4e00 && cp <= 0x9fff && !CHINESE_DIGITS.has(cp));

function slowForm(cp: number): string {
  let form = slowForms.get(cp);
  if (form !== undefined) return form;
  const c = String.fromCodePoint(cp);
  form = CHINESE_DIGITS.get(cp) ?? '';
  if (!form && !INVISIBLE.test(c)) {
    for (const n of c.normalize('NFKC')) {
      const ncp = n.codePointAt(0) ?? 0;
      form += ncp > 0x7f && UNICODE_DIGIT.test(n) ? asciiDigit(ncp) : (CHINESE_DIGITS.get(ncp) ?? n);
    }
  }
  if (slowForms.size < 10_000) slowForms.set(cp, form);
  return form;
}

interface Probe {
  readonly text: string;
  /** For each probe unit, where the original character it comes from starts. */
  readonly from: readonly number[];
}

function probeOf(text: string): Probe {
  let out = '';
  const from: number[] = [];
  let plainFrom = 0;
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i) ?? 0;
    const width = cp > 0xffff ? 2 : 1;
    if (isPlain(cp)) {
      from.push(i);
    } else {
      out += text.slice(plainFrom, i);
      const form = slowForm(cp);
      for (let k = 0; k < form.length; k++) from.push(i);
      out += form;
      plainFrom = i + width;
    }
    i += width;
  }
  return { text: out + text.slice(plainFrom), from };
}

/** Where, in the original, the character ends that probe unit `at` comes from. */
function endOf(text: string, probe: Probe, at: number): number {
  const start = probe.from[at] ?? 0;
  return start + ((text.codePointAt(start) ?? 0) > 0xffff ? 2 : 1);
}

// ---- Numbers --------------------------------------------------------------------------------

/** What people type inside a long number (after NFKC: full-width forms are ASCII here). */
const SEPARATORS = new Set([...' \t\n\r\u00a0-_/\\.()·・•‧‐‑‒–—―−ー']);
/** At most this many separators in a row still join two digit groups into one number. */
const MAX_GAP = 3;

const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
const isLetter = (c: string | undefined) =>
  c !== undefined && ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'));

const MOBILE = /^(?:(?:00)?86)?1[3-9]\d{9}$/;
const MOBILE_INSIDE = /1[3-9]\d{9}/;
/** A landline with its area code, national (0531…) or international (86 531…), any extension. */
const LANDLINE = /^(?:0|(?:00)?86)[1-9]\d{9}/;

function isDate(y: number, m: number, d: number): boolean {
  return y >= 1850 && y <= 2199 && m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

/** 居民身份证号码 by its shape (GB 11643): region, birth date; the check character may be mistyped. */
function isIdNumber(d: string): boolean {
  if (d.length === 18)
    return /^[1-8]\d{16}[\dX]$/.test(d) && isDate(+d.slice(6, 10), +d.slice(10, 12), +d.slice(12, 14));
  if (d.length === 15)
    return /^[1-8]\d{14}$/.test(d) && isDate(1900 + +d.slice(6, 8), +d.slice(8, 10), +d.slice(10, 12));
  return false;
}

/** Groups that are dates and nothing else: 2026-03-05, 2026.03.05-2031.03.04, 20260305-20310304. */
function isDateRun(groups: readonly string[]): boolean {
  for (let g = 0; g < groups.length; ) {
    const a = groups[g] ?? '';
    const [m, d] = [groups[g + 1] ?? '', groups[g + 2] ?? ''];
    if (a.length === 8 && isDate(+a.slice(0, 4), +a.slice(4, 6), +a.slice(6))) g += 1;
    else if (a.length === 4 && m.length <= 2 && d.length <= 2 && isDate(+a, +m, +d)) g += 3;
    else return false;
  }
  return true;
}

interface Run {
  readonly groups: readonly string[];
  /** Letters right against it, as in JY13701250012345: part of a code. */
  readonly glued: boolean;
  readonly inUscc: boolean;
}

/**
 * Whether a run of digit groups is personal: an ID or mobile number however it is written;
 * otherwise, unless it is a date range or inside a USCC, any number of 16 digits or more
 * (bank cards, numbers run together); and, unless it is part of a code, phone-like numbers.
 */
function isPersonalNumber({ groups, glued, inUscc }: Run): boolean {
  const d = groups.join('');
  if (isIdNumber(d) || MOBILE.test(d)) return true;
  if (inUscc || isDateRun(groups)) return false;
  if (d.length >= 16) return true;
  return !glued && d.length >= 11 && (MOBILE_INSIDE.test(d) || LANDLINE.test(d));
}

const usccAt = (p: string, start: number) => isUscc(p.slice(start, start + 18).toUpperCase());

type Span = readonly [number, number];

/**
 * Runs of digits, with up to MAX_GAP separators between groups. Letters that belong to an
 * e-mail address do not make a number part of a code: `…@qq.com0531 8888 6666` is a landline.
 */
function numberSpans(p: string, emails: readonly Span[]): Span[] {
  // Runs come left to right and the addresses are in order: one pointer walks them once.
  let next = 0;
  const inEmail = (at: number) => {
    while (next < emails.length && (emails[next]?.[1] ?? 0) <= at) next++;
    const email = emails[next];
    return email !== undefined && at >= email[0];
  };
  const spans: Span[] = [];
  for (let i = 0; i < p.length; ) {
    if (!isDigit(p[i])) {
      i++;
      continue;
    }
    const start = i;
    const groups: string[] = [];
    let end = i;
    for (;;) {
      let j = end;
      while (isDigit(p[j])) j++;
      groups.push(p.slice(end, j));
      let k = j;
      while (k - j < MAX_GAP && SEPARATORS.has(p[k] ?? '')) k++;
      end = j;
      if (k === j || !isDigit(p[k])) break;
      end = k;
    }
    // The check character of an ID number, unless it begins a word.
    if ((p[end] === 'X' || p[end] === 'x') && !isLetter(p[end + 1])) {
      groups[groups.length - 1] += 'X';
      end++;
    }
    const glued = (isLetter(p[start - 1]) && !inEmail(start - 1)) || (isLetter(p[end]) && !inEmail(end));
    const inUscc = groups.length === 1 && end - start >= 17 && (usccAt(p, start) || usccAt(p, end - 18));
    if (isPersonalNumber({ groups, glued, inUscc })) {
      let s = start;
      // A leading + (+86) and an opening bracket closed inside the number, as in (0531)8888…
      if (p[s - 1] === '+') s--;
      if (p[s - 1] === '(' && p.slice(s, end).includes(')')) s--;
      spans.push([s, end]);
    }
    i = end;
  }
  return spans;
}

// ---- E-mail addresses -----------------------------------------------------------------------

const isLabel = (c: string | undefined) => isLetter(c) || isDigit(c) || c === '-';
const isLocal = (c: string | undefined) => isLabel(c) || c === '.' || c === '_' || c === '%' || c === '+';

/** From each @ outwards: the local part, up to a space either side of the @, the domain's labels. */
function emailSpans(p: string): Span[] {
  const spans: Span[] = [];
  for (let at = p.indexOf('@'); at !== -1; at = p.indexOf('@', at + 1)) {
    let left = at - (p[at - 1] === ' ' ? 1 : 0);
    const localEnd = left;
    while (isLocal(p[left - 1])) left--;
    let next = at + 1 + (p[at + 1] === ' ' ? 1 : 0);
    let end = -1;
    let labels = 0;
    for (;;) {
      let k = next;
      while (isLabel(p[k])) k++;
      if (k === next) break;
      end = k;
      labels++;
      let dot = k + (p[k] === ' ' ? 1 : 0);
      if (p[dot] !== '.' && p[dot] !== '。') break;
      dot += p[dot + 1] === ' ' ? 2 : 1;
      if (!isLabel(p[dot])) break;
      next = dot;
    }
    if (left < localEnd && labels >= 2) spans.push([left, end]);
  }
  return spans;
}

// ---- What the record knows ------------------------------------------------------------------

/** A name or number as the probe writes it, separators gone, Latin letters in upper case. */
function needleOf(value: string): string {
  return [...probeOf(value).text]
    .filter((c) => !SEPARATORS.has(c))
    .join('')
    .replace(/[a-z]/g, (c) => c.toUpperCase());
}

/** Each place `needle` occurs in `p`, up to two separators between any two of its characters. */
function occurrences(p: string, needle: string): Span[] {
  const spans: Span[] = [];
  for (let i = p.indexOf(needle.charAt(0)); i !== -1; i = p.indexOf(needle.charAt(0), i + 1)) {
    let j = i + 1;
    let k = 1;
    while (k < needle.length) {
      for (let gap = 0; gap < 2 && SEPARATORS.has(p[j] ?? '') && p[j] !== needle[k]; gap++) j++;
      if (p[j] !== needle[k]) break;
      j++;
      k++;
    }
    if (k === needle.length) {
      spans.push([i, j]);
      i = j - 1;
    }
  }
  return spans;
}

const needlesOf = new WeakMap<KnownPersonalData, readonly string[]>();

/** The needles of what the record knows, worked out once per record (scrubDeep asks often). */
function needles(known: KnownPersonalData): readonly string[] {
  let found = needlesOf.get(known);
  if (!found) {
    // A one-character name would take every word with that character in it.
    const names = known.names.map(needleOf).filter((n) => [...n].length >= 2);
    const numbers = known.idNumbers.map(needleOf).filter((n) => n.length >= 6);
    found = [...new Set([...names, ...numbers])];
    needlesOf.set(known, found);
  }
  return found;
}

function knownSpans(p: string, known: KnownPersonalData): Span[] {
  const all = needles(known);
  if (all.length === 0) return [];
  const upper = /[a-z]/.test(p) ? p.replace(/[a-z]/g, (c) => c.toUpperCase()) : p;
  return all.flatMap((needle) => occurrences(upper, needle));
}

// ---- Putting it together --------------------------------------------------------------------

/** The text with personal numbers, e-mail addresses and the known names masked; the rest as written. */
export function scrubText(text: string, known: KnownPersonalData = NOTHING_KNOWN): string {
  const probe = probeOf(text);
  const emails = emailSpans(probe.text);
  const spans = [...numberSpans(probe.text, emails), ...emails, ...knownSpans(probe.text, known)];
  if (spans.length === 0) return text;
  spans.sort((a, b) => a[0] - b[0]);
  let out = '';
  let at = -1;
  for (const [start, end] of spans) {
    const from = probe.from[start] ?? 0;
    const to = endOf(text, probe, end - 1);
    // A stretch is never masked from one character (NFKC can spell ㍿ as four): so a masked
    // text grows by at most MASK's length over two (public-routes.ts MAX_MASKING_GROWTH).
    if (to <= at || to - from < 2) continue;
    // Spans that touch or overlap become one mask.
    if (from > at) out += text.slice(Math.max(at, 0), from) + MASK;
    at = to;
  }
  return out + text.slice(Math.max(at, 0));
}

/** Every string inside `value` scrubbed, at any depth; other values untouched. */
export function scrubDeep<T>(value: T, known: KnownPersonalData = NOTHING_KNOWN): T {
  if (typeof value === 'string') return scrubText(value, known) as T;
  if (Array.isArray(value)) return value.map((v) => scrubDeep(v, known)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrubDeep(v, known)])) as T;
  }
  return value;
}

/**
 * An organisation identifier (工商注册号, 税务登记号 …) as the public sees it: whole, or masked
 * whole when it holds a person's ID number — a 个体工商户's old 税务登记号 was its operator's.
 * Only the record's own ID numbers and valid ID numbers count: phone-like rules would eat
 * ordinary 15-digit registration numbers.
 */
export function scrubIdentifier(value: string, known: KnownPersonalData = NOTHING_KNOWN): string {
  const key = needleOf(value);
  if (known.idNumbers.map(needleOf).some((id) => id.length >= 6 && key.includes(id))) return MASK;
  for (let i = 0; i + 18 <= key.length; i++)
    if (idCardProblem(key.slice(i, i + 18)) === undefined) return MASK;
  return value;
}
