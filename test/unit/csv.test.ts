import { describe, expect, it } from 'vitest';
import { CSV_BOM, CsvSyntaxError, parseCsv, toCsv } from '../../shared/domain/csv.ts';
import { thrownBy } from './support/thrown.ts';

/** A deterministic pseudo-random source (a 32-bit linear congruential generator). */
function randomSource(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
  const below = (n: number) => Math.floor(next() * n);
  return { below, pick: <T>(items: readonly T[]): T | undefined => items[below(items.length)] };
}

// Whole characters (𠀀 is a surrogate pair), the CSV metacharacters and every formula start.
const PIECES = ['a', 'Z', '1', ' ', '中', '文', '罚', '𠀀', '😀', ',', '"', '""', '\n', '\r\n', '\r', "'"];
const FORMULA_PIECES = ['=', '+', '-', '@', '\t'];

function randomRows(seed: number, count: number): string[][] {
  const random = randomSource(seed);
  const piece = () => random.pick([...PIECES, ...FORMULA_PIECES]) ?? '';
  const cell = () => Array.from({ length: random.below(9) }, piece).join('');
  return Array.from({ length: count }, () => Array.from({ length: 1 + random.below(6) }, cell));
}

/** OWASP, written out independently: text starting with these gets a leading quote. */
const expectedCell = (cell: string) => (/^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell);

describe('parseCsv', () => {
  it('reads rows of comma-separated fields', () => {
    expect(parseCsv('a,b,c\nd,e,f')).toEqual([
      ['a', 'b', 'c'],
      ['d', 'e', 'f'],
    ]);
  });

  it('reads quoted fields holding commas and doubled quotes', () => {
    expect(parseCsv('"a,b","say ""hi""",c')).toEqual([['a,b', 'say "hi"', 'c']]);
  });

  it('keeps line breaks inside quotes as written', () => {
    expect(parseCsv('"one\r\ntwo","three\nfour",x\r\ny,z')).toEqual([
      ['one\r\ntwo', 'three\nfour', 'x'],
      ['y', 'z'],
    ]);
  });

  it('reads CRLF, LF and a lone CR alike as row ends', () => {
    const expected = [
      ['a', 'b'],
      ['c', 'd'],
      ['e', 'f'],
    ];

    expect(parseCsv('a,b\r\nc,d\r\ne,f')).toEqual(expected);
    expect(parseCsv('a,b\nc,d\ne,f')).toEqual(expected);
    expect(parseCsv('a,b\rc,d\r\ne,f')).toEqual(expected);
  });

  it('drops a byte order mark at the start, and only there', () => {
    expect(parseCsv(`${CSV_BOM}名称,代码`)).toEqual([['名称', '代码']]);
    expect(parseCsv(`a,${CSV_BOM}b`)).toEqual([['a', `${CSV_BOM}b`]]);
    expect(CSV_BOM).toBe('\uFEFF');
  });

  it('does not make an empty row of a final line break, but does of an empty line', () => {
    expect(parseCsv('a\r\n')).toEqual([['a']]);
    expect(parseCsv('a\n')).toEqual([['a']]);
    expect(parseCsv('a\r\n\r\nb\r\n')).toEqual([['a'], [''], ['b']]);
  });

  it('reads empty text, or a lone byte order mark, as no rows', () => {
    expect(parseCsv('')).toEqual([]);
    expect(parseCsv(CSV_BOM)).toEqual([]);
  });

  it('keeps empty fields at either end of a row', () => {
    expect(parseCsv(',a,\r\n""')).toEqual([['', 'a', ''], ['']]);
  });

  it('keeps a quote inside an unquoted field as a character', () => {
    expect(parseCsv('5"3,x')).toEqual([['5"3', 'x']]);
  });

  it('keeps Chinese and characters outside the BMP intact', () => {
    expect(parseCsv('行政相对人名称,𠀀𠀁\r\n"福州,𠀀",😀')).toEqual([
      ['行政相对人名称', '𠀀𠀁'],
      ['福州,𠀀', '😀'],
    ]);
  });

  it('rejects an unterminated quote, naming the line the field opens on', () => {
    const error = thrownBy(() => parseCsv('a,b\r\nc,"d\r\ne,f\r\n'));

    expect(error).toBeInstanceOf(CsvSyntaxError);
    expect(error).toMatchObject({ problem: 'unterminated_quote', line: 2 });
  });

  it('counts the lines inside earlier quoted fields', () => {
    const error = thrownBy(() => parseCsv('"one\ntwo\r\nthree",x\n"open'));

    expect(error).toMatchObject({ problem: 'unterminated_quote', line: 4 });
  });

  it('rejects text right after a closing quote', () => {
    const error = thrownBy(() => parseCsv('ok\n"a"b,c'));

    expect(error).toBeInstanceOf(CsvSyntaxError);
    expect(error).toMatchObject({ problem: 'text_after_quote', line: 2 });
  });
});

describe('toCsv', () => {
  it('ends every row with CRLF', () => {
    expect(toCsv([['a', 'b'], ['c']])).toBe('a,b\r\nc\r\n');
  });

  it('quotes fields holding quotes, commas or line breaks, and only those', () => {
    expect(toCsv([['a,b', 'say "hi"', 'x\ny', 'p\rq', 'plain 文字']])).toBe(
      '"a,b","say ""hi""","x\ny","p\rq",plain 文字\r\n',
    );
  });

  it.each([
    ['=1+1', "'=1+1"],
    ['+cmd', "'+cmd"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=x', "'\t=x"],
    ['\r=x', `"'\r=x"`],
    ['=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
  ])('neutralises the formula %j', (cell, written) => {
    expect(toCsv([[cell]])).toBe(`${written}\r\n`);
  });

  it('leaves a formula character that does not start the text alone', () => {
    expect(toCsv([['a=b', '1-2', "'quoted"]])).toBe("a=b,1-2,'quoted\r\n");
  });

  it('writes JS numbers as numbers, even negative ones, but neutralises the same text', () => {
    expect(toCsv([[-1.5, 0, 2.25, -3n, '-1.5']])).toBe("-1.5,0,2.25,-3,'-1.5\r\n");
  });

  it('writes numbers that are not finite as neutralised text', () => {
    expect(toCsv([[Number.NEGATIVE_INFINITY, Number.NaN]])).toBe("'-Infinity,NaN\r\n");
  });

  it('writes null and undefined as empty, booleans and dates as text', () => {
    expect(toCsv([[null, undefined, true, new Date('2026-03-05T00:00:00Z')]])).toBe(
      ',,true,2026-03-05T00:00:00.000Z\r\n',
    );
  });

  it('refuses an object rather than write "[object Object]"', () => {
    expect(() => toCsv([[{ a: 1 }]])).toThrow(TypeError);
  });

  it('reads back, through parseCsv, what it wrote, neutralised formulas aside', () => {
    const rows = randomRows(20_260_305, 300);

    const read = parseCsv(CSV_BOM + toCsv(rows));

    expect(rows.flat().some((cell) => /^[=+\-@\t\r]/.test(cell))).toBe(true);
    expect(rows.flat().some((cell) => cell.includes('𠀀') && cell.includes('"'))).toBe(true);
    expect(read).toEqual(rows.map((row) => row.map(expectedCell)));
  });
});
