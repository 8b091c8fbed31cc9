import { httpHandler } from '../../shared/http/http-handler.ts';
import { storeFromEnv } from '../../shared/store/client.ts';
import { eventRepository } from '../../shared/store/event-repository.ts';
import { workflowRepository } from '../../shared/store/workflow-repository.ts';
import { adminRoutes } from './routes.ts';

const store = storeFromEnv();
const events = eventRepository(store);
const workflows = workflowRepository(store);

export const handler = httpHandler(
  'admin',
  adminRoutes({ events: events.list, escalated: workflows.escalated }),
);
