import { chainProblems } from '../../shared/domain/audit-verification.ts';
import { httpHandler } from '../../shared/http/http-handler.ts';
import { auditRepository } from '../../shared/store/audit-repository.ts';
import { checkRepository } from '../../shared/store/check-repository.ts';
import { storeFromEnv } from '../../shared/store/client.ts';
import { eventRepository } from '../../shared/store/event-repository.ts';
import { lateRecordChanges } from '../../shared/store/late-record-changes.ts';
import { listRepository } from '../../shared/store/list-repository.ts';
import { reconciliationRepository } from '../../shared/store/reconciliation-repository.ts';
import { workflowRepository } from '../../shared/store/workflow-repository.ts';
import { adminRoutes } from './routes.ts';

const store = storeFromEnv();
const events = eventRepository(store);
const workflows = workflowRepository(store);
const audit = auditRepository(store);

/** One page of chains, each checked: links recomputed, current state against the last entry. */
async function verify(limit: number, cursor?: string) {
  const page = await audit.chains(limit, cursor);
  return {
    checked: page.snapshots.length,
    problems: page.snapshots.flatMap(chainProblems),
    cursor: page.cursor,
  };
}

export const handler = httpHandler(
  'admin',
  adminRoutes({
    events: events.list,
    escalated: workflows.escalated,
    escalatedEntries: listRepository(store).escalated,
    escalatedChecks: checkRepository(store).escalated,
    lateRecordChanges: (q) => lateRecordChanges(store, q),
    reconciliations: reconciliationRepository(store).latest,
    verify,
  }),
);
