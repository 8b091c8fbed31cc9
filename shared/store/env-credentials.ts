/**
 * Stands in for `@aws-sdk/credential-provider-node` in the Lambda bundles (infra/bundling.ts
 * aliases the package to this file). Lambda hands every function its role's credentials in
 * environment variables, the first link of the SDK's default chain; the other links (SSO,
 * shared ini files, web identity, container and instance metadata, with the STS and SSO
 * clients they bring) are about 135 KiB that every cold start parses and never runs.
 * The local runtime is not bundled and keeps the SDK's own chain.
 */

/** The credentials shape the SDK's signers take (`AwsCredentialIdentity`). */
export interface EnvCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string;
  readonly expiration?: Date;
}

/** Reads the variables Lambda sets, as the SDK's `fromEnv` does; says which is missing. */
export function credentialsFromEnv(env: NodeJS.ProcessEnv = process.env): EnvCredentials {
  const accessKeyId = env.AWS_ACCESS_KEY_ID;
  const secretAccessKey = env.AWS_SECRET_ACCESS_KEY;
  if (!accessKeyId || !secretAccessKey)
    throw new Error(
      `AWS credentials: ${accessKeyId ? 'AWS_SECRET_ACCESS_KEY' : 'AWS_ACCESS_KEY_ID'} is not set; ` +
        'the Lambda bundles read credentials from the environment only',
    );
  const expiration = env.AWS_CREDENTIAL_EXPIRATION;
  return {
    accessKeyId,
    secretAccessKey,
    ...(env.AWS_SESSION_TOKEN ? { sessionToken: env.AWS_SESSION_TOKEN } : {}),
    ...(expiration ? { expiration: new Date(expiration) } : {}),
  };
}

/** The export the SDK clients import from `@aws-sdk/credential-provider-node`. */
export const defaultProvider = () => async () => credentialsFromEnv();
