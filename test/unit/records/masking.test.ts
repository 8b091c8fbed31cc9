import { describe, expect, it } from 'vitest';
import { MASK, scrubDeep, scrubText } from '../../../shared/domain/records/masking.ts';

describe('scrubText', () => {
  it.each([
    ['an 18-digit ID number', '证人身份证号11010519491231002X，', '证人身份证号［已隐去］，'],
    ['an ID number with a lower-case x', '号码11010519491231002x', '号码［已隐去］'],
    ['an old 15-digit ID number', '旧证号110105491231002。', '旧证号［已隐去］。'],
    ['a bank card number', '账号6222021234567890123', '账号［已隐去］'],
    ['a mobile number', '联系电话13812345678。', '联系电话［已隐去］。'],
    ['a mobile number with +86', '电话+8613812345678', '电话［已隐去］'],
    ['a mobile number with +86 and a space', '电话 +86 13812345678', '电话 ［已隐去］'],
    ['a mobile number with 86 and a hyphen', '电话86-13812345678', '电话［已隐去］'],
    ['a landline with its area code', '座机0531-12345678', '座机［已隐去］'],
    ['a landline with a three-digit area code', '电话010 87654321', '电话［已隐去］'],
    ['an e-mail address', '邮箱 zhang.san+ad@example.com.cn 联系', '邮箱 ［已隐去］ 联系'],
  ])('masks %s', (_, text, expected) => {
    expect(scrubText(text)).toBe(expected);
  });

  it.each([
    ['a year', '2026年9月30日作出决定'],
    ['an amount in 万元', '罚款5万元，没收违法所得0.35万元'],
    ['an article number', '依据第五十五条、第55条'],
    ['a document number', '济市监罚〔2026〕123号'],
    ['a date', '2026-09-30'],
    ['a licence number with letters', '许可证编号JY13701250012345'],
    ['a USCC', '统一社会信用代码91350100M000100Y43'],
    ['an eight-digit sum in yuan', '罚款人民币12345678元'],
  ])('leaves %s untouched', (_, text) => {
    expect(scrubText(text)).toBe(text);
  });

  it('masks every occurrence in one text', () => {
    const text = '电话13812345678或13987654321';

    expect(scrubText(text)).toBe(`电话${MASK}或${MASK}`);
  });

  it('masks a mobile number written in groups, as people type them', () => {
    expect(scrubText('电话138-1234-5678，或 139 8765 4321')).toBe(`电话${MASK}，或 ${MASK}`);
  });
});

describe('scrubDeep', () => {
  it('masks strings at any depth and leaves numbers, booleans and null alone', () => {
    const value = {
      facts: '电话13812345678',
      nested: { list: ['11010519491231002X', 5] },
      ok: true,
      none: null,
    };

    expect(scrubDeep(value)).toEqual({
      facts: `电话${MASK}`,
      nested: { list: [MASK, 5] },
      ok: true,
      none: null,
    });
  });
});
