import { mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freePort } from '../../local/dynamodb-local.ts';
import { officialYearBody } from '../support/calendar-builders.ts';
import { call } from '../support/http.ts';
import { REPO_ROOT, run, type Spawned, waitFor } from '../support/processes.ts';

/** `npm start` exactly as a newcomer runs it: its own DynamoDB Local, data under DATA_DIR. */
async function npmStart(dataDir: string) {
  const port = await freePort();
  const server = run('npm', ['start'], {
    PORT: String(port),
    DATA_DIR: dataDir,
    DYNAMODB_ENDPOINT: undefined,
  });
  await waitFor(server, () => server.stdout().includes('Disclosure service running at'));
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
    [['--role', 'root'], 'must be agency, entity or admin'],
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
