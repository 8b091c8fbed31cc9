import { describe, expect, it } from 'vitest';
import { lookupBigram, nameBigrams, nameKey } from '../../../shared/domain/records/name-search.ts';

describe('nameKey', () => {
  it('folds full-width letters and digits to half-width, lower-cases and drops white space', () => {
    expect(nameKey('济阳 ＡＢＣ　软件１号')).toBe('济阳abc软件1号');
  });

  it('folds full-width brackets, so （深圳） equals (深圳)', () => {
    expect(nameKey('腾讯科技（深圳）有限公司')).toBe(nameKey('腾讯科技(深圳)有限公司'));
  });
});

describe('nameBigrams', () => {
  it('gives every two-character piece of a name, in order', () => {
    expect(nameBigrams('腾讯计算机')).toEqual(['腾讯', '讯计', '计算', '算机']);
  });

  it('gives each piece once', () => {
    expect(nameBigrams('哈哈哈哈')).toEqual(['哈哈']);
  });

  it('keeps a character outside the Basic Multilingual Plane whole', () => {
    const bigrams = nameBigrams('𠮷野家');

    expect(bigrams).toEqual(['𠮷野', '野家']);
    expect(bigrams.every((b) => Array.from(b).length === 2)).toBe(true);
  });

  it('gives pieces of the normalised name', () => {
    expect(nameBigrams('ＡＢ公司')).toEqual(['ab', 'b公', '公司']);
  });

  it('gives nothing for a name of one character', () => {
    expect(nameBigrams('腾')).toEqual([]);
  });
});

describe('lookupBigram', () => {
  it('looks up the first piece of a query', () => {
    expect(lookupBigram('腾讯')).toBe('腾讯');
  });

  it('avoids the pieces nearly every company name has', () => {
    expect(lookupBigram('有限公司腾讯')).toBe('司腾');
    expect(lookupBigram('科技有限公司济阳分公司')).toBe('司济');
  });

  it('skips the administrative division a registered name leads with, for the 字号 after it', () => {
    expect(lookupBigram('济南市恒瑞鑫商贸有限公司')).toBe('恒瑞');
    expect(lookupBigram('山东省济南市恒瑞商贸有限公司')).toBe('恒瑞');
    expect(lookupBigram('新疆维吾尔自治区恒瑞商贸有限公司')).toBe('恒瑞');
    expect(lookupBigram('市中区恒瑞商贸')).toBe('恒瑞');
  });

  it('keeps the division when the query is nothing else, or the suffix is part of the 字号', () => {
    expect(lookupBigram('济南市')).toBe('济南');
    expect(lookupBigram('济南市有限公司')).toBe('济南');
    expect(lookupBigram('鑫市场服务部')).toBe('鑫市');
  });

  it('falls back to the first piece when the query has only common ones', () => {
    expect(lookupBigram('有限公司')).toBe('有限');
  });

  it('looks up the query in its normalised form', () => {
    expect(lookupBigram('ＡＢＣ')).toBe('ab');
  });

  it('finds nothing to look up in a single character', () => {
    expect(lookupBigram('腾')).toBeUndefined();
  });
});
