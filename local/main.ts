/**
 * `npm start`: the service on one machine. Configuration: PORT, HOST, DATA_DIR,
 * DYNAMODB_ENDPOINT, TABLE_NAME (see README).
 */
import './quiet-sdk.ts';
import { localConfigFromEnv } from './config.ts';
import { JavaMissingError } from './dynamodb-local.ts';
import { startLocalService } from './service.ts';

async function main(): Promise<void> {
  const config = localConfigFromEnv();
  const service = await startLocalService(config);
  const dataDirArg = process.env.DATA_DIR ? `DATA_DIR=${process.env.DATA_DIR} ` : '';
  process.stdout.write(
    [
      '',
      `  Disclosure service running at ${service.url}  (website: ${service.url}/, API docs: ${service.url}/docs)`,
      `  data:     ${config.dataDir}  (table ${config.tableName} ${service.table}; DynamoDB ${service.startedDynamoDb ? `Local at ${service.dynamodbEndpoint}` : service.dynamodbEndpoint})`,
      `  try:      curl '${service.url}/v1/deadlines?from=2026-09-30&workingDays=7'`,
      `  tokens:   ${dataDirArg}npm run token -- --role admin | --role agency --agency <USCC> | --role entity --uscc <USCC>`,
      ...(service.upstreamUrl
        ? [`  upstream: records are pushed to ${service.upstreamUrl} (npm run sweep -- upstream)`]
        : []),
      '  stop:     Ctrl-C',
      '',
      '',
    ].join('\n'),
  );

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`\n${signal}: stopping…\n`);
    service.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`error while stopping: ${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  if (error instanceof JavaMissingError) process.stderr.write(`\n${error.message}\n\n`);
  else
    process.stderr.write(
      `could not start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
  process.exit(1);
});
