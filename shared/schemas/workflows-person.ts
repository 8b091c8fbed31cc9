import * as z from 'zod';
import { PERSON_RECORD_STATES } from '../domain/records/person-use-cases.ts';
import { instantOut, isoDate, pageOf } from './common.ts';
import { MAX_LENGTH, MAX_RECORD_REASON_LENGTH } from './limits.ts';
import { entityRecordResponse } from './records/public-routes.ts';

/**
 * A natural person's own record (shared/domain/records/person-use-cases.ts): the masked view
 * of every record, their own name kept, where it stands, and what they have pending on it.
 */
export const personRecordResponse = entityRecordResponse
  .extend({
    state: z.enum(PERSON_RECORD_STATES).meta({
      description: '记录状态：published 已公示（不对外公开）/ ended 公示期届满或已修复 / revoked 已撤销',
    }),
    publicationEnd: z.object({ at: instantOut, reason: z.enum(['expired', 'repaired']) }).optional(),
    revocation: z
      .object({
        at: instantOut,
        reason: z.string().max(MAX_RECORD_REASON_LENGTH),
        decisionDate: isoDate.optional().meta({ description: '撤销决定的日期' }),
        documentNumber: z
          .string()
          .max(MAX_LENGTH.documentNumber)
          .optional()
          .meta({ description: '撤销决定的文书号' }),
      })
      .optional(),
  })
  .meta({ id: 'PersonRecord' });

export const personRecordPage = pageOf(personRecordResponse);
