import { NotFoundError } from '../../shared/domain/errors.ts';
import type { makeContacts } from '../../shared/domain/notifications/contacts.ts';
import type { makeInbox } from '../../shared/domain/notifications/inbox.ts';
import type { Notification } from '../../shared/domain/notifications/notification.ts';
import { recipientOf } from '../../shared/domain/notifications/recipients.ts';
import { defineRoute } from '../../shared/http/http-handler.ts';
import { OVERSIGHT_PAGE_SIZE, pageRequest } from '../../shared/http/paging.ts';
import type { Principal } from '../../shared/http/principal.ts';
import {
  confirmContactBody,
  contactQuery,
  contactResponse,
  deadMailPage,
  deadMailPathParams,
  deadMailQuery,
  inboxQuery,
  inboxResponse,
  notificationPathParams,
  notificationResponse,
  putContactBody,
  retriedMailResponse,
} from '../../shared/schemas/inbox.ts';
import type { notificationRepository } from '../../shared/store/notification-repository.ts';

const view = ({ eventId: _event, readAt, ...n }: Notification) => ({
  ...n,
  lines: [...n.lines],
  read: readAt !== undefined,
  ...(readAt ? { readAt } : {}),
});

/** Every signed-in caller has an inbox; the route table lets only signed-in roles here. */
const inboxOf = (principal: Principal | undefined) => {
  if (!principal) throw new Error('an inbox route without a principal');
  return recipientOf(principal);
};

export interface InboxRoutesDeps {
  readonly inbox: ReturnType<typeof makeInbox>;
  readonly contacts: ReturnType<typeof makeContacts>;
  readonly mail: Pick<ReturnType<typeof notificationRepository>, 'deadMail' | 'retryDeadMail'>;
  readonly clock: () => Date;
}

export function inboxRoutes({ inbox, contacts, mail, clock }: InboxRoutesDeps) {
  return {
    'GET /v1/inbox': defineRoute({
      query: inboxQuery,
      responses: { 200: inboxResponse },
      run: async ({ principal, query }) => {
        const { limit, cursor } = pageRequest(query);
        const page = await inbox.list(inboxOf(principal), limit, cursor);
        return {
          body: {
            items: page.items.map(view),
            unread: page.unread,
            ...(page.cursor ? { cursor: page.cursor } : {}),
          },
        };
      },
    }),

    'POST /v1/inbox/{id}/read': defineRoute({
      params: notificationPathParams,
      responses: { 200: notificationResponse },
      run: async ({ principal, params }) => ({ body: view(await inbox.read(inboxOf(principal), params.id)) }),
    }),

    'GET /v1/contact': defineRoute({
      query: contactQuery,
      responses: { 200: contactResponse },
      run: async ({ principal }) => ({ body: await contacts.get(inboxOf(principal)) }),
    }),

    'PUT /v1/contact': defineRoute({
      body: putContactBody,
      responses: { 200: contactResponse, 202: contactResponse },
      run: async ({ principal, body }) => {
        const { contact, queued } = await contacts.register(inboxOf(principal), body.email);
        return { status: queued ? 202 : 200, body: contact };
      },
    }),

    'POST /v1/contact/confirmation': defineRoute({
      body: confirmContactBody,
      responses: { 200: contactResponse },
      run: async ({ body }) => ({ body: await contacts.confirm(body.token) }),
    }),

    'GET /v1/admin/mail/dead-letters': defineRoute({
      query: deadMailQuery,
      responses: { 200: deadMailPage },
      run: async ({ query }) => {
        const { limit, cursor } = pageRequest(query, OVERSIGHT_PAGE_SIZE);
        const page = await mail.deadMail(limit, cursor);
        return { body: { items: [...page.items], ...(page.cursor ? { cursor: page.cursor } : {}) } };
      },
    }),

    'POST /v1/admin/mail/dead-letters/{id}/retry': defineRoute({
      params: deadMailPathParams,
      responses: { 200: retriedMailResponse },
      run: async ({ params }) => {
        if (!(await mail.retryDeadMail(params.id, clock())))
          throw new NotFoundError({
            code: 'dead_letter_not_found',
            field: 'id',
            messages: { zh: '没有这封被放弃的邮件', en: 'no such dead letter' },
          });
        return { body: { id: params.id, status: 'pending' as const } };
      },
    }),
  };
}
