/**
 * The one declaration of the service's single DynamoDB table. The CDK stack and the local
 * runtime both build the table from this object, so the two cannot drift.
 *
 * Every key attribute is a string. Items overload the keys by prefix (see keys.ts); the
 * secondary indexes are sparse: an item appears in one only when it carries its key.
 */
export const TABLE = {
  partitionKey: 'pk',
  sortKey: 'sk',
  indexes: {
    /** Listings by owner and state, e.g. an agency's worklist ordered by date. */
    gsi1: { partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
    /** Public look-ups by a second key, e.g. a subject's USCC. */
    gsi2: { partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
  },
  /** Epoch seconds; only idempotency keys carry it. */
  ttlAttribute: 'expiresAt',
} as const;

export type IndexName = keyof typeof TABLE.indexes;

export const INDEX_NAMES = Object.keys(TABLE.indexes) as IndexName[];

/** The attributes that are keys of the table or of an index, each declared once. */
export function keyAttributes(): string[] {
  const names = new Set<string>([TABLE.partitionKey, TABLE.sortKey]);
  for (const index of Object.values(TABLE.indexes)) {
    names.add(index.partitionKey);
    names.add(index.sortKey);
  }
  return [...names];
}
