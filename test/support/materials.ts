import { createHash } from 'node:crypto';

/*
 * Material files for tests: real bytes of each accepted type (a PDF of any size that opens,
 * the smallest PNG), their digests, and the steps a browser takes to send one.
 */

export const sha256Of = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** A valid one-page PDF padded with a comment to `size` bytes (readers skip comments). */
export function pdfOf(size: number, text = 'material'): Buffer {
  const head = Buffer.from(
    `%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n% ${text}\n`,
  );
  const tail = Buffer.from('\ntrailer<</Root 1 0 R>>\n%%EOF\n');
  const padding = Math.max(0, size - head.length - tail.length);
  return Buffer.concat([head, Buffer.alloc(padding, 0x20), tail]);
}

/** A 1×1 PNG. */
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

/** An evidence item declaring `bytes` as a file of `contentType`. */
export function materialOf(name: string, bytes: Uint8Array, contentType = 'application/pdf') {
  return { name, sha256: sha256Of(bytes), file: { contentType, size: bytes.length } };
}

/** Sends `bytes` as the browser does: one PUT to the link, with exactly its headers. */
export async function putFile(
  link: { url: string; requestHeaders: Record<string, string> },
  bytes: Uint8Array,
): Promise<Response> {
  return fetch(link.url, { method: 'PUT', headers: link.requestHeaders, body: bytes });
}
