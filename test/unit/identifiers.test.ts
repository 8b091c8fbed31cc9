import { describe, expect, it } from 'vitest';
import { addDays } from '../../shared/domain/dates.ts';
import { idCardCheckCharacter, idCardProblem } from '../../shared/domain/identifiers/id-card.ts';
import { isUscc, usccCheckCharacter, usccProblem } from '../../shared/domain/identifiers/uscc.ts';

// The standards as DOMAIN.md states them, written out here rather than imported.
const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ID_CARD_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CARD_CHECKS = '0123456789X';

const USCC_EXAMPLE = '91350100M000100Y43';
const ID_CARD_EXAMPLE = '11010519491231002X';
const GENERATED = 300;

/** A deterministic pseudo-random source (a 32-bit linear congruential generator). */
function randomSource(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
  const pick = (characters: string) => characters.charAt(Math.floor(next() * characters.length));
  return {
    next,
    pick,
    text: (characters: string, length: number) => Array.from({ length }, () => pick(characters)).join(''),
  };
}

const withLastCharacter = (value: string, last: string) => value.slice(0, -1) + last;
const withCharacterAt = (value: string, index: number, character: string) =>
  value.slice(0, index) + character + value.slice(index + 1);

/** GB 32100: the weighted sum of all eighteen characters, check character at weight 1, is 0 mod 31. */
function usccSumMod31(code: string): number {
  const weights = [...USCC_WEIGHTS, 1];
  return [...code].reduce((sum, c, i) => sum + USCC_CHARSET.indexOf(c) * (weights[i] ?? 0), 0) % 31;
}

/** GB 11643 (ISO 7064 MOD 11-2): the weighted sum, check character at weight 1 and X as 10, is 1 mod 11. */
function idCardSumMod11(id: string): number {
  const weights = [...ID_CARD_WEIGHTS, 1];
  return [...id].reduce((sum, c, i) => sum + ID_CARD_CHECKS.indexOf(c) * (weights[i] ?? 0), 0) % 11;
}

describe('统一社会信用代码 (USCC)', () => {
  it('accepts the example of the standard', () => {
    expect(usccProblem(USCC_EXAMPLE)).toBeUndefined();
    expect(isUscc(USCC_EXAMPLE)).toBe(true);
  });

  it('rejects the example with any other check character', () => {
    const others = [...USCC_CHARSET].filter((c) => c !== USCC_EXAMPLE.at(-1));

    const problems = new Set(others.map((c) => usccProblem(withLastCharacter(USCC_EXAMPLE, c))));

    expect(others).toHaveLength(30);
    expect([...problems]).toEqual(['check_character']);
  });

  it.each(['I', 'O', 'S', 'V', 'Z'])(
    'rejects the letter %s, which the character set leaves out, as format',
    (letter) => {
      expect(usccProblem(withCharacterAt(USCC_EXAMPLE, 8, letter))).toBe('format');
      expect(usccProblem(withLastCharacter(USCC_EXAMPLE, letter))).toBe('format');
    },
  );

  it.each([
    ['lower case', USCC_EXAMPLE.toLowerCase()],
    ['one lower-case letter', withCharacterAt(USCC_EXAMPLE, 8, 'm')],
    ['17 characters', USCC_EXAMPLE.slice(0, 17)],
    ['19 characters', `${USCC_EXAMPLE}3`],
    ['a space inside', withCharacterAt(USCC_EXAMPLE, 8, ' ')],
    ['nothing', ''],
  ])('rejects %s as format', (_, value) => {
    expect(usccProblem(value)).toBe('format');
    expect(isUscc(value)).toBe(false);
  });

  it(`completes ${GENERATED} generated prefixes with the only check character that fits`, () => {
    const random = randomSource(32_100);
    const prefixes = Array.from({ length: GENERATED }, () => random.text(USCC_CHARSET, 17));

    const failures = prefixes.flatMap((prefix) => {
      const check = usccCheckCharacter(prefix);
      const code = prefix + check;
      const wrongOnes = [...USCC_CHARSET].filter((c) => c !== check);
      const ok =
        usccProblem(code) === undefined &&
        usccSumMod31(code) === 0 &&
        wrongOnes.every((c) => usccProblem(prefix + c) === 'check_character');
      return ok ? [] : [code];
    });

    expect(failures).toEqual([]);
  });
});

describe('居民身份证号码 (ID card)', () => {
  it('accepts the example of the standard', () => {
    expect(idCardProblem(ID_CARD_EXAMPLE)).toBeUndefined();
    expect(idCardSumMod11(ID_CARD_EXAMPLE)).toBe(1);
  });

  it('rejects the example with any other check character', () => {
    const others = [...ID_CARD_CHECKS].filter((c) => c !== ID_CARD_EXAMPLE.at(-1));

    const problems = new Set(others.map((c) => idCardProblem(withLastCharacter(ID_CARD_EXAMPLE, c))));

    expect([...problems]).toEqual(['check_character']);
  });

  it.each([
    ['30 February', '11010519490230002X'],
    ['month 13', '11010519491331002X'],
    ['day 00', '11010519491200002X'],
    ['a year before 1900', '11010518991231002X'],
  ])('rejects a birth date on %s as birth_date', (_, value) => {
    expect(idCardProblem(value)).toBe('birth_date');
  });

  it('rejects a birth date after today as birth_date, and accepts one born today', () => {
    const bornOn = (date: string) => {
      const prefix = `110105${date.replaceAll('-', '')}002`;
      return prefix + idCardCheckCharacter(prefix);
    };

    expect(idCardProblem(bornOn('2026-12-05'), '2026-12-04')).toBe('birth_date');
    expect(idCardProblem(bornOn('2026-12-04'), '2026-12-04')).toBeUndefined();
    expect(idCardProblem(bornOn('2090-01-01'))).toBe('birth_date');
  });

  it.each([
    ['a lower-case x', ID_CARD_EXAMPLE.toLowerCase()],
    ['17 characters', ID_CARD_EXAMPLE.slice(0, 17)],
    ['19 characters', `${ID_CARD_EXAMPLE}0`],
    ['a letter inside', withCharacterAt(ID_CARD_EXAMPLE, 3, 'A')],
    ['an X inside', withCharacterAt(ID_CARD_EXAMPLE, 16, 'X')],
    ['nothing', ''],
  ])('rejects %s as format', (_, value) => {
    expect(idCardProblem(value)).toBe('format');
  });

  it(`completes ${GENERATED} generated numbers with the only check character that fits`, () => {
    const random = randomSource(11_643);
    const first17 = Array.from({ length: GENERATED }, () => {
      const birth = addDays('1900-01-01', Math.floor(random.next() * 45_000)).replaceAll('-', '');
      return random.text('0123456789', 6) + birth + random.text('0123456789', 3);
    });

    const failures = first17.flatMap((prefix) => {
      const check = idCardCheckCharacter(prefix);
      const id = prefix + check;
      const wrongOnes = [...ID_CARD_CHECKS].filter((c) => c !== check);
      const ok =
        idCardProblem(id) === undefined &&
        idCardSumMod11(id) === 1 &&
        wrongOnes.every((c) => idCardProblem(prefix + c) === 'check_character');
      return ok ? [] : [id];
    });

    expect(failures).toEqual([]);
  });
});
