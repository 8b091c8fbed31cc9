/**
 * The baseline for `read_rps_ratio`: plain node:http and the AWS SDK document client doing
 * only the GetItem that GET /v1/disclosures/{id} needs, answering the item as JSON.
 * Environment: PORT and the store's settings (TABLE_NAME, DYNAMODB_ENDPOINT, …) as the handlers.
 */
import { createServer } from 'node:http';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { storeFromEnv } from '../shared/store/client.ts';

// The document client exactly as the handlers make it, from the same environment.
const { client, tableName } = storeFromEnv();
const PATH = /^\/v1\/disclosures\/([^/?]+)$/;

const server = createServer((request, response) => {
  const id = PATH.exec(request.url ?? '')?.[1];
  if (!id) {
    response.writeHead(404).end();
    return;
  }
  client.send(new GetCommand({ TableName: tableName, Key: { pk: `REC#${id}`, sk: 'REC' } })).then(
    (out) => {
      if (!out.Item) {
        response.writeHead(404).end();
        return;
      }
      response.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
      response.end(JSON.stringify(out.Item));
    },
    (error: unknown) => {
      response.writeHead(500).end(String(error));
    },
  );
});

server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  process.stdout.write('minimal server listening\n');
});

const stop = () => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
