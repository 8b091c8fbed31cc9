import { type IsoDate, isIsoDate, shanghaiDate } from '../dates.ts';

/**
 * 居民身份证号码 (GB 11643-1999): 6-digit region, birth date YYYYMMDD, 3-digit sequence and
 * a check character (0–9 or X) over the first seventeen digits.
 */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK = '10X98765432';
const SHAPE = /^\d{17}[\dX]$/;

export type IdCardProblem = 'format' | 'birth_date' | 'check_character';

export function idCardCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17.charAt(i)) * (WEIGHTS[i] ?? 0);
  return CHECK.charAt(sum % 11);
}

/**
 * Why `value` is not a valid ID card number, or undefined when it is one. The birth date must
 * be a real day, not before 1900 and not after `today` (Asia/Shanghai): nobody holds a number
 * issued for a birth that has not happened, so such a number is a typing error.
 */
export function idCardProblem(
  value: string,
  today: IsoDate = shanghaiDate(new Date()),
): IdCardProblem | undefined {
  if (!SHAPE.test(value)) return 'format';
  const birth = `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`;
  if (!isIsoDate(birth) || birth < '1900-01-01' || birth > today) return 'birth_date';
  return idCardCheckCharacter(value.slice(0, 17)) === value.charAt(17) ? undefined : 'check_character';
}
