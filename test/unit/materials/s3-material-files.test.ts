import { S3Client } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { s3MaterialFiles } from '../../../shared/files/s3-material-files.ts';

/*
 * S3 cannot run here: these check the presigned links the adapter makes, offline (static fake
 * credentials, no request sent). That S3 then enforces what is signed is AWS's part; the local
 * store (shared/files/dir-material-files.ts) enforces the same in the e2e tests.
 */

const client = new S3Client({
  region: 'cn-north-1',
  credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'not-a-secret' },
  requestChecksumCalculation: 'WHEN_REQUIRED',
});
const files = s3MaterialFiles({ bucket: 'materials-bucket', client });
const SHA = 'ab'.repeat(32);

describe('the S3 materials store', () => {
  it('binds an upload link to its key, type, exact size and digest, for the time asked', async () => {
    const link = await files.uploadLink({
      key: 'materials/obj_1/2',
      contentType: 'application/pdf',
      size: 2_097_152,
      sha256: SHA,
      expiresInSeconds: 900,
    });
    const url = new URL(link.url);

    expect(link.method).toBe('PUT');
    expect(url.pathname).toMatch(/\/materials\/obj_1\/2$/);
    expect(url.searchParams.get('X-Amz-Expires')).toBe('900');
    expect(url.searchParams.get('X-Amz-SignedHeaders')?.split(';')).toEqual(
      expect.arrayContaining(['content-length', 'content-type', 'host', 'x-amz-checksum-sha256']),
    );
    // The checksum is a header S3 reads only from headers; it must not sit in the query.
    expect(url.searchParams.has('x-amz-checksum-sha256')).toBe(false);
    expect(link.headers).toEqual({
      'content-type': 'application/pdf',
      'x-amz-checksum-sha256': Buffer.from(SHA, 'hex').toString('base64'),
    });
  });

  it('names the download as an attachment with its Chinese name, short-lived', async () => {
    const url = new URL(
      await files.downloadLink({
        key: 'materials/rep_1/1',
        fileName: '罚款缴款凭证.pdf',
        contentType: 'application/pdf',
        expiresInSeconds: 300,
      }),
    );

    expect(url.searchParams.get('X-Amz-Expires')).toBe('300');
    expect(url.searchParams.get('response-content-disposition')).toBe(
      `attachment; filename*=UTF-8''${encodeURIComponent('罚款缴款凭证.pdf')}`,
    );
    expect(url.searchParams.get('response-content-type')).toBe('application/pdf');
  });
});
