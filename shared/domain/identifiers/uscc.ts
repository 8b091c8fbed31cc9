/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-character set without I, O, S,
 * V and Z; the last one is a check character over the first seventeen.
 */

const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
const SHAPE = /^[0-9A-HJ-NPQRTUWXY]{18}$/;

export type UsccProblem = 'format' | 'check_character';

/** The check character the first seventeen characters call for. */
export function usccCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CHARSET.indexOf(first17.charAt(i)) * (WEIGHTS[i] ?? 0);
  return CHARSET.charAt((31 - (sum % 31)) % 31);
}

/** Why `value` is not a valid USCC, or undefined when it is one. */
export function usccProblem(value: string): UsccProblem | undefined {
  if (!SHAPE.test(value)) return 'format';
  return usccCheckCharacter(value.slice(0, 17)) === value.charAt(17) ? undefined : 'check_character';
}

export function isUscc(value: string): boolean {
  return usccProblem(value) === undefined;
}
