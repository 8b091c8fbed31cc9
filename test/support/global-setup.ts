import type { TestProject } from 'vitest/node';
import { type RunningDynamoDb, startDynamoDbLocal } from '../../local/dynamodb-local.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamodbEndpoint: string;
  }
}

/**
 * One in-memory DynamoDB Local for the whole run; files isolate themselves by table. Only the
 * projects that need it (integration, e2e, browser) name this file, and vitest runs a
 * project's global setup only when the run has files of that project, so `npm run test:unit`
 * starts no Java at all. The projects share one instance through the main process's global
 * object, counted so that the last project to finish stops it.
 */
const shared = globalThis as { disclosureDynamoLocal?: { started: Promise<RunningDynamoDb>; users: number } };

export default async function setup(project: TestProject) {
  // This runs outside the projects' `env`: the SDK's notice about Node.js 20 is known (package.json).
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  shared.disclosureDynamoLocal ??= { started: startDynamoDbLocal(), users: 0 };
  const slot = shared.disclosureDynamoLocal;
  slot.users++;
  const dynamo = await slot.started;
  project.provide('dynamodbEndpoint', dynamo.endpoint);
  return async () => {
    if (--slot.users > 0) return;
    shared.disclosureDynamoLocal = undefined;
    await dynamo.stop();
  };
}
