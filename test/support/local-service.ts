import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { localKeys } from '../../local/jwt-keys.ts';
import { type LocalService, startLocalService } from '../../local/service.ts';
import { tokenClaims } from '../../local/token-claims.ts';
import { dynamodbEndpoint, uniqueTableName } from './dynamodb.ts';

export interface TestService extends LocalService {
  readonly dataDir: string;
  /** The service's own table in the shared DynamoDB Local. */
  readonly tableName: string;
  /** A token as `npm run token -- <args>` would print it for this service. */
  token(args: string): Promise<string>;
}

/**
 * The local service, in process, on a free port, in a table of its own in the shared
 * DynamoDB Local. One per test file: the handler modules read TABLE_NAME once, at import.
 */
export interface TestServiceOptions {
  readonly batchJobs?: boolean;
  /** An SMTP server of the test's own (e.g. one it stops and starts); else the embedded catcher. */
  readonly mailUrl?: string;
  /** A platform to push records to (the test's own fake upstream); else none. */
  readonly upstream?: { readonly url: string; readonly token: string; readonly timeoutMs?: number };
}

export async function startTestService(options: TestServiceOptions = {}): Promise<TestService> {
  const dataDir = mkdtempSync(join(tmpdir(), 'disclosure-e2e-'));
  const tableName = uniqueTableName('e2e');
  const service = await startLocalService({
    port: 0,
    host: '127.0.0.1',
    dataDir,
    dynamodbEndpoint: dynamodbEndpoint(),
    tableName,
    // Tests run sweeps themselves, with the clock they need; none fires behind their back.
    schedules: false,
    autoPublish: true,
    // A queued batch job starts at once, as on AWS; a test of the worker itself turns it off.
    batchJobs: options.batchJobs ?? true,
    // A catcher of its own on a free port for each test file's service.
    mailCatcherPort: 0,
    ...(options.mailUrl ? { mailUrl: options.mailUrl } : {}),
    ...(options.upstream ? { upstream: options.upstream } : {}),
  });
  const keys = await localKeys(dataDir);
  return {
    ...service,
    stop: () => service.stop(),
    dataDir,
    tableName,
    token: async (args) => {
      const { claims, ttlSeconds } = tokenClaims(args.split(/\s+/).filter(Boolean));
      return keys.sign(claims, ttlSeconds);
    },
  };
}
