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

describe('scrubText on numbers written to slip past it (issue 21)', () => {
  it.each([
    ['an ID number with slashes', '身份证号1101/0519/4912/3100/2X，', '身份证号［已隐去］，'],
    ['an ID number with underscores', '身份证号110105_19491231_002X。', '身份证号［已隐去］。'],
    ['an ID number in irregular groups', '身份证 11 0105 194 91231 00 2X 到场', '身份证 ［已隐去］ 到场'],
    [
      'an ID number with ideographic spaces',
      '证号１１０１０５\u3000１９４９１２３１\u3000００２Ｘ',
      '证号［已隐去］',
    ],
    ['an ID number in mathematical bold', '证号𝟏𝟏𝟎𝟏𝟎𝟓𝟏𝟗𝟒𝟗𝟏𝟐𝟑𝟏𝟎𝟎𝟐X。', '证号［已隐去］。'],
    ['an ID number in Chinese numerals', '身份证号一一〇一〇五一九四九一二三一〇〇二X', '身份证号［已隐去］'],
    ['a mobile number in Chinese numerals', '电话一三八一二三四五六七八', '电话［已隐去］'],
    ['a mobile number with 幺 and 两', '电话幺三八两两三四五六七八。', '电话［已隐去］。'],
    ['a mobile number with dots', '电话138.1234.5678', '电话［已隐去］'],
    ['a landline in groups', '座机0531 8888 6666，', '座机［已隐去］，'],
    ['a landline with its area code in brackets', '座机(0531)88886666', '座机［已隐去］'],
    ['a landline with full-width brackets', '座机（0531）8888-6666', '座机［已隐去］'],
    ['a landline with an extension', '电话0531-88886666-801。', '电话［已隐去］。'],
    ['a landline in international form', '电话+86 531 8888 6666', '电话［已隐去］'],
    ['an e-mail with a full-width at and dot', '邮箱zhangsan＠example．com，', '邮箱［已隐去］，'],
    ['an e-mail with spaces around the at', '邮箱 zhangsan @ qq.com 联系', '邮箱 ［已隐去］ 联系'],
    ['a bank card in groups of four', '账号6222 0212 3456 7890 123', '账号［已隐去］'],
    ['a bank card with full-width digits', '账号６２２２０２１２３４５６７８９０１２３', '账号［已隐去］'],
    ['two numbers run together', '电话13812345678/13987654321。', '电话［已隐去］。'],
    ['an ID number with zero-width spaces inside', '证号110105\u200b19491231\u200b002X', '证号［已隐去］'],
  ])('masks %s', (_, text, expected) => {
    expect(scrubText(text)).toBe(expected);
  });

  it('keeps what surrounds a masked number, byte for byte', () => {
    const text = '经查，𝟏𝟑𝟖𝟏𝟐𝟑𝟒𝟓𝟔𝟕𝟖（当事人）于２０２６年３月５日到场';

    expect(scrubText(text)).toBe(`经查，${MASK}（当事人）于２０２６年３月５日到场`);
  });
});

describe('scrubText with the names and numbers the record knows', () => {
  const known = { names: ['李建国', '买买提·艾力'], idNumbers: ['E12345678'] };

  it.each([
    ['a name as written', '经营者李建国于现场', `经营者${MASK}于现场`],
    ['a name with spaces between its characters', '经营者李 建 国于现场', `经营者${MASK}于现场`],
    ['a name with a different middle dot', '经营者买买提・艾力签字', `经营者${MASK}签字`],
    ['a name without its middle dot', '经营者买买提艾力签字', `经营者${MASK}签字`],
    ['every occurrence', '李建国称，李建国不知情', `${MASK}称，${MASK}不知情`],
    ['a known passport number written in groups', '护照号E 1234 5678，', `护照号${MASK}，`],
  ])('masks %s', (_, text, expected) => {
    expect(scrubText(text, known)).toBe(expected);
  });

  it('does not mask a name of one character, which would take every word with it', () => {
    expect(scrubText('王某经营王家小店', { names: ['王'], idNumbers: [] })).toBe('王某经营王家小店');
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

describe('scrubText and the size of its answer', () => {
  it('never masks a single character, however NFKC spells it out', () => {
    expect(scrubText('法定代表人㍿', { names: ['株式'], idNumbers: [] })).toBe('法定代表人㍿');
  });
});
