import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Verification, VerificationStore } from '../domain/documents/verification.ts';
import { type Op, ops } from './changes.ts';
import type { Store } from './client.ts';

/*
 * The public record of each issued document, one item under its 核验码 (`VERIFY#<code>` /
 * `VERIFY`), written in the transaction that issues the document and never changed: a check
 * is one GetItem.
 */

export const verificationKey = (code: string) => ({ pk: `VERIFY#${code}`, sk: 'VERIFY' });

/** The write of a new verification record; a code already taken fails the whole transaction. */
export function verificationOp(tableName: string, v: Verification): Op {
  return ops(tableName).put(
    { ...verificationKey(v.code), type: 'verification', verification: v },
    { expression: 'attribute_not_exists(pk)' },
  );
}

export function verificationRepository({ client, tableName }: Store): VerificationStore {
  return {
    async get(code) {
      const out = await client.send(new GetCommand({ TableName: tableName, Key: verificationKey(code) }));
      return out.Item?.verification as Verification | undefined;
    },
  };
}
