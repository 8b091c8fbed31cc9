import { describe, expect, it } from 'vitest';
import {
  CODE_PATTERN,
  newVerificationCode,
  normalizeCode,
} from '../../../shared/domain/documents/verification.ts';

describe('核验码', () => {
  it('is five groups of four of the 28 unambiguous letters and digits', () => {
    const codes = Array.from({ length: 200 }, () => newVerificationCode());

    for (const code of codes) expect(code).toMatch(CODE_PATTERN);
    expect(new Set(codes).size).toBe(200);
    expect(codes.join('')).not.toMatch(/[01ILOUYZ]/);
  });

  it('skips the bytes 252–255, which would make some digits likelier (256 is not a multiple of 28)', () => {
    let call = 0;
    const source = (size: number) => new Uint8Array(size).fill(call++ === 0 ? 255 : 1);

    expect(newVerificationCode(source)).toBe('3333-3333-3333-3333-3333');
  });

  it.for([
    ['7kq3 m9xa pd2h 4twe 8bnc', '7KQ3-M9XA-PD2H-4TWE-8BNC'],
    ['7KQ3M9XAPD2H4TWE8BNC', '7KQ3-M9XA-PD2H-4TWE-8BNC'],
    ['7KQ3-M9XA-PD2H-4TWE-8BN', undefined],
    ['OOOO-1111-IIII-LLLL-0000', undefined],
    ['', undefined],
  ] as const)('reads %j as %s', ([typed, expected]) => {
    expect(normalizeCode(typed)).toBe(expected);
  });
});
