import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import {
  type DirFilesOptions,
  FILES_PATH,
  KEY,
  pathOf,
  sameSignature,
  sign,
} from '../shared/files/dir-material-files.ts';

/*
 * The HTTP side of the local materials store (shared/files/dir-material-files.ts): the PUT and
 * GET of its signed links, answered as S3 answers them.
 */

/** A fresh key per process start: links are short-lived, so none needs to survive a restart. */
export const newSigningKey = (): Buffer => randomBytes(32);

/**
 * Serves the links of dirMaterialFiles: PUT stores the body when the link, its type, length
 * and digest fit; GET serves a file as an attachment. Answers whether the request was its own.
 */
export function serveMaterialFiles(
  request: IncomingMessage,
  response: ServerResponse,
  { dir, signingKey }: Pick<DirFilesOptions, 'dir' | 'signingKey'>,
): boolean {
  const url = new URL(request.url ?? '/', 'http://localhost');
  if (!url.pathname.startsWith(FILES_PATH)) return false;
  const key = decodeURIComponent(url.pathname.slice(FILES_PATH.length));
  const q = (name: string) => url.searchParams.get(name) ?? '';
  const fail = (status: number, code: string, message: string) => {
    request.resume();
    if (response.headersSent) return response.end();
    response.writeHead(status, {
      'content-type': 'application/xml; charset=utf-8',
      'cache-control': 'no-store',
    });
    response.end(
      `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${message}</Message></Error>`,
    );
  };
  const expired = !(Number(q('expires')) * 1000 > Date.now());
  if (!KEY.test(key)) {
    fail(404, 'NoSuchKey', 'The specified key does not exist.');
    return true;
  }
  if (request.method === 'PUT') {
    const signature = sign(signingKey, ['PUT', key, q('type'), q('size'), q('sha256'), q('expires')]);
    if (
      expired ||
      !sameSignature(signature, q('signature')) ||
      request.headers['content-type'] !== q('type')
    ) {
      fail(403, expired ? 'AccessDenied' : 'SignatureDoesNotMatch', 'The link does not allow this upload.');
      return true;
    }
    receive(request, pathOf(dir, key), Number(q('size')), q('sha256')).then(
      (refusal) => {
        if (refusal) return fail(400, refusal, 'The body does not match the signed length or digest.');
        response.writeHead(200, { 'cache-control': 'no-store' });
        response.end();
      },
      (error: unknown) => fail(500, 'InternalError', String(error)),
    );
    return true;
  }
  if (request.method === 'GET' || request.method === 'HEAD') {
    const signature = sign(signingKey, ['GET', key, q('name'), q('type'), q('expires')]);
    if (expired || !sameSignature(signature, q('signature'))) {
      fail(403, expired ? 'AccessDenied' : 'SignatureDoesNotMatch', 'The link does not allow this download.');
      return true;
    }
    const path = pathOf(dir, key);
    stat(path).then(
      (info) => {
        response.writeHead(200, {
          'content-type': q('type'),
          'content-length': String(info.size),
          'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(q('name'))}`,
          'cache-control': 'private, no-store',
          'x-content-type-options': 'nosniff',
        });
        if (request.method === 'HEAD') return response.end();
        createReadStream(path).pipe(response);
      },
      () => fail(404, 'NoSuchKey', 'The specified key does not exist.'),
    );
    return true;
  }
  fail(405, 'MethodNotAllowed', 'The method is not allowed against this resource.');
  return true;
}

/**
 * Writes the body beside its place and moves it in only when its length and SHA-256 are the
 * signed ones, so a refused upload never replaces or leaves a file. Answers the refusal code.
 */
async function receive(
  request: IncomingMessage,
  path: string,
  size: number,
  sha256: string,
): Promise<string | undefined> {
  const declared = Number(request.headers['content-length'] ?? Number.NaN);
  if (declared !== size) return 'IncompleteBody';
  await mkdir(dirname(path), { recursive: true });
  const partial = join(dirname(path), `.${randomBytes(8).toString('hex')}.part`);
  const hash = createHash('sha256');
  let length = 0;
  try {
    await pipeline(
      request,
      async function* (source: AsyncIterable<Buffer>) {
        for await (const chunk of source) {
          length += chunk.length;
          if (length > size) throw Object.assign(new Error('too long'), { refusal: 'IncompleteBody' });
          hash.update(chunk);
          yield chunk;
        }
      },
      createWriteStream(partial),
    );
    if (length !== size) return 'IncompleteBody';
    if (hash.digest('hex') !== sha256) return 'BadDigest';
    const handle = await open(partial, 'r');
    await handle.sync().finally(() => handle.close());
    await rename(partial, path);
    return undefined;
  } catch (error) {
    const refusal = (error as { refusal?: string }).refusal;
    if (refusal) return refusal;
    throw error;
  } finally {
    await rm(partial, { force: true });
  }
}
