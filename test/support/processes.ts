import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';

export const REPO_ROOT = resolve(import.meta.dirname, '../..');

export interface Spawned {
  readonly child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves with the exit code (or signal name) once the process has ended. */
  readonly exited: Promise<number | string>;
  /** Sends a signal to the whole process group. */
  signal(name: NodeJS.Signals): void;
}

/**
 * Starts a command in a process group of its own, as a terminal would, so `signal` reaches
 * npm, the runtime under it and DynamoDB Local alike — like Ctrl-C does.
 */
export function run(command: string, args: string[], env: Record<string, string | undefined> = {}): Spawned {
  const child = spawn(command, args, {
    cwd: REPO_ROOT,
    detached: true,
    env: { ...process.env, ...env, FORCE_COLOR: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const exited = new Promise<number | string>((done) =>
    child.once('close', (code, signal) => done(code ?? signal ?? -1)),
  );
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    exited,
    signal: (name) => {
      if (child.pid !== undefined && child.exitCode === null) process.kill(-child.pid, name);
    },
  };
}

/** Waits until `predicate` holds, polling; fails with what the process printed. */
export async function waitFor(process: Spawned, predicate: () => boolean, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline || process.child.exitCode !== null) {
      throw new Error(`gave up waiting; stdout:\n${process.stdout()}\nstderr:\n${process.stderr()}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}
