import { httpHandler } from '../../shared/http/http-handler.ts';
import { storeFromEnv } from '../../shared/store/client.ts';
import { eventRepository } from '../../shared/store/event-repository.ts';
import { adminRoutes } from './routes.ts';

const events = eventRepository(storeFromEnv());

export const handler = httpHandler('admin', adminRoutes({ events: events.list }));
