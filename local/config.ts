import { resolve } from 'node:path';
import * as z from 'zod';

const localEnv = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('.data'),
  /** Use this DynamoDB (e.g. a shared DynamoDB Local) instead of starting one. */
  DYNAMODB_ENDPOINT: z.url().optional(),
  TABLE_NAME: z
    .string()
    .regex(/^[A-Za-z0-9_.-]{3,255}$/)
    .default('disclosure'),
  /** Run the sweeps in-process on their schedules (shared/schedules.ts). */
  SCHEDULES: z.enum(['on', 'off']).default('on'),
  AUTO_PUBLISH_OVERDUE: z.enum(['true', 'false']).default('true'),
  /** Start a queued batch job's worker in-process at once, as the table stream does on AWS. */
  BATCH_JOBS: z.enum(['on', 'off']).default('on'),
  /** Send mail to this SMTP server (e.g. Mailpit's smtp://localhost:1025) instead of the embedded catcher. */
  MAIL_URL: z.url().optional(),
  /** The embedded catcher's SMTP port when MAIL_URL is unset (its messages: /local/mail). */
  MAIL_CATCHER_PORT: z.coerce.number().int().min(0).max(65535).default(2525),
  MAIL_FROM: z.email().default('noreply@disclosure.localhost'),
  /** `fake`: start the fake city credit platform (local/fake-upstream.ts) and push to it. */
  UPSTREAM: z.enum(['fake', 'off']).default('off'),
  /** The fake platform's port when UPSTREAM=fake (0: any free port). */
  UPSTREAM_PORT: z.coerce.number().int().min(0).max(65535).default(8790),
  // UPSTREAM_URL and UPSTREAM_TOKEN (a platform of your own, e.g. `npm run upstream`) are read
  // by upstreamFromEnv in shared/upstream/from-env.ts, as the sweeps function reads them on AWS.
  // SITE_NAME, SITE_OFFICE_CONTACT and SITE_LEGAL_NOTICE (the district) are read by siteFrom
  // in shared/site/site-config.ts, not here: the CDK app reads the same settings as context.
});

export interface LocalConfig {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly dynamodbEndpoint: string | undefined;
  readonly tableName: string;
  readonly schedules: boolean;
  readonly autoPublish: boolean;
  readonly batchJobs: boolean;
  /** An SMTP server of your own; else the embedded catcher on `mailCatcherPort`. */
  readonly mailUrl?: string | undefined;
  readonly mailCatcherPort?: number | undefined;
  readonly mailFrom?: string | undefined;
  /** Start the fake upstream platform on this port (0: any) and push to it. */
  readonly fakeUpstreamPort?: number | undefined;
  /** Push to this platform (a test's own fake); else UPSTREAM_URL/UPSTREAM_TOKEN, else none. */
  readonly upstream?:
    | { readonly url: string; readonly token: string; readonly timeoutMs?: number }
    | undefined;
}

export function localConfigFromEnv(env: NodeJS.ProcessEnv = process.env): LocalConfig {
  const parsed = localEnv.safeParse(env);
  if (!parsed.success) throw new Error(`configuration: ${z.prettifyError(parsed.error)}`);
  const c = parsed.data;
  return {
    port: c.PORT,
    host: c.HOST,
    dataDir: resolve(c.DATA_DIR),
    dynamodbEndpoint: c.DYNAMODB_ENDPOINT,
    tableName: c.TABLE_NAME,
    schedules: c.SCHEDULES === 'on',
    autoPublish: c.AUTO_PUBLISH_OVERDUE === 'true',
    batchJobs: c.BATCH_JOBS === 'on',
    mailUrl: c.MAIL_URL,
    mailCatcherPort: c.MAIL_CATCHER_PORT,
    mailFrom: c.MAIL_FROM,
    ...(c.UPSTREAM === 'fake' ? { fakeUpstreamPort: c.UPSTREAM_PORT } : {}),
  };
}
