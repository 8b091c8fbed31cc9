import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOG_RETENTION } from '../../infra/logs.ts';
import { ServiceFunction } from '../../infra/service-function.ts';
import { SIGN_IN_PATH } from '../../local/sign-in.ts';
import { FUNCTION_GROUPS, type FunctionGroup } from '../../shared/http/routes.ts';
import { REPORT_FONT_FILE } from '../../shared/reports/font.ts';
import { type Synthesized, synthesizeService } from './synthesize.ts';

const LAMBDA = 'AWS::Lambda::Function';
const GROUPS = Object.keys(FUNCTION_GROUPS) as FunctionGroup[];

interface FunctionProps {
  Runtime: string;
  Architectures: string[];
  Environment?: { Variables?: Record<string, unknown> };
  LoggingConfig?: { LogGroup?: { Ref: string } };
  Code: { S3Key: string };
}

describe('the Lambda functions', () => {
  let synth: Synthesized;
  let functions: Record<string, { Properties: FunctionProps }>;
  let allFunctions: Record<string, unknown>;
  beforeAll(() => {
    // The bundles themselves are under test here: the one synthesis that makes them.
    synth = synthesizeService({}, { bundle: true });
    allFunctions = synth.template.findResources(LAMBDA);
    // The service's own functions; CDK's website deployment handler is not one of them.
    const own = new Set(
      synth.stack.node
        .findAll()
        .filter((construct) => construct instanceof ServiceFunction)
        .map(synth.logicalId),
    );
    functions = Object.fromEntries(
      Object.entries(allFunctions).filter(([id]) => own.has(id)),
    ) as typeof functions;
  });
  afterAll(() => synth?.dispose());

  const propsOf = (group: FunctionGroup): FunctionProps => {
    const props = functions[synth.logicalId(synth.stack.functions[group])]?.Properties;
    if (!props) throw new Error(`no function for group ${group}`);
    return props;
  };

  it('has one function per function group, plus the Cognito pre-token trigger, the sweeps and the bounce handler', () => {
    expect(Object.keys(synth.stack.functions).sort()).toEqual([...GROUPS].sort());
    expect(Object.keys(functions)).toHaveLength(GROUPS.length + 3);
    // And one more in the stack: CDK's handler that deploys the website (infra/website-deployment.ts).
    expect(Object.keys(allFunctions)).toHaveLength(GROUPS.length + 4);
  });

  it('runs every function on nodejs24.x, arm64, with source maps enabled', () => {
    expect(Object.keys(functions).length).toBeGreaterThan(0);
    for (const { Properties } of Object.values(functions)) {
      expect(Properties).toMatchObject({
        Runtime: 'nodejs24.x',
        Architectures: ['arm64'],
        Handler: 'index.handler',
        TracingConfig: { Mode: 'Active' },
        Environment: { Variables: { NODE_OPTIONS: '--enable-source-maps' } },
      });
    }
  });

  const spec = (group: FunctionGroup) =>
    FUNCTION_GROUPS[group] as {
      data: 'read' | 'read-write' | 'none';
      timeoutSeconds?: number;
      memoryMb?: number;
    };
  const usingTable = GROUPS.filter((group) => spec(group).data !== 'none');

  it.each(GROUPS)('gives the %s function the memory and timeout its group declares', (group) => {
    expect(propsOf(group)).toMatchObject({
      MemorySize: spec(group).memoryMb ?? 512,
      Timeout: spec(group).timeoutSeconds ?? 10,
    });
  });

  it.each(usingTable)('gives the %s function the table name', (group) => {
    expect(propsOf(group)).toMatchObject({
      Environment: { Variables: { TABLE_NAME: { Ref: synth.logicalId(synth.stack.table) } } },
    });
  });

  it.each(GROUPS.filter((g) => spec(g).data === 'none'))('gives the %s function no table at all', (group) => {
    expect(propsOf(group).Environment?.Variables?.TABLE_NAME).toBeUndefined();
    const actions = tableActionsOf(group);
    expect(actions).toEqual([]);
  });

  it.each(usingTable)('lets the %s function do with the table exactly what its group declares', (group) => {
    const actions = tableActionsOf(group);
    expect(actions).toEqual(
      expect.arrayContaining(['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:BatchGetItem']),
    );
    if (spec(group).data === 'read') {
      expect(actions.filter((a) => /Put|Update|Delete|Write/.test(a))).toEqual([]);
    } else {
      expect(actions).toEqual(
        expect.arrayContaining(['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem']),
      );
    }
  });

  /** The DynamoDB actions a group's role is granted on the service table. */
  function tableActionsOf(group: FunctionGroup): string[] {
    const role = synth.stack.functions[group].role;
    if (!role) throw new Error('function without role');
    const tableArn = JSON.stringify({ 'Fn::GetAtt': [synth.logicalId(synth.stack.table), 'Arn'] });
    const policies = Object.values(synth.template.findResources('AWS::IAM::Policy')).filter((policy) =>
      JSON.stringify(policy.Properties.Roles).includes(synth.logicalId(role)),
    );
    return policies.flatMap((policy) =>
      (policy.Properties.PolicyDocument.Statement as { Action: string | string[]; Resource: unknown }[])
        .filter((statement) => JSON.stringify(statement.Resource).includes(tableArn))
        .flatMap((statement) => (Array.isArray(statement.Action) ? statement.Action : [statement.Action])),
    );
  }

  it('grants "*" only for the X-Ray actions, the one wildcard acknowledged on the roles', () => {
    // The website deployment's role is tested with the website (website-deployment.test.ts).
    const deploymentRole = JSON.stringify({ Ref: synth.logicalId(synth.stack.websiteDeployment.role) });
    const policies = Object.values(synth.template.findResources('AWS::IAM::Policy')).filter(
      (policy) => !JSON.stringify(policy.Properties.Roles).includes(deploymentRole),
    );
    expect(policies.length).toBeGreaterThan(0);
    for (const policy of policies) {
      const statements = policy.Properties.PolicyDocument.Statement as {
        Action: string[];
        Resource: unknown;
      }[];
      const onEverything = statements.filter((statement) => statement.Resource === '*');
      // A function role has exactly the X-Ray pair on "*"; the scheduler and pipe roles, nothing.
      expect([[], ['xray:PutTelemetryRecords', 'xray:PutTraceSegments']]).toContainEqual(
        onEverything.flatMap((statement) => statement.Action).sort(),
      );
    }
  });

  it('attaches no AWS managed policy to a function role', () => {
    // Roles Lambda assumes; AWS Backup's role is the one with a managed policy (backup.test.ts).
    const functionRoles = Object.values(synth.template.findResources('AWS::IAM::Role')).filter((role) =>
      JSON.stringify(role.Properties.AssumeRolePolicyDocument).includes('lambda.amazonaws.com'),
    );
    expect(functionRoles.length).toBeGreaterThan(GROUPS.length);
    for (const role of functionRoles) {
      expect(role.Properties.ManagedPolicyArns).toBeUndefined();
    }
  });

  it('logs each function to a log group of its own with the service retention', () => {
    const logGroups = synth.template.findResources('AWS::Logs::LogGroup');
    const used = Object.values(functions).map(({ Properties }) => Properties.LoggingConfig?.LogGroup?.Ref);
    expect(new Set(used).size).toBe(used.length);
    for (const ref of used) {
      expect(ref).toBeDefined();
      expect(logGroups[ref ?? '']?.Properties).toMatchObject({ RetentionInDays: LOG_RETENTION });
    }
  });

  it('gives every log group of the stack a retention', () => {
    const logGroups = Object.values(synth.template.findResources('AWS::Logs::LogGroup'));
    expect(logGroups.length).toBeGreaterThan(0);
    for (const group of logGroups) expect(group.Properties.RetentionInDays).toBe(LOG_RETENTION);
  });

  const assetDirOf = (properties: { Code: { S3Key: string } }) =>
    join(synth.assembly.directory, `asset.${properties.Code.S3Key.replace(/\.zip$/, '')}`);

  it('bundles each handler as ESM with the createRequire banner and a source map', () => {
    for (const { Properties } of Object.values(functions)) {
      const assetDir = assetDirOf(Properties);
      const bundle = readFileSync(join(assetDir, 'index.mjs'), 'utf8');
      expect(
        bundle.startsWith(
          "import { createRequire as bannerCreateRequire } from 'module'; const require = bannerCreateRequire(",
        ),
      ).toBe(true);
      expect(existsSync(join(assetDir, 'index.mjs.map'))).toBe(true);
    }
  });

  it("points the reports' QR codes at the website: SITE_URL is the distribution's address", () => {
    expect(propsOf('reports').Environment?.Variables?.SITE_URL).toEqual({
      'Fn::Join': [
        '',
        ['https://', { 'Fn::GetAtt': [synth.logicalId(synth.stack.website.distribution), 'DomainName'] }],
      ],
    });
  });

  it("puts the reports' font beside the reports bundle, and in no other", () => {
    const reports = synth.logicalId(synth.stack.functions.reports);
    for (const [id, { Properties }] of Object.entries(functions)) {
      const font = join(assetDirOf(Properties), REPORT_FONT_FILE);
      expect({ id, font: existsSync(font) }).toEqual({ id, font: id === reports });
    }
  });

  it('bundles the environment-only credentials in place of the SDK default chain', () => {
    const withClient = Object.values(functions)
      .map(({ Properties }) => readFileSync(join(assetDirOf(Properties), 'index.mjs'), 'utf8'))
      .filter((bundle) => bundle.includes('DynamoDB_20120810'));
    expect(withClient.length).toBeGreaterThanOrEqual(8);
    for (const bundle of withClient) {
      expect(bundle).toContain('the Lambda bundles read credentials from the environment only');
      // Links of the default chain that shared/store/env-credentials.ts leaves out.
      expect(bundle).not.toContain('AssumeRoleWithWebIdentity');
      expect(bundle).not.toContain('credential_process');
    }
  });

  it('bundles nothing of the local quick sign-in', () => {
    for (const { Properties } of Object.values(functions)) {
      const bundle = readFileSync(join(assetDirOf(Properties), 'index.mjs'), 'utf8');
      expect(bundle).not.toContain(SIGN_IN_PATH);
      expect(bundle).not.toContain('local_sign_in_off');
    }
  });
});
