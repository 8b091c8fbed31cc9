import * as z from 'zod';
import { MATERIAL_TYPES, MAX_MATERIAL_BYTES } from '../domain/materials/rules.ts';
import { idParam, instantOut } from './common.ts';
import { issue } from './issue.ts';
import { MAX_EVIDENCE, MAX_LENGTH } from './limits.ts';

/** The file of an evidence item, as declared when filing. */
export const materialFile = z.strictObject({
  contentType: z
    .enum(
      MATERIAL_TYPES,
      issue(
        'material_type_forbidden',
        '只接受 PDF、JPEG、PNG、OFD 文件',
        'PDF, JPEG, PNG and OFD files only',
      ),
    )
    .meta({ description: '文件类型：PDF、JPEG、PNG 或 OFD' }),
  size: z
    .number()
    .int()
    .min(1, issue('material_empty', '文件不能为空', 'the file is empty'))
    .max(
      MAX_MATERIAL_BYTES,
      issue(
        'material_too_large',
        `单个文件不得超过 ${MAX_MATERIAL_BYTES / 1024 / 1024} MB`,
        `a file may weigh at most ${MAX_MATERIAL_BYTES / 1024 / 1024} MB`,
      ),
    )
    .meta({ description: '文件大小（字节）' }),
});

export const materialFileOut = z.object({
  contentType: z.enum(MATERIAL_TYPES),
  size: z.number().int().min(1).max(MAX_MATERIAL_BYTES),
  receivedAt: instantOut.optional().meta({ description: '文件收到并核对摘要的时刻；没有则尚未上传' }),
});

const SHA256_OUT = z
  .string()
  .max(64)
  .regex(/^[0-9a-f]{64}$/);
const LINK = z.string().max(4096).meta({ format: 'uri' });

const materialParams = (prefix: string, zh: string) =>
  z.strictObject({
    id: idParam(prefix, issue(`invalid_${prefix}_id`, `${zh}编号格式错误`, `not a ${zh} id`)),
    n: z
      .string()
      .max(
        2,
        issue('invalid_material_number', '材料序号须为 1 到 20 的整数', 'the material number is 1 to 20'),
      )
      .regex(
        /^[1-9][0-9]?$/,
        issue('invalid_material_number', '材料序号须为 1 到 20 的整数', 'the material number is 1 to 20'),
      )
      .transform(Number)
      .refine(
        (n) => n <= MAX_EVIDENCE,
        issue('invalid_material_number', '材料序号须为 1 到 20 的整数', 'the material number is 1 to 20'),
      )
      .meta({ description: '材料在 evidence 中的序号，从 1 起' }),
  });

export const objectionMaterialParams = materialParams('obj', '异议');
export const repairMaterialParams = materialParams('rep', '信用修复申请');

export const uploadLinkResponse = z
  .object({
    method: z.literal('PUT'),
    url: LINK,
    // Not `headers`: the OWASP ruleset reads a property of that name as response headers.
    requestHeaders: z
      .record(z.string().max(100), z.string().max(200))
      .meta({ description: '上传时须原样带上的请求头（Content-Length 由浏览器按文件大小自动填写）' }),
    expiresAt: instantOut,
  })
  .meta({ id: 'MaterialUploadLink' });

export const materialReceiptResponse = z
  .object({
    n: z.number().int().min(1).max(MAX_EVIDENCE),
    size: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
    sha256: SHA256_OUT,
    receivedAt: instantOut,
  })
  .meta({ id: 'MaterialReceipt' });

export const materialLinkResponse = z
  .object({
    url: LINK.meta({ description: '短时有效的下载链接' }),
    expiresAt: instantOut,
    name: z.string().max(MAX_LENGTH.evidenceName),
    sha256: SHA256_OUT,
    contentType: z.enum(MATERIAL_TYPES),
    size: z.number().int().min(1).max(MAX_MATERIAL_BYTES),
  })
  .meta({ id: 'MaterialLink' });
