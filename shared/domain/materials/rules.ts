import { InvalidInputError, RuleViolationError } from '../errors.ts';

/**
 * What a filing's material files may be: the formats an agency can open without special
 * software (PDF, the two photo formats, and OFD, China's standard for official electronic
 * documents, GB/T 33190), and sizes that a phone photo or a scanned decision fits easily
 * while a filing cannot become a file store.
 */
export const MATERIAL_TYPES = ['application/pdf', 'image/jpeg', 'image/png', 'application/ofd'] as const;
export type MaterialType = (typeof MATERIAL_TYPES)[number];

export const MATERIAL_TYPE_LABELS: Readonly<Record<MaterialType, string>> = {
  'application/pdf': 'PDF',
  'image/jpeg': 'JPEG 图片',
  'image/png': 'PNG 图片',
  'application/ofd': 'OFD 版式文件',
};

/** The largest file, and the most all files of one filing may weigh together. */
export const MAX_MATERIAL_BYTES = 20 * 1024 * 1024;
export const MAX_FILING_MATERIAL_BYTES = 50 * 1024 * 1024;

/** How long an upload link and a download link stay good. */
export const UPLOAD_LINK_SECONDS = 15 * 60;
export const DOWNLOAD_LINK_SECONDS = 5 * 60;

/** The file of one evidence item, as declared when filing. */
export interface MaterialFile {
  readonly contentType: MaterialType;
  readonly size: number;
}

/**
 * How each type's bytes begin. A declared type is only a label the browser guessed from the
 * file name; the first bytes tell what the file is. OFD is a ZIP package (GB/T 33190 §5).
 */
const SIGNATURES: Readonly<Record<MaterialType, readonly number[]>> = {
  'application/pdf': [0x25, 0x50, 0x44, 0x46, 0x2d], // %PDF-
  'image/jpeg': [0xff, 0xd8, 0xff],
  'image/png': [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  'application/ofd': [0x50, 0x4b, 0x03, 0x04], // PK\3\4
};

/** Whether `head`, the first bytes of a file, are those of `type`. */
export function looksLike(type: MaterialType, head: Uint8Array): boolean {
  const signature = SIGNATURES[type];
  return signature.length <= head.length && signature.every((byte, i) => head[i] === byte);
}

/** Where a filing's n-th material (from 1) is kept: the key binds the object to the filing. */
export function materialKey(filingId: string, n: number): string {
  return `materials/${filingId}/${n}`;
}

/** The whole-filing limit (each file's own limit the request schema enforces). */
export function checkFilingMaterials(
  evidence: readonly { readonly file?: MaterialFile | undefined }[],
): void {
  const total = evidence.reduce((sum, item) => sum + (item.file?.size ?? 0), 0);
  if (total > MAX_FILING_MATERIAL_BYTES) {
    throw new InvalidInputError({
      code: 'materials_too_large',
      field: 'evidence',
      messages: {
        zh: `一次申请的材料文件合计不得超过 ${MAX_FILING_MATERIAL_BYTES / 1024 / 1024} MB`,
        en: `the files of one filing may weigh at most ${MAX_FILING_MATERIAL_BYTES / 1024 / 1024} MB together`,
      },
    });
  }
}

/** What the stored bytes were checked for, and the refusal when they fail. */
export function checkReceived(
  n: number,
  declared: { readonly sha256: string; readonly file: MaterialFile },
  stored: { readonly size: number; readonly sha256: string; readonly head: Uint8Array },
): void {
  const field = `evidence[${n - 1}]`;
  if (stored.sha256 !== declared.sha256 || stored.size !== declared.file.size) {
    throw new RuleViolationError({
      code: 'material_digest_mismatch',
      field: `${field}.sha256`,
      messages: {
        zh: `第 ${n} 项材料收到的文件与提交时的 SHA-256 摘要不符，已删除，请重新上传`,
        en: `the file received for material ${n} does not match the SHA-256 declared when filing; it was deleted, upload it again`,
      },
    });
  }
  if (!looksLike(declared.file.contentType, stored.head)) {
    throw new RuleViolationError({
      code: 'material_type_mismatch',
      field: `${field}.file.contentType`,
      messages: {
        zh: `第 ${n} 项材料不是${MATERIAL_TYPE_LABELS[declared.file.contentType]}文件，已删除；只接受 PDF、JPEG、PNG、OFD`,
        en: `material ${n} is not a ${declared.file.contentType} file; it was deleted (PDF, JPEG, PNG and OFD only)`,
      },
    });
  }
}
