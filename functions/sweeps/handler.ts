import type { Context } from 'aws-lambda';
import * as z from 'zod';
import { systemClock } from '../../shared/domain/clock.ts';
import { SWEEP_NAMES } from '../../shared/domain/deadlines/kinds.ts';
import { mailFromEnv } from '../../shared/mail/from-env.ts';
import { storeFromEnv } from '../../shared/store/client.ts';
import { makeSweeps } from './sweeps.ts';

const settings = z
  .object({ AUTO_PUBLISH_OVERDUE: z.enum(['true', 'false']).default('true') })
  .parse(process.env);

const sweeps = makeSweeps(storeFromEnv(), systemClock, {
  autoPublish: settings.AUTO_PUBLISH_OVERDUE === 'true',
  mail: mailFromEnv(),
});

const scheduled = z.object({ sweep: z.enum(SWEEP_NAMES) });

/**
 * The table stream's trigger (infra) passes the records of jobs that stepped into `queued`;
 * what they hold does not matter: the 'batch-jobs' sweep finds every job that is due.
 */
const streamed = z
  .object({ Records: z.array(z.unknown()).min(1) })
  .transform(() => ({ sweep: 'batch-jobs' as const }));

const input = z.union([scheduled, streamed]);

/** Leaves this much of Lambda's time to finish the batch in hand and report. */
const SAFETY_MS = 20_000;

/**
 * Invoked by EventBridge Scheduler with `{ "sweep": "<name>" }`, asynchronously, and by the
 * table stream when a batch job is queued. An error fails
 * the invocation; Lambda's own asynchronous retries run it again and, in the end, send it to
 * the same dead-letter queue the scheduler uses for calls it could not deliver (infra/timers.ts).
 */
export async function handler(event: unknown, context: Context) {
  const { sweep } = input.parse(event);
  const report = await sweeps(sweep, { timeLeft: () => context.getRemainingTimeInMillis() > SAFETY_MS });
  process.stdout.write(`${JSON.stringify({ level: 'INFO', message: 'sweep', ...report })}\n`);
  return report;
}
