import type { Clock } from '../clock.ts';
import { ConflictError, NotFoundError } from '../errors.ts';
import type { Objection } from '../objections/objection.ts';
import type { Repair } from '../repairs/repair.ts';
import type { Evidence } from '../workflows/filing.ts';
import { type Filer, type Party, visibleTo, type WorkflowKind } from '../workflows/party.ts';
import type { WorkflowStore } from '../workflows/ports.ts';
import type { MaterialFiles, UploadLink } from './ports.ts';
import {
  checkReceived,
  DOWNLOAD_LINK_SECONDS,
  type MaterialFile,
  materialKey,
  UPLOAD_LINK_SECONDS,
} from './rules.ts';

/** That the n-th material of a filing arrived and its bytes were checked. */
export interface MaterialReceipt {
  readonly n: number;
  readonly size: number;
  readonly sha256: string;
  readonly receivedAt: string;
}

export interface MaterialReceipts {
  /** The filing's receipts, in the order of n. */
  of(kind: WorkflowKind, filingId: string): Promise<readonly MaterialReceipt[]>;
  /** Keeps a receipt; keeping the same one again is not an error (a retried confirmation). */
  keep(kind: WorkflowKind, filingId: string, receipt: MaterialReceipt): Promise<void>;
}

export interface MaterialDeps {
  readonly workflows: WorkflowStore;
  readonly files: MaterialFiles;
  readonly receipts: MaterialReceipts;
  readonly clock: Clock;
}

/** An evidence item as the filing's parties see it: with its file's state. */
export type EvidenceView = Evidence & {
  readonly file?: (MaterialFile & { readonly receivedAt?: string | undefined }) | undefined;
};

/** The evidence of a filing with, for each file, when it was received (absent: still awaited). */
export function evidenceWithReceipts(
  evidence: readonly Evidence[],
  receipts: readonly MaterialReceipt[],
): EvidenceView[] {
  const at = new Map(receipts.map((r) => [r.n, r.receivedAt]));
  return evidence.map((item, i) => {
    const receivedAt = at.get(i + 1);
    return item.file && receivedAt ? { ...item, file: { ...item.file, receivedAt } } : item;
  });
}

const noSuchMaterial = (n: number) =>
  new NotFoundError({
    code: 'material_not_found',
    field: 'n',
    messages: {
      zh: `该申请没有第 ${n} 项材料文件`,
      en: `the filing has no file as material ${n}`,
    },
  });

/**
 * The files of objections and repair applications. The filer gets a link to send each file
 * after filing (the key binds it to the filing, the link to the declared type, size and
 * digest), then confirms; the service reads the stored bytes and keeps a receipt only when
 * they are what was declared. Both parties (the filer and the deciding agency) open a received
 * file through a short-lived link; anyone else gets the refusal that says nothing.
 */
