import { systemClock } from '../../shared/domain/clock.ts';
import { makeContacts } from '../../shared/domain/notifications/contacts.ts';
import { makeInbox } from '../../shared/domain/notifications/inbox.ts';
import { httpHandler } from '../../shared/http/http-handler.ts';
import { storeFromEnv } from '../../shared/store/client.ts';
import { contactRepository } from '../../shared/store/contact-repository.ts';
import { notificationRepository } from '../../shared/store/notification-repository.ts';
import { inboxRoutes } from './routes.ts';

const store = storeFromEnv();
const notifications = notificationRepository(store);

export const handler = httpHandler(
  'inbox',
  inboxRoutes({
    inbox: makeInbox({ store: notifications, clock: systemClock }),
    contacts: makeContacts({ contacts: contactRepository(store), clock: systemClock }),
    mail: notifications,
    clock: systemClock,
  }),
);
