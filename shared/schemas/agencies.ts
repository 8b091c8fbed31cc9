import * as z from 'zod';
import { instantOut, uscc, usccOut } from './common.ts';
import { issue } from './issue.ts';
import { line } from './text.ts';

export const AGENCY_NAME_MIN = 2;
export const AGENCY_NAME_MAX = 100;
export const AGENCY_SHORT_NAME_MAX = 30;

export const agencyPathParams = z.strictObject({ uscc });

export const putAgencyBody = z.strictObject({
  name: line(AGENCY_NAME_MAX)
    .refine(
      (v) => [...v].length >= AGENCY_NAME_MIN,
      issue(
        'name_too_short',
        `机关名称至少 ${AGENCY_NAME_MIN} 个字`,
        `the name needs at least ${AGENCY_NAME_MIN} characters`,
      ),
    )
    .meta({ description: '机关名称 / the agency’s full name, e.g. 某市市场监督管理局' }),
  shortName: line(AGENCY_SHORT_NAME_MAX).optional().meta({ description: '简称 / short name, e.g. 市监局' }),
});
export type PutAgencyBody = z.infer<typeof putAgencyBody>;

export const agencyResponse = z.object({
  uscc: usccOut,
  name: z.string().max(AGENCY_NAME_MAX),
  shortName: z.string().max(AGENCY_SHORT_NAME_MAX).optional(),
  version: z.number().int().min(1),
  updatedAt: instantOut,
});

/** The most agencies the directory answers in one list (a city has a few hundred). */
export const MAX_AGENCIES = 5000;

export const agencyListResponse = z.object({
  items: z
    .array(agencyResponse)
    .max(MAX_AGENCIES)
    .meta({ description: '按统一社会信用代码升序 / by USCC ascending' }),
});
