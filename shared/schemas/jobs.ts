/** Batch registration jobs: what `POST /v1/records/batch` answers with 202, and `GET /v1/jobs/{id}`. */
import * as z from 'zod';
import { MAX_BATCH_ROWS } from '../domain/records/batch.ts';
import { idOut, idParam, instantOut } from './common.ts';
import { issue } from './issue.ts';
import { batchResponse } from './records/agency-routes.ts';

export const jobIdParams = z.strictObject({
  id: idParam('job', issue('invalid_job_id', '任务编号格式错误', 'not a job id')).meta({
    description: '任务编号 / job id',
  }),
});

const instant = instantOut;

export const jobResponse = z.object({
  id: idOut('job').meta({ description: '任务编号' }),
  status: z.enum(['running', 'done']).meta({ description: 'running：处理中；done：每一行都已有结果' }),
  rows: z.number().int().min(1).max(MAX_BATCH_ROWS).meta({ description: '上传的行数' }),
  processed: z.number().int().min(0).max(MAX_BATCH_ROWS).meta({ description: '已有结果的行数' }),
  submittedAt: instant,
  updatedAt: instant,
  finishedAt: instant.optional(),
  summary: batchResponse.shape.summary.meta({
    description: '已处理各行的统计（完成时与同步批量登记的 summary 相同）',
  }),
  results: batchResponse.shape.results.meta({ description: '已处理各行的结果，按行号排列' }),
});

/** The 202 answer: where to follow the job, and how far it got while the request ran. */
export const jobAccepted = jobResponse.omit({ results: true });
