import { App, type AppProps, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { DisclosureServiceStack } from './stack.ts';

export const STACK_NAME = 'DisclosureService';

/**
 * Builds the app without synthesizing it, so tests can inspect the stack in memory.
 * Context `webOrigins` (comma-separated) and `authDomainPrefix` configure sign-in;
 * `autoPublishOverdue` (`true` unless set to `false`, e.g. `-c autoPublishOverdue=false`)
 * is the policy for records past their disclosure deadline (AUTO_PUBLISH_OVERDUE).
 *
 * cdk-nag 3 is a policy-validation plugin, not an aspect: it runs during synthesis and
 * fails it on any unacknowledged error; findings are acknowledged where they arise, with
 * `Validations.of(construct).acknowledge({ id, reason })`.
 */
export function buildApp(props: AppProps = {}): { app: App; stack: DisclosureServiceStack } {
  const app = new App(props);
  const origins = app.node.tryGetContext('webOrigins') as string | undefined;
  const domainPrefix = app.node.tryGetContext('authDomainPrefix') as string | undefined;
  const autoPublish = flag('autoPublishOverdue', app.node.tryGetContext('autoPublishOverdue'));
  const stack = new DisclosureServiceStack(app, STACK_NAME, {
    description: 'Disclosure and objection service: HTTP API, Lambda, one DynamoDB table, Cognito',
    ...(origins ? { webOrigins: origins.split(',').map((origin) => origin.trim()) } : {}),
    ...(domainPrefix ? { authDomainPrefix: domainPrefix } : {}),
    ...(autoPublish === undefined ? {} : { autoPublishOverdue: autoPublish }),
  });
  // The acknowledgments' reasons also go into each resource's template metadata (`cdk_nag`),
  // so a reviewer of the deployed template sees why a finding was accepted.
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { writeSuppressionsToCloudFormation: true }));
  return { app, stack };
}

/** A boolean context value: `true`/`false` from cdk.json, or the strings from `-c name=value`. */
function flag(name: string, value: unknown): boolean | undefined {
  if (value === undefined) return undefined;
  if (value === true || value === 'true') return true;
  if (value === false || value === 'false') return false;
  throw new Error(`context ${name} must be true or false, not ${JSON.stringify(value)}`);
}
