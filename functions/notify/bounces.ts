import { systemClock } from '../../shared/domain/clock.ts';
import { storeFromEnv } from '../../shared/store/client.ts';
import { contactRepository } from '../../shared/store/contact-repository.ts';
import { makeBounceHandler } from './ses-events.ts';

export { suppressionsOf } from './ses-events.ts';

const run = makeBounceHandler({ contacts: contactRepository(storeFromEnv()), clock: systemClock });

/**
 * Invoked by the EventBridge rule of infra/notifications.ts with an SES bounce or complaint
 * of the service's configuration set; marks the addresses it names as suppressed. The log
 * line carries counts only: the addresses are personal data.
 */
export async function handler(event: unknown) {
  const report = await run(event);
  process.stdout.write(`${JSON.stringify({ level: 'INFO', message: 'mail suppressions', ...report })}\n`);
  return report;
}
