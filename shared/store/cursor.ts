import { createHash } from 'node:crypto';
import { InvalidInputError } from '../domain/errors.ts';
import { type IndexName, TABLE } from './table.ts';

/**
 * Opaque page cursors: the position to continue from, bound to the query it came from, so a
 * cursor replayed with other filters is refused rather than silently mixing result sets.
 */
export function encodeCursor(query: unknown, position: Record<string, unknown>): string {
  return Buffer.from(JSON.stringify({ q: fingerprint(query), p: position })).toString('base64url');
}

/**
 * The position a cursor holds, or a 400 invalid_cursor. A cursor is base64url JSON the client
 * can read and rewrite, so the position is only taken when `accepts` finds it to be one this
 * query could have given: a start key of another shape, type or partition would otherwise
 * reach DynamoDB (a 500) or start the page somewhere else.
 */
export function decodeCursor(
  cursor: string | undefined,
  query: unknown,
  accepts: (position: Record<string, unknown>) => boolean,
): Record<string, unknown> | undefined {
  if (cursor === undefined) return undefined;
  try {
    const decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as {
      q?: unknown;
      p?: unknown;
    };
    const position = decoded.p;
    if (decoded.q === fingerprint(query) && isPlainObject(position) && accepts(position)) return position;
  } catch {
    // fall through to the refusal below
  }
  throw new InvalidInputError({
    code: 'invalid_cursor',
    field: 'cursor',
    messages: { zh: '分页游标无效或与查询条件不符', en: 'the cursor is invalid or belongs to another query' },
  });
}

/** What one attribute of a start key must be: the partition queried, or a string passing a check. */
export type KeyRule = string | ((value: string) => boolean);

const anyString = () => true;

/**
 * The start key a query gives back as LastEvaluatedKey: on the table, its two keys; on an
 * index, the index's two keys and the table's. The partition is the one queried; the sort key
 * passes `sort` (e.g. the query's range condition).
 */
export function startKeyRules(
  index: 'table' | IndexName,
  partition: string,
  sort: (value: string) => boolean = anyString,
): Record<string, KeyRule> {
  const table = { [TABLE.partitionKey]: anyString, [TABLE.sortKey]: anyString };
  if (index === 'table') return { [TABLE.partitionKey]: partition, [TABLE.sortKey]: sort };
  const { partitionKey, sortKey } = TABLE.indexes[index];
  return { ...table, [partitionKey]: partition, [sortKey]: sort };
}

/** Longest key value DynamoDB takes for a sort key (a partition key may be 2048 bytes). */
const MAX_KEY_BYTES = 1024;

/** Whether `value` has exactly the attributes of `rules`, each a non-empty string its rule accepts. */
export function isStartKey(value: unknown, rules: Readonly<Record<string, KeyRule>>): boolean {
  if (!isPlainObject(value)) return false;
  const names = Object.keys(value);
  if (names.length !== Object.keys(rules).length) return false;
  return names.every((name) => {
    const rule = Object.hasOwn(rules, name) ? rules[name] : undefined;
    const v = value[name];
    if (rule === undefined || typeof v !== 'string' || v === '') return false;
    if (Buffer.byteLength(v) > MAX_KEY_BYTES) return false;
    return typeof rule === 'string' ? v === rule : rule(v);
  });
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fingerprint(query: unknown): string {
  return createHash('sha256').update(JSON.stringify(query)).digest('base64url').slice(0, 16);
}
