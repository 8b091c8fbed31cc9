import { describe, expect, it } from 'vitest';
import { credentialsFromEnv, defaultProvider } from '../../shared/store/env-credentials.ts';

// The variables Lambda sets for a function's role (names as the runtime documents them).
const LAMBDA_ENV = {
  AWS_ACCESS_KEY_ID: 'ASIAEXAMPLE',
  AWS_SECRET_ACCESS_KEY: 'secret',
  AWS_SESSION_TOKEN: 'token',
};

describe('credentials from the environment (the Lambda bundles’ stand-in for the default chain)', () => {
  it('reads the key, the secret and the session token', () => {
    expect(credentialsFromEnv(LAMBDA_ENV)).toEqual({
      accessKeyId: 'ASIAEXAMPLE',
      secretAccessKey: 'secret',
      sessionToken: 'token',
    });
  });

  it('reads an expiration when one is given, as the SDK does', () => {
    const credentials = credentialsFromEnv({
      ...LAMBDA_ENV,
      AWS_CREDENTIAL_EXPIRATION: '2026-11-27T00:00:00Z',
    });
    expect(credentials.expiration?.toISOString()).toBe('2026-11-27T00:00:00.000Z');
  });

  it('names the missing variable instead of signing with nothing', () => {
    expect(() => credentialsFromEnv({ AWS_SECRET_ACCESS_KEY: 'secret' })).toThrow(
      /AWS_ACCESS_KEY_ID is not set/,
    );
    expect(() => credentialsFromEnv({ AWS_ACCESS_KEY_ID: 'AKIA' })).toThrow(
      /AWS_SECRET_ACCESS_KEY is not set/,
    );
  });

  it('is what the SDK clients call: a factory of a provider that reads the environment when asked', async () => {
    const saved = { ...process.env };
    try {
      Object.assign(process.env, { ...LAMBDA_ENV, AWS_SESSION_TOKEN: 'later' });
      const provider = defaultProvider();
      process.env.AWS_SESSION_TOKEN = 'at call';
      await expect(provider()).resolves.toMatchObject({
        accessKeyId: 'ASIAEXAMPLE',
        sessionToken: 'at call',
      });
    } finally {
      process.env = saved;
    }
  });
});
