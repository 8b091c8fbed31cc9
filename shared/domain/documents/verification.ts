import { randomBytes } from 'node:crypto';
import { NotFoundError } from '../errors.ts';

/*
 * One way to check any document the service issues (a repair decision, a credit report): a 核验码 printed on it, and a public record under that code of what the document is
 * — its kind, number, issuer, time and the SHA-256 of its content — and nothing personal.
 * Whoever holds a copy types the code on verify.html and compares.
 */

/** What kinds of document can be checked. */
export const VERIFIABLE_KINDS = ['repair-decision', 'credit-report'] as const;
export type VerifiableKind = (typeof VERIFIABLE_KINDS)[number];

export const VERIFIABLE_KIND_LABELS: Readonly<Record<VerifiableKind, string>> = {
  'repair-decision': '信用修复决定书',
  'credit-report': '信用报告',
};

/** What the public record of an issued document says: enough to compare, nothing personal. */
export interface Verification {
  readonly code: string;
  readonly kind: VerifiableKind;
  readonly title: string;
  /** The document's own number (a repair decision: the application's id). */
  readonly number: string;
  readonly issuedAt: string;
  /** The issuing agency; a credit report is issued by the service (the credit office), by name only. */
  readonly issuer: { readonly uscc?: string | undefined; readonly name: string };
  /** SHA-256 of the document's canonical content, as printed on it. */
  readonly sha256: string;
}

export interface VerificationStore {
  get(code: string): Promise<Verification | undefined>;
}

/**
 * Crockford's base-32 digits without 0/O, 1/I/L and U: what is left cannot be misread from
 * paper or misheard on the phone. 28 letters, 20 of them = 96 bits: not guessable.
 */
const DIGITS = '23456789ABCDEFGHJKMNPQRSTVWXYZ'.slice(0, 28);
const LENGTH = 20;
export const CODE_PATTERN = /^[2-9A-HJKMNP-TV-X]{4}(-[2-9A-HJKMNP-TV-X]{4}){4}$/;

/** A new 核验码, five groups of four: 7KQ3-M9XA-… */
export function newVerificationCode(random: (n: number) => Uint8Array = randomBytes): string {
  const out: string[] = [];
  // Rejection sampling keeps every digit equally likely (256 is not a multiple of 28).
  while (out.length < LENGTH) {
    for (const byte of random(LENGTH * 2)) {
      if (byte < 252 && out.length < LENGTH) out.push(DIGITS[byte % 28] as string);
    }
  }
  return [0, 4, 8, 12, 16].map((i) => out.slice(i, i + 4).join('')).join('-');
}

/** A code as people type it (lower case, spaces, no dashes) in its one written form, or undefined. */
export function normalizeCode(input: string): string | undefined {
  const plain = input.toUpperCase().replace(/[\s-]/g, '');
  if (plain.length !== LENGTH) return undefined;
  const code = [0, 4, 8, 12, 16].map((i) => plain.slice(i, i + 4)).join('-');
  return CODE_PATTERN.test(code) ? code : undefined;
}

/** Where anyone checks a code on the site. */
export const verifyPath = (code: string) => `verify.html?code=${encodeURIComponent(code)}`;

/** A 核验码 checked: the document's public record, or the same 404 for a code never issued. */
export async function verify(store: VerificationStore, code: string): Promise<Verification> {
  const found = await store.get(code);
  if (!found) {
    throw new NotFoundError({
      code: 'document_not_found',
      field: 'code',
      messages: {
        zh: '未找到该核验码对应的文书：请核对核验码，或该文书并非本系统出具',
        en: 'no document was issued under this verification code',
      },
    });
  }
  return found;
}
