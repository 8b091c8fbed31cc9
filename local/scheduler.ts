import type { Sweeps } from '../functions/sweeps/sweeps.ts';
import { SCHEDULE_TIME_ZONE, SCHEDULES } from '../shared/schedules.ts';
import { nextFire, parseCron } from './cron.ts';

// Asia/Shanghai has been UTC+8 without daylight saving since 1991.
const OFFSETS: Record<string, number> = { 'Asia/Shanghai': 8 * 60 };

export interface LocalScheduler {
  stop(): Promise<void>;
}

/**
 * Runs the declared schedules in this process, on the same cron expressions as the
 * deployed EventBridge schedules. A sweep still running when its next time comes is not
 * started twice; its report goes to the log as one JSON line.
 */
export function startScheduler(
  sweeps: Sweeps,
  log: (line: string) => void = (l) => process.stdout.write(`${l}\n`),
): LocalScheduler {
  const offset = OFFSETS[SCHEDULE_TIME_ZONE];
  if (offset === undefined) throw new Error(`no offset known for ${SCHEDULE_TIME_ZONE}`);
  const timers = new Set<NodeJS.Timeout>();
  const running = new Set<Promise<unknown>>();
  let stopped = false;

  for (const schedule of SCHEDULES) {
    const cron = parseCron(schedule.cron);
    const arm = () => {
      if (stopped) return;
      const at = nextFire(cron, new Date(), offset);
      const timer = setTimeout(() => {
        timers.delete(timer);
        const run = sweeps(schedule.sweep)
          .then((report) => log(JSON.stringify({ level: 'INFO', message: 'sweep', ...report })))
          .catch((error: unknown) =>
            log(
              JSON.stringify({
                level: 'ERROR',
                message: 'sweep failed',
                sweep: schedule.sweep,
                error: String(error),
              }),
            ),
          )
          .finally(() => {
            running.delete(run);
            arm();
          });
        running.add(run);
      }, at.getTime() - Date.now());
      timer.unref();
      timers.add(timer);
    };
    arm();
  }

  return {
    async stop() {
      stopped = true;
      for (const timer of timers) clearTimeout(timer);
      await Promise.allSettled([...running]);
    },
  };
}
