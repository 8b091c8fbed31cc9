import { mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

// Whole processes (npm, tsx, Java) start and stop here; on a busy 2-core machine that takes time.
vi.setConfig({ testTimeout: 240_000 });

import { freePort } from '../../local/dynamodb-local.ts';
import { addDays, shanghaiDate } from '../../shared/domain/dates.ts';
import { officialYearBody } from '../support/calendar-builders.ts';
import { call } from '../support/http.ts';
import { REPO_ROOT, run, type Spawned, waitFor } from '../support/processes.ts';
import { AGENCY, penaltyInput } from '../support/record-builders.ts';

/** `npm start` exactly as a newcomer runs it: its own DynamoDB Local, data under DATA_DIR. */
async function npmStart(dataDir: string, env: Record<string, string> = {}) {
  const port = await freePort();
  const server = run('npm', ['start'], {
    PORT: String(port),
    DATA_DIR: dataDir,
    DYNAMODB_ENDPOINT: undefined,
    ...env,
  });
  await waitFor(server, () => server.stdout().includes('Disclosure service running at'), 180_000);
  return { server, url: `http://localhost:${port}` };
}

/**
 * Signals the process group as a terminal or supervisor does. npm itself then ends by the
 * signal, so what is checked is the service: it says it stops, and DynamoDB Local is gone.
 */
async function stopsCleanly(server: Spawned, signal: NodeJS.Signals) {
  const dynamo = /DynamoDB Local at (http:\/\/[\d.:]+)/.exec(server.stdout())?.[1];
  expect(dynamo).toBeDefined();
  server.signal(signal);
  expect(await server.exited).toBe(signal);
  expect(server.stdout()).toContain(`${signal}: stopping`);
  expect(server.stderr()).not.toMatch(/error/i);
  await expect
    .poll(
      () =>
        fetch(`${dynamo}`).then(
          () => 'up',
          () => 'down',
        ),
      { timeout: 15_000 },
    )
    .toBe('down');
}

async function npmToken(dataDir: string, args: string[]) {
  const token = run('npm', ['run', '-s', 'token', '--', ...args], { DATA_DIR: dataDir });
  const code = await token.exited;
  return { code, stdout: token.stdout(), stderr: token.stderr() };
}

describe('npm start', () => {
  it('keeps a loaded calendar year across a restart on the same DATA_DIR, and stops cleanly on SIGTERM and Ctrl-C', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'disclosure-start-'));
    const first = await npmStart(dataDir);
    const token = await npmToken(dataDir, ['--role', 'admin']);
    const loaded = await call(first.url, 'PUT', '/v1/calendar/2027', {
      token: token.stdout.trim(),
      body: officialYearBody(2027, { holidays: [{ date: '2027-02-08', name: '春节' }] }),
    });
    expect(loaded.status).toBe(201);
    expect(first.server.stdout().match(/Disclosure service running at/g)).toHaveLength(1);

    await stopsCleanly(first.server, 'SIGTERM');

    const second = await npmStart(dataDir);
    try {
      const after = await call(second.url, 'GET', '/v1/calendar/2027');
      expect(after.json).toMatchObject({
        origin: 'loaded',
        version: 1,
        holidays: [{ date: '2027-02-08', name: '春节' }],
      });
      const reused = await call(second.url, 'PUT', '/v1/calendar/2027', {
        token: token.stdout.trim(),
        body: officialYearBody(2027),
        headers: { 'if-match': '"1"' },
      });
      expect(reused.status).toBe(200);
    } finally {
      await stopsCleanly(second.server, 'SIGINT'); // what Ctrl-C sends
    }
  });

  it('exits with a message naming the package to install when java is missing', async () => {
    const bin = mkdtempSync(join(tmpdir(), 'no-java-'));
    symlinkSync(process.execPath, join(bin, 'node'));
    const server = run(
      process.execPath,
      [join(REPO_ROOT, 'node_modules/tsx/dist/cli.mjs'), 'local/main.ts'],
      {
        PATH: bin,
        PORT: '0',
        DATA_DIR: mkdtempSync(join(tmpdir(), 'disclosure-nojava-')),
        DYNAMODB_ENDPOINT: undefined,
      },
    );

    expect(await server.exited).toBe(1);
    expect(server.stderr()).toContain('openjdk-17-jre-headless');
    expect(server.stdout()).not.toContain('running at');
  });
});

