/**
 * The one declaration of the service's single DynamoDB table. The CDK stack and the local
 * runtime both build the table from this object, so the two cannot drift.
 *
 * Every key attribute is a string. Items overload the keys by prefix (each kind's layout is in its
 * `*-items.ts` file, e.g. record-items.ts); the
 * secondary indexes are sparse: an item appears in one only when it carries its key.
 */
export const TABLE = {
  partitionKey: 'pk',
  sortKey: 'sk',
  indexes: {
    /** Listings by owner and state, e.g. an agency's worklist ordered by due date. */
    gsi1: { partitionKey: 'gsi1pk', sortKey: 'gsi1sk', projection: 'ALL' },
    /**
     * Open deadlines by kind and shard, ordered by due instant (UTC): a sweep reads only
     * what is due. The items are small and exist only while their deadline is open.
     */
    deadlines: { partitionKey: 'dlpk', sortKey: 'dlsk', projection: 'ALL' },
    /** Records by month of decision, for the timeliness statistics; only their `st` figures. */
    byDecision: { partitionKey: 'decpk', sortKey: 'decsk', projection: ['st'] },
  },
  /** Epoch seconds; only idempotency keys carry it. */
  ttlAttribute: 'expiresAt',
} as const;

export type IndexName = keyof typeof TABLE.indexes;

/** `ALL`, or the non-key attributes an index carries besides the keys. */
export type Projection = 'ALL' | readonly string[];

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
