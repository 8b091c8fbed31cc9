import { App, type AppProps, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { DisclosureServiceStack } from './stack.ts';

export const STACK_NAME = 'DisclosureService';

/**
 * Builds the app without synthesizing it, so tests can inspect the stack in memory.
 * Context `webOrigins` (comma-separated) and `authDomainPrefix` configure sign-in.
 *
 * cdk-nag 3 is a policy-validation plugin, not an aspect: it runs during synthesis and
 * fails it on any unacknowledged error; findings are acknowledged where they arise, with
 * `Validations.of(construct).acknowledge({ id, reason })`.
 */
export function buildApp(props: AppProps = {}): { app: App; stack: DisclosureServiceStack } {
  const app = new App(props);
  const origins = app.node.tryGetContext('webOrigins') as string | undefined;
  const domainPrefix = app.node.tryGetContext('authDomainPrefix') as string | undefined;
  const stack = new DisclosureServiceStack(app, STACK_NAME, {
    description: 'Disclosure and objection service: HTTP API, Lambda, one DynamoDB table, Cognito',
    ...(origins ? { webOrigins: origins.split(',').map((origin) => origin.trim()) } : {}),
    ...(domainPrefix ? { authDomainPrefix: domainPrefix } : {}),
  });
  // The acknowledgments' reasons also go into each resource's template metadata (`cdk_nag`),
  // so a reviewer of the deployed template sees why a finding was accepted.
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { writeSuppressionsToCloudFormation: true }));
  return { app, stack };
}