describe('npm run sweep', () => {
  it('publishes a record three weeks past its decision late, and the event and the figures show it', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'disclosure-sweep-'));
    // The in-process schedules are off so that only the sweep run by hand acts.
    const { server, url } = await npmStart(dataDir, { SCHEDULES: 'off' });
    try {
      const agency = (await npmToken(dataDir, ['--role', 'agency', '--agency', AGENCY])).stdout.trim();
      const admin = (await npmToken(dataDir, ['--role', 'admin'])).stdout.trim();
      const decided = addDays(shanghaiDate(new Date()), -21);
      const registered = await call(url, 'POST', '/v1/records', {
        token: agency,
        body: penaltyInput({ decisionDate: decided }),
      });
      const stats = () => call(url, 'GET', `/v1/stats/timeliness?from=${decided}`);
      const before = (await stats()).json.agencies.find((a: { agency: string }) => a.agency === AGENCY);

      const sweep = run('npm', ['run', '-s', 'sweep', '--', 'disclosure-deadlines'], { DATA_DIR: dataDir });
      expect(await sweep.exited).toBe(0);

      expect(sweep.stdout()).toMatch(/auto-published: 1/);
      const record = await call(url, 'GET', `/v1/records/${registered.json.id}`, { token: agency });
      expect(record.json).toMatchObject({
        status: 'published',
        publication: { by: 'system', onTime: false },
      });
      const events = await call(url, 'GET', '/v1/admin/events?type=overdue', { token: admin });
      expect(events.json.items.map((e: { subject: { id: string } }) => e.subject.id)).toContain(
        registered.json.id,
      );
      const after = (await stats()).json.agencies.find((a: { agency: string }) => a.agency === AGENCY);
      expect(before).toMatchObject({ registered: 1, publishedLate: 0, unpublishedOverdue: 1 });
      expect(after).toMatchObject({ registered: 1, publishedLate: 1, unpublishedOverdue: 0 });
    } finally {
      await stopsCleanly(server, 'SIGTERM');
    }
  });

  it('refuses an unknown sweep and a bad --now with a usage message', async () => {
    for (const args of [['no-such-sweep'], ['disclosure-deadlines', '--now', 'tomorrow']]) {
      const sweep = run('npm', ['run', '-s', 'sweep', '--', ...args], {
        DATA_DIR: mkdtempSync(join(tmpdir(), 'x-')),
      });
      expect(await sweep.exited).toBe(2);
      expect(sweep.stderr()).toContain('usage: npm run sweep');
    }
  });
});

describe('npm run token', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'disclosure-token-'));

  it('prints only a token (three base64url parts) for each role', async () => {
    for (const args of [
      ['--role', 'admin'],
      ['--role', 'agency', '--agency', '91350100M000100Y43'],
      ['--role', 'entity', '--uscc', '91350100M000100Y43'],
    ]) {
      const answer = await npmToken(dataDir, args);
      expect(answer.code).toBe(0);
      expect(answer.stdout).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\n$/);
    }
  });

  it.each([
    [['--role', 'agency', '--agency', '91350100M000100Y44'], 'wrong check character'],
    [['--role', 'agency', '--agency', 'not-a-code'], 'not a unified social credit code'],
    [['--role', 'agency'], 'needs --agency'],
    [['--role', 'entity', '--agency', '91350100M000100Y43'], 'does not go with'],
    [['--role', 'root'], 'must be agency, entity, person or admin'],
    [['--role', 'person', '--id', '11010520901231002X'], 'birth date'],
    [[], '--role is required'],
    [['--role', 'admin', '--ttl', '0'], '--ttl'],
    [['--role', 'admin', '--bogus'], 'Unknown option'],
  ])('refuses %j with a clear message and a non-zero exit', { concurrent: true }, async (args, message) => {
    const answer = await npmToken(dataDir, args);
    expect(answer.code).not.toBe(0);
    expect(answer.stdout).toBe('');
    expect(answer.stderr).toContain(message);
  });
});
