import { CsvFormatError } from './import.ts';

/**
 * The text of an uploaded CSV. Excel and WPS on a Chinese Windows machine save "CSV" in
 * GB18030 (GBK), elsewhere in UTF-8, with or without a BOM; the file does not say which.
 * Strict decoders decide: a UTF-8 BOM means UTF-8; otherwise the bytes are UTF-8 only if
 * every sequence is well formed (Chinese text in GBK almost never is: its two-byte codes
 * rarely form valid UTF-8 runs), and GB18030 only if that decodes without an error. Nothing
 * is ever guessed into mojibake: bytes neither decoder takes are refused as a whole file.
 */

const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;

/** U+FFFD: what a transport that read the bytes as UTF-8 leaves of those that were not. */
const REPLACEMENT = '\uFFFD';

/** The encodings the decoder tells apart, for logs and tests. */
export type CsvEncoding = 'utf-8-bom' | 'utf-8' | 'gb18030';

const refuse = (zh: string, en: string, cause?: unknown) =>
  new CsvFormatError({ code: 'csv_encoding', field: 'body', messages: { zh, en }, cause });

const hasBom = (bytes: Uint8Array) => UTF8_BOM.every((byte, index) => bytes[index] === byte);

function strict(encoding: 'utf-8' | 'gb18030', bytes: Uint8Array): string | undefined {
  try {
    // ignoreBOM: a BOM we did not strip stays a character, so the header check names it.
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * Decodes a CSV file's bytes: UTF-8 with or without a BOM, or GB18030 (which includes GBK
 * and GB2312). The BOM is not part of the text.
 * @throws {CsvFormatError} `csv_encoding` (field `body`) when the bytes are neither, or when
 *   the text holds U+FFFD, the mark of bytes already destroyed on the way.
 */
export function decodeCsvBytes(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  const bom = hasBom(bytes);
  const text = bom ? strict('utf-8', bytes.subarray(UTF8_BOM.length)) : strict('utf-8', bytes);
  const decoded: { text: string; encoding: CsvEncoding } | undefined =
    text !== undefined
      ? { text, encoding: bom ? 'utf-8-bom' : 'utf-8' }
      : bom
        ? undefined
        : mapDefined(strict('gb18030', bytes), (gb) => ({ text: gb, encoding: 'gb18030' as const }));
  if (!decoded) {
    throw refuse(
      '无法识别文件编码：请将 CSV 另存为“CSV UTF-8”或 GB18030/GBK 编码，或上传 .xlsx 文件',
      'the file is neither UTF-8 nor GB18030/GBK: save it as "CSV UTF-8", or upload an .xlsx file',
    );
  }
  if (decoded.text.includes(REPLACEMENT)) {
    throw refuse(
      '文件含有无法识别的字符（�），可能已在传输或转换中损坏：请将 CSV 另存为“CSV UTF-8”，或上传 .xlsx 文件',
      'the file holds U+FFFD replacement characters, the mark of text damaged in conversion: save it as "CSV UTF-8", or upload an .xlsx file',
    );
  }
  return decoded;
}

function mapDefined<T, R>(value: T | undefined, f: (value: T) => R): R | undefined {
  return value === undefined ? undefined : f(value);
}
