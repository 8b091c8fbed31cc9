import * as z from 'zod';
import { normalizeCode, VERIFIABLE_KINDS } from '../domain/documents/verification.ts';
import { instantOut, usccOut } from './common.ts';
import { issue } from './issue.ts';

const codeFormat = issue(
  'invalid_verification_code',
  '核验码为 20 位字母数字（可带连字符），请核对',
  'a verification code is 20 letters and digits (dashes allowed)',
);

/** GET /v1/verifications/{code}: typed as people type it, checked in its one written form. */
export const verificationParams = z.strictObject({
  code: z
    .string()
    .max(40, codeFormat)
    .transform((value, ctx) => {
      const code = normalizeCode(value);
      if (!code) {
        ctx.addIssue({ code: 'custom', ...codeFormat });
        return z.NEVER;
      }
      return code;
    })
    .meta({ description: '核验码，例如 7KQ3-M9XA-PD2H-4TWE-8BNC（不区分大小写，连字符可省）' }),
});

export const verificationResponse = z
  .object({
    code: z.string().max(24),
    kind: z.enum(VERIFIABLE_KINDS),
    title: z.string().max(100),
    number: z
      .string()
      .max(60)
      .meta({ description: '文书编号（信用修复决定书：申请编号；信用报告：报告编号）' }),
    issuedAt: instantOut,
    issuer: z.object({ uscc: usccOut.optional(), name: z.string().max(200) }),
    sha256: z
      .string()
      .max(64)
      .regex(/^[0-9a-f]{64}$/)
      .meta({ description: '文书内容的 SHA-256，与文书上印的一致即为原件内容' }),
  })
  .meta({ id: 'Verification', description: '本系统出具的文书的公开核验记录，不含任何个人信息' });
