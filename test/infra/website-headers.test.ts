import { Duration } from 'aws-cdk-lib';
import { HeadersFrameOption, HeadersReferrerPolicy } from 'aws-cdk-lib/aws-cloudfront';
import { describe, expect, it } from 'vitest';
import { responseHeadersBehavior } from '../../infra/website-headers.ts';
import { WEB_SECURITY_HEADERS } from '../../local/static-files.ts';

describe('the CloudFront response headers from WEB_SECURITY_HEADERS', () => {
  it('turns every security header of the local server into its typed CloudFront setting', () => {
    const { securityHeadersBehavior, customHeadersBehavior } = responseHeadersBehavior({
      'content-security-policy': "default-src 'self'",
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'x-frame-options': 'DENY',
      'strict-transport-security': 'max-age=31536000; includeSubDomains',
    });

    expect(securityHeadersBehavior).toEqual({
      contentSecurityPolicy: { contentSecurityPolicy: "default-src 'self'", override: true },
      contentTypeOptions: { override: true },
      referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.NO_REFERRER, override: true },
      frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
      strictTransportSecurity: {
        accessControlMaxAge: Duration.seconds(31536000),
        includeSubdomains: true,
        preload: false,
        override: true,
      },
    });
    expect(customHeadersBehavior).toBeUndefined();
  });

  it('reads HSTS preload and the absence of includeSubDomains', () => {
    const { securityHeadersBehavior } = responseHeadersBehavior({
      'Strict-Transport-Security': 'max-age=600; preload',
    });

    expect(securityHeadersBehavior?.strictTransportSecurity).toMatchObject({
      includeSubdomains: false,
      preload: true,
    });
    expect(securityHeadersBehavior?.strictTransportSecurity?.accessControlMaxAge.toSeconds()).toBe(600);
  });

  it('sends a header with no typed setting as a custom header that overrides the origin', () => {
    const { customHeadersBehavior } = responseHeadersBehavior({ 'permissions-policy': 'camera=()' });

    expect(customHeadersBehavior).toEqual({
      customHeaders: [{ header: 'permissions-policy', value: 'camera=()', override: true }],
    });
  });

  it.each([
    ['x-frame-options', 'ALLOW-FROM https://example.cn'],
    ['referrer-policy', 'no-referrer, strict-origin'],
    ['x-content-type-options', 'sniff'],
    ['strict-transport-security', 'includeSubDomains'],
    ['strict-transport-security', 'max-age=60; everywhere'],
    ['x-xss-protection', '1; mode=block'],
  ])('refuses %s: %s, which the policy could not send as written', (name, value) => {
    expect(() => responseHeadersBehavior({ [name]: value })).toThrow(/WEB_SECURITY_HEADERS/);
  });

  it('maps the headers the local server actually sends without an error', () => {
    expect(() => responseHeadersBehavior(WEB_SECURITY_HEADERS)).not.toThrow();
  });
});
