import { inflateRawSync } from 'node:zlib';

/**
 * An .xlsx is a zip archive, and a zip can hold far more than it weighs: 1 MiB of deflate
 * can stand for a gigabyte of XML. The reader library unpacks every part into memory, so
 * before it sees the file this module walks the archive's directory and inflates each part
 * itself with a cap on its output, trusting none of the sizes the archive declares.
 */

/** Far more than a 1,000-row sheet unpacks to (about 1 MB of XML), far less than a Lambda holds. */
export const MAX_UNZIPPED_BYTES = 32 * 1024 * 1024;
/** A workbook has a dozen parts; thousands of tiny ones are an attack on the parser's time. */
export const MAX_ZIP_ENTRIES = 500;

export type ZipProblem = 'not_zip' | 'encrypted' | 'too_large' | 'corrupt';

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/** The compound-file header of an Office file saved with a password (OLE2, not zip). */
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] as const;

class ZipRefused extends Error {
  constructor(readonly problem: ZipProblem) {
    super(`zip refused: ${problem}`);
    this.name = 'ZipRefused';
  }
}

function endOfDirectory(view: DataView): number {
  // The record is 22 bytes, followed by a comment of at most 65,535.
  const last = view.byteLength - 22;
  for (let at = last; at >= Math.max(0, last - 65_535); at--) {
    if (view.getUint32(at, true) === EOCD) return at;
  }
  throw new ZipRefused('not_zip');
}

function inflatedSize(
  bytes: Uint8Array,
  view: DataView,
  local: number,
  method: number,
  compressed: number,
  budget: number,
) {
  if (local + 30 > bytes.byteLength || view.getUint32(local, true) !== LOCAL) throw new ZipRefused('corrupt');
  const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
  const data = bytes.subarray(start, start + compressed);
  if (data.byteLength !== compressed) throw new ZipRefused('corrupt');
  if (method === 0) return compressed;
  if (method !== 8) throw new ZipRefused('corrupt');
  try {
    return inflateRawSync(data, { maxOutputLength: Math.max(1, budget) }).byteLength;
  } catch (error) {
    throw new ZipRefused(error instanceof RangeError ? 'too_large' : 'corrupt');
  }
}

/**
 * Checks that `bytes` is a zip archive that unpacks to at most {@link MAX_UNZIPPED_BYTES} in
 * at most {@link MAX_ZIP_ENTRIES} parts, by inflating every part under that cap.
 * @returns undefined when it is, else what is wrong with it.
 */
export function zipProblem(bytes: Uint8Array): ZipProblem | undefined {
  if (OLE2.every((byte, index) => bytes[index] === byte)) return 'encrypted';
  if (bytes.byteLength < 22) return 'not_zip';
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  try {
    const end = endOfDirectory(view);
    const entries = view.getUint16(end + 10, true);
    if (entries > MAX_ZIP_ENTRIES) return 'too_large';
    let at = view.getUint32(end + 16, true);
    let total = 0;
    for (let i = 0; i < entries; i++) {
      if (at + 46 > bytes.byteLength || view.getUint32(at, true) !== CENTRAL) return 'corrupt';
      const flags = view.getUint16(at + 8, true);
      if (flags & 0x1) return 'encrypted';
      const method = view.getUint16(at + 10, true);
      const compressed = view.getUint32(at + 20, true);
      const local = view.getUint32(at + 42, true);
      // ZIP64 markers: a part of 4 GiB is no spreadsheet this service takes.
      if (compressed === 0xffffffff || local === 0xffffffff) return 'too_large';
      total += inflatedSize(bytes, view, local, method, compressed, MAX_UNZIPPED_BYTES - total);
      if (total > MAX_UNZIPPED_BYTES) return 'too_large';
      at +=
        46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    }
    return entries === 0 ? 'not_zip' : undefined;
  } catch (error) {
    if (error instanceof ZipRefused) return error.problem;
    if (error instanceof RangeError) return 'corrupt'; // a read past the end of the buffer
    throw error;
  }
}
