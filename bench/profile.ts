/**
 * Summarises a V8 .cpuprofile (from `node --cpu-prof`): self time per function, and per
 * package or source folder, from the samples and their time deltas.
 * `tsx bench/profile.ts <file.cpuprofile> [top]` prints the summary of one profile.
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { functionName: string; url: string; lineNumber: number };
  readonly children?: readonly number[];
}

interface CpuProfile {
  readonly startTime: number;
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

export interface SelfTime {
  readonly name: string;
  readonly ms: number;
  readonly percent: number;
}

/** Where a script URL belongs: a package under node_modules, a folder of ours, or node itself. */
function origin(url: string): string {
  if (!url) return '(native/V8)';
  if (url.startsWith('node:')) return 'node:internals';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1];
  if (pkg) return pkg;
  const ours = /\/(shared|functions|local|bench)\/(.*)$/.exec(url);
  return ours ? `${ours[1]}/${ours[2]?.split('/')[0]}` : url;
}

/** Microseconds on the monotonic clock V8 stamps samples with (as process.hrtime). */
export const monotonicMicros = () => Number(process.hrtime.bigint() / 1000n);

/**
 * Self time per function and per origin, as a share of the busy (not idle) time; with
 * `window`, only of the samples taken in it (monotonic microseconds, see monotonicMicros).
 */
export function summariseProfile(file: string, top = 25, window?: { from: number; to: number }) {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parentOf = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parentOf.set(c, n.id);
  // Total time with callees, for our own functions: where a request's time goes, step by step.
  const inclusive = new Map<string, number>();
  const perFunction = new Map<string, number>();
  const perOrigin = new Map<string, number>();
  let total = 0;
  let idle = 0;
  let at = profile.startTime;
  profile.samples.forEach((id, i) => {
    const delta = profile.timeDeltas[i] ?? 0;
    at += delta;
    if (window && (at < window.from || at > window.to)) return;
    const dt = delta / 1000;
    const frame = byId.get(id)?.callFrame;
    if (!frame) return;
    if (frame.functionName === '(idle)') {
      idle += dt;
      return;
    }
    total += dt;
    const name = frameName(frame);
    perFunction.set(name, (perFunction.get(name) ?? 0) + dt);
    const onStack = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) {
      const f = byId.get(at)?.callFrame;
      if (f && /\/(shared|functions|local)\//.test(f.url) && !f.url.includes('node_modules'))
        onStack.add(frameName(f));
    }
    for (const n of onStack) inclusive.set(n, (inclusive.get(n) ?? 0) + dt);
    const o = origin(frame.url);
    perOrigin.set(o, (perOrigin.get(o) ?? 0) + dt);
  });
  const rank = (map: Map<string, number>): SelfTime[] =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, ms]) => ({ name, ms: Math.round(ms), percent: Math.round((ms / total) * 1000) / 10 }));
  return {
    busy_ms: Math.round(total),
    idle_ms: Math.round(idle),
    functions: rank(perFunction),
    origins: rank(perOrigin),
    ours_inclusive: rank(inclusive),
  };
}

function frameName(frame: ProfileNode['callFrame']): string {
  const short = frame.url
    .replace(/^.*\/(node_modules\/)/, '$1')
    .replace(/^file:\/\/.*?\/(?=shared|functions|local|bench)/, '');
  return `${frame.functionName || '(anonymous)'} ${short ? `${short}:${frame.lineNumber + 1}` : ''}`.trim();
}

export function formatSummary(summary: ReturnType<typeof summariseProfile>, title = 'CPU profile'): string {
  const rows = (list: readonly SelfTime[]) =>
    list.map((s) => `  ${String(s.percent).padStart(5)}%  ${String(s.ms).padStart(7)} ms  ${s.name}`);
  return [
    `${title}: ${summary.busy_ms} ms busy, ${summary.idle_ms} ms idle; shares of the busy time`,
    'self time by function:',
    ...rows(summary.functions),
    'self time by package / folder:',
    ...rows(summary.origins),
    'our functions, time with their callees:',
    ...rows(summary.ours_inclusive),
    '',
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [file, top] = process.argv.slice(2);
  if (!file) {
    process.stderr.write('usage: tsx bench/profile.ts <file.cpuprofile> [top]\n');
    process.exit(2);
  }
  process.stdout.write(formatSummary(summariseProfile(file, Number(top ?? 25))));
}
