import { Duration } from 'aws-cdk-lib';
import {
  HeadersFrameOption,
  HeadersReferrerPolicy,
  type ResponseCustomHeader,
  type ResponseHeadersPolicyProps,
  type ResponseSecurityHeadersBehavior,
} from 'aws-cdk-lib/aws-cloudfront';

type HeaderBehaviors = Pick<ResponseHeadersPolicyProps, 'securityHeadersBehavior' | 'customHeadersBehavior'>;

/**
 * A CloudFront response headers policy that sends exactly `headers` (name → value, as the
 * local server sends them). CloudFront takes the security headers as typed settings, not as
 * text, so each is parsed here, and a value the policy cannot express exactly fails the
 * synthesis instead of being sent differently. Other headers become custom headers.
 * Every header overrides what the origin sends: object metadata cannot weaken them.
 */
export function responseHeadersBehavior(headers: Readonly<Record<string, string>>): HeaderBehaviors {
  const security: {
    -readonly [K in keyof ResponseSecurityHeadersBehavior]: ResponseSecurityHeadersBehavior[K];
  } = {};
  const custom: ResponseCustomHeader[] = [];
  for (const [name, value] of Object.entries(headers)) {
    switch (name.toLowerCase()) {
      case 'content-security-policy':
        security.contentSecurityPolicy = { contentSecurityPolicy: value, override: true };
        break;
      case 'strict-transport-security':
        security.strictTransportSecurity = { ...strictTransportSecurity(value), override: true };
        break;
      case 'x-content-type-options':
        if (value.toLowerCase() !== 'nosniff') throw unsupported(name, value);
        security.contentTypeOptions = { override: true };
        break;
      case 'x-frame-options':
        security.frameOptions = {
          frameOption: oneOf(name, value.toUpperCase(), HeadersFrameOption),
          override: true,
        };
        break;
      case 'referrer-policy':
        security.referrerPolicy = {
          referrerPolicy: oneOf(name, value.toLowerCase(), HeadersReferrerPolicy),
          override: true,
        };
        break;
      case 'x-xss-protection':
        throw unsupported(name, value);
      default:
        custom.push({ header: name, value, override: true });
    }
  }
  return {
    securityHeadersBehavior: security,
    ...(custom.length > 0 ? { customHeadersBehavior: { customHeaders: custom } } : {}),
  };
}

/** `max-age=N[; includeSubDomains][; preload]`, the only form the policy can express. */
function strictTransportSecurity(value: string) {
  const directives = value.split(';').map((directive) => directive.trim().toLowerCase());
  const maxAge = /^max-age=(\d+)$/.exec(directives[0] ?? '')?.[1];
  const rest = directives.slice(1).filter((directive) => directive !== '');
  if (maxAge === undefined || rest.some((d) => d !== 'includesubdomains' && d !== 'preload'))
    throw unsupported('strict-transport-security', value);
  return {
    accessControlMaxAge: Duration.seconds(Number(maxAge)),
    includeSubdomains: rest.includes('includesubdomains'),
    preload: rest.includes('preload'),
  };
}

function oneOf<T extends string>(name: string, value: string, allowed: Record<string, T>): T {
  const found = Object.values(allowed).find((option) => option === value);
  if (found === undefined) throw unsupported(name, value);
  return found;
}

function unsupported(name: string, value: string): Error {
  return new Error(
    `WEB_SECURITY_HEADERS: CloudFront's response headers policy cannot send ${name}: ${value} ` +
      'as the local server does; change the value or teach infra/website-headers.ts to map it',
  );
}
