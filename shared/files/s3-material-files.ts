import { createHash } from 'node:crypto';
import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { MaterialFiles, StoredFile } from '../domain/materials/ports.ts';

/*
 * The materials bucket on AWS (infra/materials.ts): private, encrypted, reached by the browser
 * only through presigned links.
 *
 * An upload link signs content-type, content-length and x-amz-checksum-sha256 (the declared
 * digest), so S3 itself refuses another type, another size or other bytes (BadDigest). The
 * checksum must stay a header (S3 reads it from headers only, aws-sdk-js-v3#3906, hence
 * unhoistableHeaders). The browser sets Content-Length from the body itself, so it is not in
 * the headers handed out. The SDK's own request checksums are off ('WHEN_REQUIRED'): a
 * CRC32 it would add to the signature is one the browser could not send.
 */

export function s3MaterialFiles({ bucket, client }: { bucket: string; client?: S3Client }): MaterialFiles {
  const s3 =
    client ??
    new S3Client({
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  return {
    async uploadLink({ key, contentType, size, sha256, expiresInSeconds }) {
      const checksum = Buffer.from(sha256, 'hex').toString('base64');
      const url = await getSignedUrl(
        s3,
        new PutObjectCommand({
          Bucket: bucket,
          Key: key,
          ContentType: contentType,
          ContentLength: size,
          ChecksumSHA256: checksum,
        }),
        {
          expiresIn: expiresInSeconds,
          signableHeaders: new Set(['content-type', 'content-length', 'x-amz-checksum-sha256']),
          unhoistableHeaders: new Set(['content-type', 'x-amz-checksum-sha256']),
        },
      );
      return {
        method: 'PUT',
        url,
        headers: { 'content-type': contentType, 'x-amz-checksum-sha256': checksum },
      };
    },

    async inspect(key): Promise<StoredFile | undefined> {
      let body: AsyncIterable<Uint8Array>;
      try {
        const out = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
        body = out.Body as AsyncIterable<Uint8Array>;
      } catch (error) {
        if ((error as { name?: string }).name === 'NoSuchKey') return undefined;
        throw error;
      }
      const hash = createHash('sha256');
      const head: number[] = [];
      let size = 0;
      for await (const chunk of body) {
        hash.update(chunk);
        size += chunk.length;
        for (let i = 0; head.length < 16 && i < chunk.length; i++) head.push(chunk[i] as number);
      }
      return { size, sha256: hash.digest('hex'), head: Uint8Array.from(head) };
    },

    async downloadLink({ key, fileName, contentType, expiresInSeconds }) {
      return getSignedUrl(
        s3,
        new GetObjectCommand({
          Bucket: bucket,
          Key: key,
          ResponseContentType: contentType,
          // RFC 6266/5987: a Chinese file name survives as UTF-8.
          ResponseContentDisposition: `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`,
          ResponseCacheControl: 'private, no-store',
        }),
        { expiresIn: expiresInSeconds },
      );
    },

    async store(key, body, contentType) {
      await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentType: contentType }));
    },

    async remove(key) {
      await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
    },
  };
}
