/**
 * Child processes of the bench: the local server and the minimal server, each run through
 * tsx, its output kept in a log file (so reading it costs the load generator nothing), found
 * ready by a line of that output. They stay in the bench's session on purpose: with Linux's
 * autogroup scheduling a process in a session of its own gets a CPU share of its own, and on
 * a busy machine that made one server's latency swing 2× against an identical one.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, openSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';

const TSX_CLI = join('node_modules', 'tsx', 'dist', 'cli.mjs');

export interface NodeChild {
  readonly pid: number;
  /** What the ready line captured (e.g. the URL). */
  readonly ready: string;
  readonly logFile: string;
  /** The process that runs the script: tsx runs it in a child of its own. */
  scriptPid(): number;
  /** Peak resident set (VmHWM) of the script's process, in MiB. */
  peakRssMb(): number;
  stop(): Promise<void>;
}

/**
 * Runs `script` with tsx and waits until its output matches `ready` (group 1 is returned),
 * or fails when it exits or after `timeoutMs`.
 */
export async function startNodeChild(options: {
  script: string;
  /** Node.js flags for the script's process (tsx passes them on), e.g. --cpu-prof. */
  nodeArgs?: readonly string[];
  env: NodeJS.ProcessEnv;
  logFile: string;
  ready: RegExp;
  timeoutMs?: number;
}): Promise<NodeChild> {
  const fd = openSync(options.logFile, 'w');
  let child: ChildProcess;
  try {
    child = spawn(process.execPath, [TSX_CLI, ...(options.nodeArgs ?? []), options.script], {
      env: options.env,
      stdio: ['ignore', fd, fd],
    });
  } finally {
    closeSync(fd);
  }
  const pid = child.pid;
  if (pid === undefined) throw new Error(`could not start ${options.script}`);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const log = () => readFileSync(options.logFile, 'utf8');

  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    // Only the script's process: tsx relays a signal it gets itself within 30 ms or kills
    // the script, which then has no time to stop cleanly (and write a --cpu-prof profile).
    const script = scriptProcess(pid);
    signal(script, 'SIGTERM');
    const timer = setTimeout(() => {
      signal(script, 'SIGKILL');
      signal(pid, 'SIGKILL');
    }, 10_000);
    // tsx exits after the script has.
    await exited;
    clearTimeout(timer);
  };

  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  for (;;) {
    const match = options.ready.exec(log());
    if (match) {
      const scriptPid = () => scriptProcess(pid);
      return {
        pid,
        ready: match[1] ?? match[0],
        logFile: options.logFile,
        scriptPid,
        peakRssMb: () => peakRssMb(scriptPid()),
        stop,
      };
    }
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`${options.script} did not start:\n${log().slice(-3000)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch {
    // already gone
  }
}

function childrenOf(pid: number): number[] {
  try {
    return readdirSync(`/proc/${pid}/task`).flatMap((task) =>
      readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').split(/\s+/).filter(Boolean).map(Number),
    );
  } catch {
    return [];
  }
}

function isNode(pid: number): boolean {
  try {
    return readlinkSync(`/proc/${pid}/exe`) === readlinkSync('/proc/self/exe');
  } catch {
    return false;
  }
}

/**
 * The Node.js process that runs the script: the deepest node among `pid` and its
 * descendants (tsx runs the script in a child; that child may run an esbuild service).
 */
export function scriptProcess(pid: number): number {
  for (const child of childrenOf(pid).reverse()) {
    const found = scriptProcess(child);
    if (isNode(found)) return found;
  }
  return pid;
}

export function peakRssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/^VmHWM:\s+(\d+)\s+kB/m.exec(status)?.[1]);
  if (!Number.isFinite(kb)) throw new Error(`no VmHWM for process ${pid}`);
  return Math.round((kb / 1024) * 10) / 10;
}
