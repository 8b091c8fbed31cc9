import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { TimelinessFigures } from '../domain/stats/timeliness.ts';
import type { Store } from './client.ts';

/** Months from the month of `from` to the month of `to`, as `YYYY-MM`. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let [y, m] = from.split('-').map(Number) as [number, number];
  const [ty, tm] = to.split('-').map(Number) as [number, number];
  while (y < ty || (y === ty && m <= tm)) {
    months.push(`${y}-${String(m).padStart(2, '0')}`);
    if (m === 12) {
      m = 1;
      y++;
    } else {
      m++;
    }
  }
  return months;
}

/** Timeliness figures of every record decided from `from` to `to`, one month partition at a time. */
export function statsRepository({ client, tableName }: Store) {
  return {
    async figures(from: string, to: string): Promise<TimelinessFigures[]> {
      const out: TimelinessFigures[] = [];
      for (const month of monthsBetween(from, to)) {
        let start: Record<string, unknown> | undefined;
        do {
          const page = await client.send(
            new QueryCommand({
              TableName: tableName,
              IndexName: 'byDecision',
              KeyConditionExpression: 'decpk = :pk AND decsk BETWEEN :from AND :to',
              ExpressionAttributeValues: { ':pk': `DEC#${month}`, ':from': from, ':to': `${to}#~` },
              ExclusiveStartKey: start,
            }),
          );
          for (const item of page.Items ?? []) out.push(item.st as TimelinessFigures);
          start = page.LastEvaluatedKey;
        } while (start);
      }
      return out;
    },
  };
}
