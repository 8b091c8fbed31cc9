/**
 * `npm run token -- --role agency --agency <USCC>` (or `--role entity --uscc <USCC>`,
 * `--role person --id <resident ID number>`, `--role admin`): prints a bearer token, and only the token, for the local server that
 * runs on the same DATA_DIR. Options: --sub <subject>, --ttl <seconds> (default 43200).
 */
import './quiet-sdk.ts';
import { localConfigFromEnv } from './config.ts';
import { localKeys } from './jwt-keys.ts';
import { tokenClaims, USAGE, UsageError } from './token-claims.ts';

async function main(): Promise<void> {
  const { claims, ttlSeconds } = tokenClaims(process.argv.slice(2));
  const keys = await localKeys(localConfigFromEnv().dataDir);
  process.stdout.write(`${await keys.sign(claims, ttlSeconds)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(
    error instanceof UsageError ? `${error.message}\n${USAGE}\n` : `token: ${String(error)}\n`,
  );
  process.exit(2);
});
