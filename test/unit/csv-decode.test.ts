import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeCsvBytes } from '../../shared/domain/records/csv/decode.ts';
import { CsvFormatError, csvRowsToRecordInputs } from '../../shared/domain/records/csv/import.ts';
import { thrownBy } from './support/thrown.ts';

const CSV =
  '行政处罚决定书文号,行政相对人名称,违法事实\r\n榕市监罚〔2026〕12号,福州鑫犇科技有限公司,销售“䶮”牌商品未明码标价\r\n';
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

function refusal(bytes: Uint8Array): CsvFormatError {
  const error = thrownBy(() => decodeCsvBytes(bytes));
  expect(error).toBeInstanceOf(CsvFormatError);
  return error as CsvFormatError;
}

describe('decodeCsvBytes', () => {
  it('reads UTF-8 without a BOM', () => {
    expect(decodeCsvBytes(Buffer.from(CSV, 'utf8'))).toEqual({ text: CSV, encoding: 'utf-8' });
  });

  it('reads UTF-8 with a BOM and leaves the BOM out of the text', () => {
    const decoded = decodeCsvBytes(Buffer.concat([BOM, Buffer.from(CSV, 'utf8')]));
    expect(decoded).toEqual({ text: CSV, encoding: 'utf-8-bom' });
    expect(decoded.text.charCodeAt(0)).not.toBe(0xfeff);
  });

  it('reads GB18030, including characters outside GBK (䶮, four bytes in GB18030)', () => {
    const bytes = iconv.encode(CSV, 'gb18030');
    expect(bytes.equals(Buffer.from(CSV, 'utf8'))).toBe(false);
    expect(decodeCsvBytes(bytes)).toEqual({ text: CSV, encoding: 'gb18030' });
  });

  it('reads text written in GBK (what Excel on Chinese Windows saves) exactly', () => {
    const gbkOnly = '行政相对人名称\r\n厦门市湖里区犇鑫商行（个体工商户）\r\n';
    const bytes = iconv.encode(gbkOnly, 'gbk');
    expect(decodeCsvBytes(bytes).text).toBe(gbkOnly);
  });

  it('maps a GB18030 file to exactly the names a UTF-8 file maps to: never mojibake', () => {
    const fromUtf8 = csvRowsToRecordInputs(decodeCsvBytes(Buffer.from(CSV, 'utf8')).text);
    const fromGb = csvRowsToRecordInputs(decodeCsvBytes(iconv.encode(CSV, 'gb18030')).text);
    expect(fromGb.rows).toEqual(fromUtf8.rows);
    expect(fromGb.rows[0]?.input).toMatchObject({ subject: { name: '福州鑫犇科技有限公司' } });
  });

  it('refuses bytes that are neither UTF-8 nor GB18030, with code, field and both languages', () => {
    const error = refusal(Buffer.from([0x41, 0x2c, 0x42, 0x0d, 0x0a, 0xff, 0xfe, 0x80, 0x0d, 0x0a]));
    expect(error.code).toBe('csv_encoding');
    expect(error.field).toBe('body');
    expect(error.messages.zh).toMatch(/编码/);
    expect(error.messages.en).toMatch(/UTF-8/);
  });

  it('refuses a BOM followed by bytes that are not UTF-8, rather than guessing GB18030', () => {
    expect(refusal(Buffer.concat([BOM, iconv.encode(CSV, 'gb18030')])).code).toBe('csv_encoding');
  });

  it('refuses text holding U+FFFD, the mark of bytes destroyed on the way', () => {
    const damaged = Buffer.from(CSV.replace('鑫', '\uFFFD'), 'utf8');
    expect(refusal(damaged).code).toBe('csv_encoding');
  });
});
