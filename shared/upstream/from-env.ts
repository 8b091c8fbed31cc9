import * as z from 'zod';
import type { UpstreamPort } from '../domain/sharing/upstream.ts';
import { httpUpstream } from './http-upstream.ts';

const upstreamEnv = z.object({
  /** The platform's base URL; unset: nothing is pushed (pushes wait, pending, until it is set). */
  UPSTREAM_URL: z.url().optional(),
  /** Locally: the bearer token itself. */
  UPSTREAM_TOKEN: z.string().min(1).optional(),
  /** On AWS: the Secrets Manager secret holding `{"token": "…"}` (or the token as plain text). */
  UPSTREAM_SECRET_ARN: z.string().min(1).optional(),
});

/** How long a token read from Secrets Manager is used before it is read again (rotation). */
const TOKEN_TTL_MS = 5 * 60_000;

/** The upstream from the environment, or undefined when UPSTREAM_URL is not set. */
export function upstreamFromEnv(env: NodeJS.ProcessEnv = process.env): UpstreamPort | undefined {
  const parsed = upstreamEnv.safeParse(env);
  if (!parsed.success) throw new Error(`upstream configuration: ${z.prettifyError(parsed.error)}`);
  const { UPSTREAM_URL: url, UPSTREAM_TOKEN: token, UPSTREAM_SECRET_ARN: secretArn } = parsed.data;
  if (!url) return undefined;
  if (secretArn) return httpUpstream({ url, token: secretToken(secretArn) });
  return httpUpstream({ url, token: async () => token ?? '' });
}

function secretToken(secretId: string): () => Promise<string> {
  let cached: { token: string; until: number } | undefined;
  return async () => {
    if (cached && cached.until > Date.now()) return cached.token;
    // Loaded on first use: functions that never push do not pay for the client at start.
    const { SecretsManagerClient, GetSecretValueCommand } = await import('@aws-sdk/client-secrets-manager');
    const out = await new SecretsManagerClient({}).send(new GetSecretValueCommand({ SecretId: secretId }));
    const text = out.SecretString ?? '';
    let token = text;
    try {
      const parsed = JSON.parse(text) as { token?: unknown };
      if (typeof parsed.token === 'string') token = parsed.token;
    } catch {
      // The secret is the token as plain text.
    }
    cached = { token, until: Date.now() + TOKEN_TTL_MS };
    return token;
  };
}
