import type { Context, PreTokenGenerationTriggerEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { handler } from '../../functions/pre-token/handler.ts';

/** A version-1 pre-token event as Cognito sends it: `claimsOverrideDetails` is null. */
function preTokenEvent(userAttributes: Record<string, string>): PreTokenGenerationTriggerEvent {
  return {
    version: '1',
    triggerSource: 'TokenGeneration_HostedAuth',
    region: 'cn-north-1',
    userPoolId: 'cn-north-1_example',
    userName: 'someone',
    callerContext: { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId: 'client' },
    request: {
      userAttributes: { sub: 'a-sub', email: 'someone@example.cn', ...userAttributes },
      groupConfiguration: {},
    },
    response: { claimsOverrideDetails: null },
  } as unknown as PreTokenGenerationTriggerEvent;
}

async function claimsFor(userAttributes: Record<string, string>) {
  const result = (await handler(preTokenEvent(userAttributes), {} as Context, () => {})) as
    | PreTokenGenerationTriggerEvent
    | undefined;
  return result?.response.claimsOverrideDetails.claimsToAddOrOverride;
}

// These claims cross from Cognito to the authorizer to shared/http/principal.ts; the infra
// tests own the Cognito side of that seam.
describe('the pre-token-generation trigger', () => {
  it('copies an agency user’s role and agency code into plain claims', async () => {
    const claims = await claimsFor({ 'custom:role': 'agency', 'custom:agency': '11100000000013127D' });

    expect(claims).toEqual({ role: 'agency', agency: '11100000000013127D' });
  });

  it('copies an entity’s USCC, and adds no claim for an attribute the user lacks', async () => {
    const claims = await claimsFor({ 'custom:role': 'entity', 'custom:uscc': '91350100M000100Y43' });

    expect(claims).toEqual({ role: 'entity', uscc: '91350100M000100Y43' });
  });

  it('copies a natural person’s ID number into the idNumber claim', async () => {
    const claims = await claimsFor({ 'custom:role': 'person', 'custom:id_number': '11010519491231002X' });

    expect(claims).toEqual({ role: 'person', idNumber: '11010519491231002X' });
  });

  it('adds no claim at all for a user without custom attributes', async () => {
    const claims = await claimsFor({});

    expect(claims).toEqual({});
  });

  it('ignores attributes other than role, agency, uscc and id_number', async () => {
    const claims = await claimsFor({ 'custom:role': 'admin', 'custom:other': 'x', email: 'x@example.cn' });

    expect(claims).toEqual({ role: 'admin' });
  });
});
