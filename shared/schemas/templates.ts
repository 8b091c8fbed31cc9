import * as z from 'zod';
import { RECORD_KINDS } from '../domain/records/vocabulary.ts';

/** GET /v1/templates/{kind}: the blank file a clerk fills in for a batch upload. */
export const templateParams = z.strictObject({
  kind: z.enum(RECORD_KINDS).meta({ description: '记录类别' }),
});

export const templateQuery = z.strictObject({
  format: z.enum(['csv', 'xlsx']).optional().meta({ description: 'csv（默认，UTF-8 带 BOM）或 xlsx' }),
});
