import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { Store } from '../../shared/store/client.ts';

/*
 * What a test compares before and after requests that must change nothing: the number of
 * items in the table (a test-only Scan with Select COUNT) and what the audit verifier says.
 * No vitest here: the soak uses these too.
 */

/**
 * Every item of the table, counted page by page (a Scan: fine for tests, never in the
 * service). Batch jobs are left out: a job is the receipt of an upload, kept whether or not
 * any row was good, as a log line would be; what its rows did is counted with the rest.
 */
export async function countItems(store: Store): Promise<number> {
  let count = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const page = await store.client.send(
      new ScanCommand({
        TableName: store.tableName,
        Select: 'COUNT',
        FilterExpression: 'NOT begins_with(pk, :job)',
        ExpressionAttributeValues: { ':job': 'BATCH#' },
        ...(start ? { ExclusiveStartKey: start } : {}),
      }),
    );
    count += page.Count ?? 0;
    start = page.LastEvaluatedKey;
  } while (start);
  return count;
}

export interface AuditVerification {
  readonly checked: number;
  readonly problems: readonly unknown[];
  readonly pages: number;
}

/** Every page of GET /v1/admin/audit/verify (admin), as one count of chains and one list of problems. */
export async function verifyAudit(
  baseUrl: string,
  adminToken: string,
  limit = 500,
): Promise<AuditVerification> {
  const problems: unknown[] = [];
  let checked = 0;
  let pages = 0;
  let cursor: string | undefined;
  do {
    const query = `limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const response = await fetch(`${baseUrl}/v1/admin/audit/verify?${query}`, {
      headers: { authorization: `Bearer ${adminToken}` },
    });
    const text = await response.text();
    if (response.status !== 200) throw new Error(`audit verification answered ${response.status}: ${text}`);
    const page = JSON.parse(text) as { checked: number; problems: unknown[]; cursor?: string };
    checked += page.checked;
    problems.push(...page.problems);
    cursor = page.cursor;
    pages++;
  } while (cursor);
  return { checked, problems, pages };
}

export interface TableState {
  readonly items: number;
  readonly audit: { readonly checked: number; readonly problems: readonly unknown[] };
}

/** The item count and the audit verification, to compare before and after. */
export async function tableState(store: Store, baseUrl: string, adminToken: string): Promise<TableState> {
  const [items, audit] = await Promise.all([countItems(store), verifyAudit(baseUrl, adminToken)]);
  return { items, audit: { checked: audit.checked, problems: audit.problems } };
}
