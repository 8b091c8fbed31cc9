import type { MaterialFiles } from '../domain/materials/ports.ts';
import { dirMaterialFiles } from './dir-material-files.ts';

/**
 * The materials store the environment names: the bucket FILES_BUCKET on AWS; locally the
 * folder FILES_DIR with links to FILES_URL signed by FILES_SIGNING_KEY (base64; `npm start`
 * sets all three). The S3 client is loaded on first use, so a cold start of a function that
 * never touches a file does not pay for it.
 */
export function materialFilesFromEnv(env: NodeJS.ProcessEnv = process.env): MaterialFiles {
  const bucket = env.FILES_BUCKET;
  if (bucket) {
    let s3: Promise<MaterialFiles> | undefined;
    const load = () => {
      s3 ??= import('./s3-material-files.ts').then((m) => m.s3MaterialFiles({ bucket }));
      return s3;
    };
    return {
      uploadLink: async (terms) => (await load()).uploadLink(terms),
      inspect: async (key) => (await load()).inspect(key),
      downloadLink: async (terms) => (await load()).downloadLink(terms),
      remove: async (key) => (await load()).remove(key),
      store: async (key, body, type) => (await load()).store(key, body, type),
    };
  }
  // Read at each use, not at import: the local server learns its port (FILES_URL) after the
  // handlers load, and a test process may start a second server on another DATA_DIR.
  const current = (): MaterialFiles => {
    const { FILES_DIR: dir, FILES_SIGNING_KEY: key, FILES_URL: url } = env;
    if (!dir || !key || !url) return unconfigured;
    return dirMaterialFiles({ dir, baseUrl: url, signingKey: Buffer.from(key, 'base64') });
  };
  return {
    uploadLink: (terms) => current().uploadLink(terms),
    inspect: (key) => current().inspect(key),
    downloadLink: (terms) => current().downloadLink(terms),
    remove: (key) => current().remove(key),
    store: (key, body, type) => current().store(key, body, type),
  };
}

/** No store configured: filings still work, and asking for a file says why it cannot. */
const unconfigured: MaterialFiles = {
  uploadLink: () => Promise.reject(new Error('no materials store: set FILES_BUCKET or FILES_DIR')),
  inspect: () => Promise.reject(new Error('no materials store: set FILES_BUCKET or FILES_DIR')),
  downloadLink: () => Promise.reject(new Error('no materials store: set FILES_BUCKET or FILES_DIR')),
  remove: () => Promise.reject(new Error('no materials store: set FILES_BUCKET or FILES_DIR')),
  store: () => Promise.reject(new Error('no files store: set FILES_BUCKET or FILES_DIR')),
};
