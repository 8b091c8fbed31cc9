import { Match } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Synthesized, synthesizeService } from './synthesize.ts';

const USER_POOL = 'AWS::Cognito::UserPool';
const CLIENT = 'AWS::Cognito::UserPoolClient';
const CUSTOM = ['role', 'agency', 'uscc', 'id_number'];

describe('sign-in (Cognito)', () => {
  let synth: Synthesized;
  beforeAll(() => {
    synth = synthesizeService();
  });
  afterAll(() => synth?.dispose());

  it('lets only administrators create accounts, and retains the pool', () => {
    synth.template.resourceCountIs(USER_POOL, 1);
    synth.template.hasResource(USER_POOL, {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({
        AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
        DeletionProtection: 'ACTIVE',
      }),
    });
  });

  it('requires an authenticator app and a strong password', () => {
    synth.template.hasResourceProperties(USER_POOL, {
      MfaConfiguration: 'ON',
      EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
      Policies: {
        PasswordPolicy: Match.objectLike({
          MinimumLength: Match.anyValue(),
          RequireLowercase: true,
          RequireUppercase: true,
          RequireNumbers: true,
          RequireSymbols: true,
        }),
      },
    });
    const pool = Object.values(synth.template.findResources(USER_POOL))[0];
    expect(pool?.Properties.Policies.PasswordPolicy.MinimumLength).toBeGreaterThanOrEqual(12);
  });

  it('runs on the Plus tier with threat protection enforced', () => {
    synth.template.hasResourceProperties(USER_POOL, {
      UserPoolTier: 'PLUS',
      UserPoolAddOns: { AdvancedSecurityMode: 'ENFORCED' },
    });
  });

  it.each(CUSTOM)('declares the custom attribute %s as a mutable string', (name) => {
    synth.template.hasResourceProperties(USER_POOL, {
      Schema: Match.arrayWith([Match.objectLike({ Name: name, AttributeDataType: 'String', Mutable: true })]),
    });
  });

  it('runs the pre-token trigger that turns custom attributes into claims', () => {
    synth.template.hasResourceProperties(USER_POOL, {
      LambdaConfig: {
        PreTokenGeneration: {
          'Fn::GetAtt': [synth.logicalId(synth.stack.preTokenFunction), 'Arn'],
        },
      },
    });
  });

  it('gives the website a public client using the authorization-code flow', () => {
    synth.template.resourceCountIs(CLIENT, 1);
    synth.template.hasResourceProperties(CLIENT, {
      GenerateSecret: false,
      AllowedOAuthFlows: ['code'],
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthScopes: Match.arrayWith(['openid']),
      SupportedIdentityProviders: ['COGNITO'],
    });
  });

  it('never lets a user write their own role or codes through the website client', () => {
    const client = Object.values(synth.template.findResources(CLIENT))[0];
    const writable = client?.Properties.WriteAttributes as string[] | undefined;
    // Absent WriteAttributes would make every attribute writable.
    expect(writable).toBeDefined();
    for (const name of CUSTOM) expect(writable).not.toContain(`custom:${name}`);
  });

  it('publishes the user pool and client ids as stack outputs', () => {
    synth.template.hasOutput('UserPoolId', { Value: { Ref: synth.logicalId(synth.stack.auth.userPool) } });
    synth.template.hasOutput('UserPoolClientId', {
      Value: { Ref: synth.logicalId(synth.stack.auth.webClient) },
    });
  });
});
