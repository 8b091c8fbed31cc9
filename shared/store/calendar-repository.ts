import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { type Actor, type AuditEntry, GENESIS, nextAuditEntry } from '../domain/audit.ts';
import type { CalendarYear } from '../domain/calendar/calendar-year.ts';
import type { CalendarStore, StoredCalendarYear } from '../domain/calendar/ports.ts';
import { recomputeJobFor } from '../domain/deadlines/recompute.ts';
import { ConflictError } from '../domain/errors.ts';
import { AUDIT_PREFIX, auditEntryFromItem, auditItem, chainHeadOf } from './audit-items.ts';
import { batchGetAll } from './batch-get.ts';
import type { Store } from './client.ts';
import { recomputeJobItem } from './job-items.ts';
import { transactWrite } from './transactions.ts';

const pkOf = (year: number) => `CAL#${year}`;
const SK = 'CALENDAR';

function toItem(stored: StoredCalendarYear): Record<string, unknown> {
  const { year } = stored;
  return {
    pk: pkOf(year.year),
    sk: SK,
    type: 'calendar-year',
    year: year.year,
    status: year.status,
    source: year.source,
    holidays: year.holidays,
    workdays: year.workdays,
    version: stored.version,
    updatedAt: stored.updatedAt,
    auditSeq: stored.head.seq,
    auditHash: stored.head.hash,
  };
}

function fromItem(item: Record<string, unknown>): StoredCalendarYear {
  return {
    year: {
      year: item.year as number,
      status: item.status as CalendarYear['status'],
      source: item.source as CalendarYear['source'],
      holidays: item.holidays as CalendarYear['holidays'],
      workdays: item.workdays as CalendarYear['workdays'],
    },
    version: item.version as number,
    updatedAt: item.updatedAt as string,
    head: chainHeadOf(item) ?? GENESIS,
  };
}

export function calendarRepository({ client, tableName }: Store) {
  const repository = {
    /** The loaded years among `years`; years never loaded are simply absent. */
    async getYears(years: readonly number[]): Promise<StoredCalendarYear[]> {
      if (years.length === 0) return [];
      const keys = years.map((year) => ({ pk: pkOf(year), sk: SK }));
      return (await batchGetAll(client, tableName, keys)).map(fromItem);
    },

    /**
     * Loads (or replaces) a year over `previous`, the stored copy the caller read (undefined
     * for a year never loaded). If another write got there first, nothing is written and a
     * ConflictError is thrown.
     */
    async putYear(
      year: CalendarYear,
      previous: StoredCalendarYear | undefined,
      change: { actor: Actor; at: string },
    ): Promise<StoredCalendarYear> {
      const expectedVersion = previous?.version ?? 0;
      const audit = nextAuditEntry(previous?.head ?? GENESIS, {
        at: change.at,
        actor: change.actor,
        action: previous ? 'calendar.replaced' : 'calendar.loaded',
        state: year,
      });
      const stored: StoredCalendarYear = {
        year,
        version: expectedVersion + 1,
        updatedAt: change.at,
        head: audit,
      };
      const condition =
        expectedVersion === 0
          ? { ConditionExpression: 'attribute_not_exists(pk)' }
          : {
              ConditionExpression: 'version = :expected',
              ExpressionAttributeValues: { ':expected': expectedVersion },
            };
      const entry = auditItem(pkOf(year.year), audit);
      await transactWrite(
        client,
        [
          { Put: { TableName: tableName, Item: toItem(stored), ...condition } },
          { Put: { TableName: tableName, Item: entry, ConditionExpression: 'attribute_not_exists(pk)' } },
          // Open deadlines that depend on this year are recomputed by the deadline-recompute sweep.
          {
            Put: {
              TableName: tableName,
              Item: recomputeJobItem(recomputeJobFor(year.year, stored.version), change.at),
            },
          },
        ],
        () =>
          new ConflictError({
            code: 'calendar_changed',
            messages: {
              zh: `${year.year} 年日历已被他人修改，请重新读取后再提交`,
              en: `the ${year.year} calendar was changed by someone else; read it again and retry`,
            },
          }),
        // A load whose answer was lost is done if its audit entry is there.
        { tableName, key: { pk: entry.pk, sk: entry.sk }, attribute: 'hash', value: audit.hash },
      );
      return stored;
    },

    async auditTrail(yearNumber: number): Promise<AuditEntry[]> {
      const entries: AuditEntry[] = [];
      let start: Record<string, unknown> | undefined;
      do {
        const out = await client.send(
          new QueryCommand({
            TableName: tableName,
            KeyConditionExpression: 'pk = :pk AND begins_with(sk, :audit)',
            ExpressionAttributeValues: { ':pk': pkOf(yearNumber), ':audit': AUDIT_PREFIX },
            ExclusiveStartKey: start,
          }),
        );
        entries.push(...(out.Items ?? []).map(auditEntryFromItem));
        start = out.LastEvaluatedKey;
      } while (start);
      return entries;
    },
  };
  return repository satisfies CalendarStore;
}

export type CalendarRepository = ReturnType<typeof calendarRepository>;
