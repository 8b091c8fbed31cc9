import type { Sweeps } from '../functions/sweeps/sweeps.ts';

export interface LocalJobWorker {
  /** A job was queued: run the 'batch-jobs' sweep now (or again, once the run in hand ends). */
  wake(): void;
  stop(): Promise<void>;
}

/**
 * The local stand-in for the table-stream trigger that starts a batch job's worker on AWS
 * (infra): the same 'batch-jobs' sweep, in this process, as soon as a job is queued. One run
 * at a time; a wake during a run asks for another, and a run that handed a job on for time
 * is followed by the next at once. The minute schedule stays the safety net, as on AWS.
 */
export function startJobWorker(
  sweeps: Sweeps,
  log: (line: string) => void = (l) => process.stdout.write(`${l}\n`),
): LocalJobWorker {
  let running: Promise<void> | undefined;
  let again = false;
  let stopped = false;

  const loop = async () => {
    do {
      again = false;
      try {
        const report = await sweeps('batch-jobs');
        log(JSON.stringify({ level: 'INFO', message: 'sweep', ...report }));
        if (report.more || (report.actions['batch-continues'] ?? 0) > 0) again = true;
      } catch (error) {
        log(JSON.stringify({ level: 'ERROR', message: 'batch worker failed', error: String(error) }));
      }
    } while (again && !stopped);
  };

  return {
    wake() {
      if (stopped) return;
      if (running) {
        again = true;
        return;
      }
      running = loop().finally(() => {
        running = undefined;
      });
    },
    async stop() {
      stopped = true;
      await running;
    },
  };
}