export function makeMaterialUseCases({ workflows, files, receipts, clock }: MaterialDeps) {
  async function filing(kind: WorkflowKind, party: Party, id: string): Promise<Objection | Repair> {
    const found = kind === 'objection' ? await workflows.getObjection(id) : await workflows.getRepair(id);
    return visibleTo(kind, party, found);
  }

  function fileOf(f: Objection | Repair, n: number): Evidence & { file: MaterialFile } {
    const item = f.evidence[n - 1];
    if (!item?.file) throw noSuchMaterial(n);
    return item as Evidence & { file: MaterialFile };
  }

  const receiptOf = async (kind: WorkflowKind, id: string, n: number) =>
    (await receipts.of(kind, id)).find((r) => r.n === n);

  const expiry = (seconds: number) => new Date(clock().getTime() + seconds * 1000).toISOString();

  return {
    /** The link to send the n-th file; only while the filing is undecided and the file not yet in. */
    async uploadLink(
      kind: WorkflowKind,
      filer: Filer,
      id: string,
      n: number,
    ): Promise<{
      readonly method: UploadLink['method'];
      readonly url: string;
      readonly requestHeaders: UploadLink['headers'];
      readonly expiresAt: string;
    }> {
      const f = await filing(kind, filer, id);
      const item = fileOf(f, n);
      if (f.status !== 'pending') {
        throw new ConflictError({
          code: 'filing_closed',
          messages: {
            zh: '该申请已处理完毕，不能再上传材料',
            en: 'the filing was decided; no more files are taken',
          },
        });
      }
      if (await receiptOf(kind, id, n)) throw alreadyReceived(n);
      const link = await files.uploadLink({
        key: materialKey(id, n),
        contentType: item.file.contentType,
        size: item.file.size,
        sha256: item.sha256,
        expiresInSeconds: UPLOAD_LINK_SECONDS,
      });
      return {
        method: link.method,
        url: link.url,
        requestHeaders: link.headers,
        expiresAt: expiry(UPLOAD_LINK_SECONDS),
      };
    },

    /**
     * After the upload: reads the stored bytes. What matches the declaration gets its receipt;
     * what does not is deleted and refused with the field it fails.
     */
    async confirm(kind: WorkflowKind, filer: Filer, id: string, n: number): Promise<MaterialReceipt> {
      const f = await filing(kind, filer, id);
      const item = fileOf(f, n);
      const kept = await receiptOf(kind, id, n);
      if (kept) return kept;
      const key = materialKey(id, n);
      const stored = await files.inspect(key);
      if (!stored) {
        throw new ConflictError({
          code: 'material_not_uploaded',
          field: 'n',
          messages: {
            zh: `第 ${n} 项材料文件尚未上传`,
            en: `no file has been uploaded as material ${n}`,
          },
        });
      }
      try {
        checkReceived(n, item, stored);
      } catch (error) {
        await files.remove(key);
        throw error;
      }
      const receipt = { n, size: stored.size, sha256: stored.sha256, receivedAt: clock().toISOString() };
      await receipts.keep(kind, id, receipt);
      return receipt;
    },

    /** A short-lived link to a received file, for the filing's two parties only. */
    async downloadLink(kind: WorkflowKind, party: Party, id: string, n: number) {
      const f = await filing(kind, party, id);
      const item = fileOf(f, n);
      if (!(await receiptOf(kind, id, n))) {
        throw new NotFoundError({
          code: 'material_not_received',
          field: 'n',
          messages: {
            zh: `第 ${n} 项材料文件尚未上传`,
            en: `material ${n} has not been received`,
          },
        });
      }
      const url = await files.downloadLink({
        key: materialKey(id, n),
        fileName: fileName(item.name, item.file.contentType),
        contentType: item.file.contentType,
        expiresInSeconds: DOWNLOAD_LINK_SECONDS,
      });
      return {
        url,
        expiresAt: expiry(DOWNLOAD_LINK_SECONDS),
        name: item.name,
        sha256: item.sha256,
        ...item.file,
      };
    },

    /** The filing's evidence with each file's state, for the views of its parties. */
    async evidenceOf(kind: WorkflowKind, f: Objection | Repair): Promise<EvidenceView[]> {
      if (!f.evidence.some((e) => e.file)) return [...f.evidence];
      return evidenceWithReceipts(f.evidence, await receipts.of(kind, f.id));
    },
  };
}

export type MaterialUseCases = ReturnType<typeof makeMaterialUseCases>;

const alreadyReceived = (n: number) =>
  new ConflictError({
    code: 'material_already_received',
    field: 'n',
    messages: { zh: `第 ${n} 项材料文件已收到`, en: `material ${n} has already been received` },
  });

const EXTENSIONS: Readonly<Record<MaterialFile['contentType'], string>> = {
  'application/pdf': '.pdf',
  'image/jpeg': '.jpg',
  'image/png': '.png',
  'application/ofd': '.ofd',
};

/** The name a downloaded file gets: the material's name, with its type's extension. */
export function fileName(name: string, type: MaterialFile['contentType']): string {
  const base = name.replace(/[\\/:*?"<>|\p{Cc}]+/gu, '_').slice(0, 120) || '材料';
  const ext = EXTENSIONS[type];
  return base.toLowerCase().endsWith(ext) ? base : `${base}${ext}`;
}
