import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * While `npm start` runs, DATA_DIR/runtime.json says where its DynamoDB is, so a command
 * such as `npm run sweep` works on the same data without starting a second DynamoDB Local
 * on the same files.
 */
export interface Runtime {
  readonly pid: number;
  readonly url: string;
  readonly dynamodbEndpoint: string;
  readonly tableName: string;
  /** Where the running service sends mail, so `npm run sweep` sends to the same place. */
  readonly mailUrl?: string | undefined;
  /** Where the running service pushes records (and its token), so `npm run sweep -- upstream` pushes there too. */
  readonly upstream?: { readonly url: string; readonly token: string } | undefined;
}

const fileIn = (dataDir: string) => join(dataDir, 'runtime.json');

export function writeRuntime(dataDir: string, runtime: Runtime): void {
  writeFileSync(fileIn(dataDir), JSON.stringify(runtime), { mode: 0o600 });
}

export function clearRuntime(dataDir: string): void {
  rmSync(fileIn(dataDir), { force: true });
}

/** The running server's runtime, or undefined if none runs (a stale file is ignored). */
export function readRuntime(dataDir: string): Runtime | undefined {
  let runtime: Runtime;
  try {
    runtime = JSON.parse(readFileSync(fileIn(dataDir), 'utf8')) as Runtime;
  } catch {
    return undefined;
  }
  try {
    process.kill(runtime.pid, 0);
    return runtime;
  } catch {
    return undefined;
  }
}
