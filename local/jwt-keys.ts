import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, importJWK, type JWK, type JWTPayload, jwtVerify, SignJWT } from 'jose';

/**
 * The local stand-in for the Cognito user pool: one ES256 key pair, created under DATA_DIR
 * on first use and kept there, so tokens from `npm run token` stay valid across restarts
 * of a server on the same DATA_DIR (and only there).
 */
export const LOCAL_ISSUER = 'urn:disclosure-service:local';
export const LOCAL_AUDIENCE = 'disclosure-service';
const ALGORITHM = 'ES256';

interface StoredKey {
  readonly kid: string;
  readonly privateJwk: JWK;
  readonly publicJwk: JWK;
}

export interface LocalKeys {
  sign(claims: Record<string, string>, ttlSeconds: number): Promise<string>;
  verify(token: string): Promise<JWTPayload>;
}

function keyFile(dataDir: string): string {
  return join(dataDir, 'jwt', 'signing-key.json');
}

async function loadOrCreate(dataDir: string): Promise<StoredKey> {
  const file = keyFile(dataDir);
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as StoredKey;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const { privateKey, publicKey } = await generateKeyPair(ALGORITHM, { extractable: true });
  const key: StoredKey = {
    kid: randomUUID(),
    privateJwk: await exportJWK(privateKey),
    publicJwk: await exportJWK(publicKey),
  };
  mkdirSync(join(dataDir, 'jwt'), { recursive: true, mode: 0o700 });
  try {
    // 'wx': if a second process created the key meanwhile, keep theirs.
    writeFileSync(file, JSON.stringify(key), { flag: 'wx', mode: 0o600 });
    return key;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return JSON.parse(readFileSync(file, 'utf8')) as StoredKey;
  }
}

export async function localKeys(dataDir: string): Promise<LocalKeys> {
  const stored = await loadOrCreate(dataDir);
  const privateKey = await importJWK(stored.privateJwk, ALGORITHM);
  const publicKey = await importJWK(stored.publicJwk, ALGORITHM);
  return {
    sign: (claims, ttlSeconds) =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: ALGORITHM, kid: stored.kid, typ: 'JWT' })
        .setIssuer(LOCAL_ISSUER)
        .setAudience(LOCAL_AUDIENCE)
        .setIssuedAt()
        .setNotBefore('0s')
        .setExpirationTime(`${ttlSeconds}s`)
        .sign(privateKey),
    // What API Gateway's JWT authorizer checks: signature, issuer, audience, exp and nbf.
    verify: async (token) =>
      (
        await jwtVerify(token, publicKey, {
          algorithms: [ALGORITHM],
          issuer: LOCAL_ISSUER,
          audience: LOCAL_AUDIENCE,
          // jose accepts a token without exp; API Gateway's authorizer does not.
          requiredClaims: ['exp'],
        })
      ).payload,
  };
}
