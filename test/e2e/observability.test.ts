import { vi } from 'vitest';
import { addDays, shanghaiDate } from '../../shared/domain/dates.ts';
import { describe, expect, it } from '../support/e2e.ts';
import { call } from '../support/http.ts';
import { AGENCY, penaltyInput } from '../support/record-builders.ts';

// The record builders' agency: the records this file registers name it.
it.override('agency', ({ parties }) => parties.agency(AGENCY));

/** Everything the process writes to stdout while `act` runs, as lines. */
async function stdoutDuring(act: () => Promise<unknown>): Promise<string[]> {
  const lines: string[] = [];
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    lines.push(...String(chunk).split('\n').filter(Boolean));
    return true;
  });
  try {
    await act();
  } finally {
    spy.mockRestore();
  }
  return lines;
}

const ID_NUMBER = '11010519491231002X';

describe('logs and metrics', () => {
  it('writes one JSON line per request with id, route, role, status and latency, and nothing personal or secret', async ({
    service,
    agency: { token },
  }) => {
    const input = penaltyInput();
    const lines = await stdoutDuring(async () => {
      await call(service.url, 'POST', '/v1/records', { token, body: { ...input, publish: true } });
      await call(service.url, 'GET', `/v1/disclosures?name=${encodeURIComponent(ID_NUMBER)}`);
    });

    const requests = lines.map((line) => JSON.parse(line)).filter((entry) => entry.message === 'request');
    expect(requests.map((r) => [r.route, r.role, r.status])).toEqual([
      ['POST /v1/records', 'agency', 201],
      ['GET /v1/disclosures', 'anonymous', 200],
    ]);
    for (const entry of requests) {
      expect(entry.requestId).toMatch(/^[0-9a-f-]{36}$/);
      expect(entry.latencyMs).toBeGreaterThanOrEqual(0);
    }
    const everything = lines.join('\n');
    expect(everything).not.toContain(ID_NUMBER);
    expect(everything).not.toContain(token);
    expect(everything).not.toContain(token.split('.')[1]);
    expect(everything).not.toContain(input.subject.name);
    expect(everything).not.toContain('马化腾');
  });

  it('counts registrations and publications, late ones apart, in CloudWatch embedded metric format', async ({
    service,
    agency: { token },
  }) => {
    const today = shanghaiDate(new Date());
    const lines = await stdoutDuring(async () => {
      await call(service.url, 'POST', '/v1/records', {
        token,
        body: { ...penaltyInput({ decisionDate: today }), publish: true },
      });
      await call(service.url, 'POST', '/v1/records', {
        token,
        body: { ...penaltyInput({ decisionDate: addDays(today, -30) }), publish: true },
      });
    });

    const metrics = lines.map((line) => JSON.parse(line)).filter((entry) => entry._aws);
    expect(metrics).toHaveLength(2);
    expect(metrics[0]).toMatchObject({ Service: 'disclosure', RecordsRegistered: 1, RecordsPublished: 1 });
    expect(metrics[0]._aws.CloudWatchMetrics[0]).toMatchObject({
      Namespace: 'DisclosureService',
      Dimensions: [['Service']],
    });
    expect(metrics[0]._aws.CloudWatchMetrics[0].Metrics.map((m: { Name: string }) => m.Name).sort()).toEqual([
      'RecordsPublished',
      'RecordsRegistered',
    ]);
    expect(metrics[1]).toMatchObject({ RecordsRegistered: 1, RecordsPublished: 1, RecordsPublishedLate: 1 });
  });
});
