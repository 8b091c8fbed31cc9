import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, resolve, sep } from 'node:path';
import type { MaterialFiles, StoredFile } from '../domain/materials/ports.ts';

/*
 * The local stand-in for the materials bucket (its HTTP side is local/material-files.ts): files under DATA_DIR/files, handed out through
 * links signed like S3's presigned ones. An upload link is bound to its key, type, exact size
 * and SHA-256, and the PUT is refused as S3 refuses it (403 for a link that does not fit, 400
 * BadDigest for other bytes), so the browser and the tests go through the same steps as on AWS.
 */

export const FILES_PATH = '/local/files/';

export interface DirFilesOptions {
  readonly dir: string;
  /** The origin the links point at (the local server's own). */
  readonly baseUrl: string;
  readonly signingKey: Buffer;
}

/**
 * A filing's material, a day's open-data snapshot (shared/domain/sharing/open-data.ts) or a
 * credit report's file (shared/domain/reports/use-cases.ts).
 */
export const KEY =
  /^(?:materials\/[A-Za-z0-9_-]{1,80}\/[0-9]{1,3}|open-data\/disclosures-\d{4}-\d{2}-\d{2}\.csv|reports\/XYBG-\d{8}-[0-9A-Z]{8}\.(?:pdf|html))$/;

export function sign(key: Buffer, parts: readonly string[]): string {
  return createHmac('sha256', key).update(parts.join('\n')).digest('base64url');
}

export function sameSignature(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export const pathOf = (dir: string, key: string) => {
  if (!KEY.test(key)) throw new Error(`not a material key: ${key}`);
  const path = resolve(dir, key);
  if (!path.startsWith(resolve(dir) + sep)) throw new Error(`key outside the files folder: ${key}`);
  return path;
};

export function dirMaterialFiles({ dir, baseUrl, signingKey }: DirFilesOptions): MaterialFiles {
  const origin = () => baseUrl;
  const expires = (seconds: number) => String(Math.floor(Date.now() / 1000) + seconds);
  return {
    async uploadLink({ key, contentType, size, sha256, expiresInSeconds }) {
      pathOf(dir, key);
      const exp = expires(expiresInSeconds);
      const query = new URLSearchParams({
        type: contentType,
        size: String(size),
        sha256,
        expires: exp,
        signature: sign(signingKey, ['PUT', key, contentType, String(size), sha256, exp]),
      });
      return {
        method: 'PUT',
        url: `${origin()}${FILES_PATH}${key}?${query}`,
        headers: {
          'content-type': contentType,
          'x-amz-checksum-sha256': Buffer.from(sha256, 'hex').toString('base64'),
        },
      };
    },

    async inspect(key): Promise<StoredFile | undefined> {
      const path = pathOf(dir, key);
      const info = await stat(path).catch(() => undefined);
      if (!info) return undefined;
      const hash = createHash('sha256');
      const head: number[] = [];
      for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
        hash.update(chunk);
        for (let i = 0; head.length < 16 && i < chunk.length; i++) head.push(chunk[i] as number);
      }
      return { size: info.size, sha256: hash.digest('hex'), head: Uint8Array.from(head) };
    },

    async downloadLink({ key, fileName, contentType, expiresInSeconds }) {
      pathOf(dir, key);
      const exp = expires(expiresInSeconds);
      const query = new URLSearchParams({
        name: fileName,
        type: contentType,
        expires: exp,
        signature: sign(signingKey, ['GET', key, fileName, contentType, exp]),
      });
      return `${origin()}${FILES_PATH}${key}?${query}`;
    },

    async remove(key) {
      await rm(pathOf(dir, key), { force: true });
    },

    async store(key, body) {
      const path = pathOf(dir, key);
      await mkdir(dirname(path), { recursive: true });
      // Written aside and renamed: a reader never sees half a file.
      await writeFile(`${path}.part`, body);
      await rename(`${path}.part`, path);
    },
  };
}
