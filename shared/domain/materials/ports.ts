/**
 * Where the files of objections and repair applications are kept: a private S3 bucket on AWS
 * (shared/files/s3-material-files.ts), a folder of DATA_DIR locally (local/material-files.ts).
 * Both hand out presigned-style links, so the browser sends and fetches the bytes directly and
 * the API never carries them.
 */

/** What an upload link is bound to: the one key, the declared type, size and digest. */
export interface UploadTerms {
  readonly key: string;
  readonly contentType: string;
  readonly size: number;
  /** SHA-256 of the file, 64 lower-case hex digits, as the filer declared it. */
  readonly sha256: string;
  readonly expiresInSeconds: number;
}

/** How the browser sends the file: one PUT of the raw bytes with exactly these headers. */
export interface UploadLink {
  readonly method: 'PUT';
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
}

/** What the store holds under a key, read from the bytes themselves. */
export interface StoredFile {
  readonly size: number;
  /** SHA-256 of the bytes as stored, 64 lower-case hex digits. */
  readonly sha256: string;
  /** The first bytes (up to 16), to tell the real type from the declared one. */
  readonly head: Uint8Array;
}

export interface DownloadTerms {
  readonly key: string;
  readonly fileName: string;
  readonly contentType: string;
  readonly expiresInSeconds: number;
}

export interface MaterialFiles {
  uploadLink(terms: UploadTerms): Promise<UploadLink>;
  /** Reads the stored bytes (streaming); undefined when nothing is stored under the key. */
  inspect(key: string): Promise<StoredFile | undefined>;
  /** A short-lived link that serves the file as an attachment named fileName. */
  downloadLink(terms: DownloadTerms): Promise<string>;
  /** Removes the object (a refused upload); removing what is absent is not an error. */
  remove(key: string): Promise<void>;
  /** Writes a file the service itself makes (the open-data snapshot), replacing any under the key. */
  store(key: string, body: Uint8Array, contentType: string): Promise<void>;
}
