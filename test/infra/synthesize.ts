import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { App, CfnElement } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { CloudAssembly } from 'aws-cdk-lib/cx-api';
import type { IConstruct } from 'constructs';
import type { BackupCopyStack } from '../../infra/backup.ts';
import { buildApp } from '../../infra/build-app.ts';
import type { EdgeProtectionStack } from '../../infra/edge-protection.ts';
import type { DisclosureServiceStack } from '../../infra/stack.ts';

/** The context `cdk synth` reads from cdk.json (feature flags), so tests build the same app. */
export function cdkJsonContext(): Record<string, unknown> {
  const cdkJson = JSON.parse(readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8')) as {
    context?: Record<string, unknown>;
  };
  return cdkJson.context ?? {};
}

/** The CDK's own switch: no stack is bundled (NodejsFunction stages a placeholder instead). */
export const NO_BUNDLING = { 'aws:cdk:bundling-stacks': [] };

export interface Synthesized {
  readonly app: App;
  readonly stack: DisclosureServiceStack;
  readonly assembly: CloudAssembly;
  readonly template: Template;
  /** The web ACL's stack (us-east-1) and the backup copy's (the second region). */
  readonly edge: EdgeProtectionStack;
  readonly backupCopy: BackupCopyStack;
  /** The logical id a construct's CloudFormation resource has in the template. */
  readonly logicalId: (construct: IConstruct) => string;
  readonly dispose: () => void;
}

/**
 * Builds and synthesizes the app as `cdk synth` does into a fresh directory. Synthesis runs
 * cdk-nag too, so it throws on any unacknowledged error. The functions are bundled only when
 * asked (`bundle: true`, about 14 s): the template is the same without the bundles except for
 * their asset hashes, and only the tests of the bundles themselves look inside them.
 */
export function synthesizeService(
  extraContext: Record<string, unknown> = {},
  { bundle = false }: { bundle?: boolean } = {},
): Synthesized {
  const outdir = mkdtempSync(join(tmpdir(), 'disclosure-cdk-'));
  const context = { ...cdkJsonContext(), ...(bundle ? {} : NO_BUNDLING), ...extraContext };
  const { app, stack, edge, backupCopy } = buildApp({ outdir, context });
  const assembly = app.synth();
  return {
    app,
    stack,
    edge,
    backupCopy,
    assembly,
    template: Template.fromStack(stack),
    logicalId: (construct) => {
      const resource = construct.node.defaultChild ?? construct;
      return stack.resolve((resource as CfnElement).logicalId) as string;
    },
    dispose: () => rmSync(outdir, { recursive: true, force: true }),
  };
}
