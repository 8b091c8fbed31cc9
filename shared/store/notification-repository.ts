import type { TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { GetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ConflictError } from '../domain/errors.ts';
import type { DomainEvent } from '../domain/events.ts';
import type { Notification } from '../domain/notifications/notification.ts';
import type { Contact, MailDelivery, NotificationStore } from '../domain/notifications/ports.ts';
import { type Recipient, roleOfRecipient } from '../domain/notifications/recipients.ts';
import type { Page } from '../domain/records/ports.ts';
import type { Store } from './client.ts';
import { decodeCursor, encodeCursor, isStartKey, startKeyRules } from './cursor.ts';
import { eventKeyOf } from './event-items.ts';
import {
  contactKey,
  DEAD_MAIL,
  deliveryDue,
  deliveryItem,
  deliveryKey,
  inboxPk,
  notificationItem,
  notificationSk,
  UNREAD_SK,
} from './notification-items.ts';
import { transactWrite } from './transactions.ts';

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

const lost = (what: string) =>
  new ConflictError({
    code: 'notification_race',
    messages: { zh: `${what}已由另一次运行处理`, en: `another run already handled the ${what}` },
  });

/**
 * What a delivery keeps of its notice once settled: a confirmation's link holds its token,
 * which is not kept once the mail is sent, given up or skipped.
 */
const kept = (delivery: MailDelivery) =>
  delivery.kind === 'confirmation'
    ? { title: delivery.notice.title, lines: delivery.notice.lines }
    : delivery.notice;

const isConditionFailure = (error: unknown) =>
  error instanceof Error && error.name === 'ConditionalCheckFailedException';

/** A mail given up after its retries, as the credit office's list shows it. */
export interface DeadMail {
  readonly id: string;
  /** Who it was for: an entity's or agency's code, `office`, or only `person` (no one's number). */
  readonly recipient: string;
  readonly kind: MailDelivery['kind'];
  readonly title: string;
  readonly attempts: number;
  readonly lastError: string;
  readonly at: string;
}

/** Inboxes, mail deliveries and the outbox's notify marks, on the service table. */
export function notificationRepository(store: Store): NotificationStore & {
  deadMail(limit: number, cursor?: string): Promise<Page<DeadMail>>;
  /** A dead letter goes back to be sent now, with its attempts counted afresh; false if none. */
  retryDeadMail(id: string, at: Date): Promise<boolean>;
} {
  const { client, tableName } = store;

  const get = async (key: { pk: string; sk: string }) =>
    (await client.send(new GetCommand({ TableName: tableName, Key: key, ConsistentRead: true }))).Item;

  const update = async (
    key: { pk: string; sk: string },
    expression: string,
    condition: string,
    values: Record<string, unknown>,
    names: Record<string, string> = {},
  ) => {
    try {
      await client.send(
        new UpdateCommand({
          TableName: tableName,
          Key: key,
          UpdateExpression: expression,
          ConditionExpression: condition,
          ExpressionAttributeValues: values,
          ...(Object.keys(names).length > 0 ? { ExpressionAttributeNames: names } : {}),
        }),
      );
    } catch (error) {
      if (isConditionFailure(error)) throw lost('mail delivery');
      throw error;
    }
  };

  const D = { '#d': 'delivery', '#s': 'status' };

  return {
    async pendingEvent(ref) {
      const item = await get(eventKeyOf(ref));
      return item && typeof item.dlpk === 'string' ? (item.event as DomainEvent) : undefined;
    },

    async deliver(ref, notifications, mails) {
      const writes: TransactItem[] = [
        {
          Update: {
            TableName: tableName,
            Key: eventKeyOf(ref),
            UpdateExpression: 'SET notifiedAt = :at REMOVE dlpk, dlsk',
            ConditionExpression: 'attribute_exists(dlpk)',
            ExpressionAttributeValues: { ':at': new Date().toISOString() },
          },
        },
        ...notifications.flatMap(({ recipient, notification }): TransactItem[] => [
          {
            Put: {
              TableName: tableName,
              Item: notificationItem(recipient, notification),
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          {
            Update: {
              TableName: tableName,
              Key: { pk: inboxPk(recipient), sk: UNREAD_SK },
              UpdateExpression: 'ADD unread :one',
              ExpressionAttributeValues: { ':one': 1 },
            },
          },
        ]),
        ...mails.map(
          (mail): TransactItem => ({
            Put: {
              TableName: tableName,
              Item: deliveryItem(mail),
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          }),
        ),
      ];
      await transactWrite(client, writes, () => lost('event'));
    },

    async contacts(recipients) {
      const unique = [...new Set(recipients)];
      const found = await Promise.all(unique.map((r) => get(contactKey(r))));
      const out = new Map<Recipient, Contact>();
      found.forEach((item, i) => {
        const recipient = unique[i];
        if (item && recipient) out.set(recipient, item.contact as Contact);
      });
      return out;
    },

    async delivery(id) {
      return (await get(deliveryKey(id)))?.delivery as MailDelivery | undefined;
    },

    async claim(delivery, now, leaseMs) {
      await update(
        deliveryKey(delivery.id),
        'SET leaseUntil = :until',
        // The attempts as read: a delivery another run rescheduled meanwhile is not taken early.
        '#d.#s = :pending AND #d.attempts = :attempts AND (attribute_not_exists(leaseUntil) OR leaseUntil < :now)',
        {
          ':until': new Date(now.getTime() + leaseMs).toISOString(),
          ':now': now.toISOString(),
          ':pending': 'pending',
          ':attempts': delivery.attempts,
        },
        D,
      );
    },

    async settle(delivery, outcome) {
      const key = deliveryKey(delivery.id);
      const base = { ':pending': 'pending' };
      const condition = '#d.#s = :pending';
      switch (outcome.status) {
        case 'sent':
          // A confirmation's link holds its token: once sent, it is not kept.
          return update(
            key,
            'SET #d.#s = :sent, #d.sentAt = :at, #d.attempts = :n, #d.notice = :notice REMOVE dlpk, dlsk, leaseUntil',
            condition,
            {
              ...base,
              ':sent': 'sent',
              ':at': outcome.at.toISOString(),
              ':n': delivery.attempts + 1,
              ':notice': kept(delivery),
            },
            D,
          );
        case 'pending': {
          const due = deliveryDue(delivery.id, outcome.retryAt.toISOString());
          return update(
            key,
            'SET #d.attempts = :n, #d.lastError = :error, #d.dueAt = :due, dueAt = :due, dlsk = :dlsk REMOVE leaseUntil',
            condition,
            {
              ...base,
              ':n': delivery.attempts + 1,
              ':error': outcome.error.slice(0, 500),
              ':due': due.dueAt,
              ':dlsk': due.dlsk,
            },
            D,
          );
        }
        case 'dead':
          return update(
            key,
            'SET #d.#s = :dead, #d.attempts = :n, #d.lastError = :error, #d.notice = :notice, dlpk = :parked, dlsk = :dlsk REMOVE leaseUntil',
            condition,
            {
              ...base,
              ':dead': 'dead',
              ':notice': kept(delivery),
              ':n': delivery.attempts + 1,
              ':error': outcome.error.slice(0, 500),
              ':parked': DEAD_MAIL,
              ':dlsk': `${outcome.at.toISOString()}#${delivery.id}`,
            },
            D,
          );
        case 'skipped':
          return update(
            key,
            'SET #d.#s = :skipped, #d.lastError = :why, #d.notice = :notice REMOVE dlpk, dlsk, leaseUntil',
            condition,
            { ...base, ':skipped': 'skipped', ':why': outcome.why, ':notice': kept(delivery) },
            D,
          );
      }
    },

    async inbox(recipient, limit, cursor) {
      const pk = inboxPk(recipient);
      const shape = { inbox: recipient };
      const start = decodeCursor(cursor, shape, (p) =>
        isStartKey(
          p,
          startKeyRules('table', pk, (sk) => sk.startsWith('N#')),
        ),
      );
      const [page, counter] = await Promise.all([
        client.send(
          new QueryCommand({
            TableName: tableName,
            KeyConditionExpression: 'pk = :pk AND begins_with(sk, :n)',
            ExpressionAttributeValues: { ':pk': pk, ':n': 'N#' },
            ScanIndexForward: false,
            Limit: limit,
            ...(start ? { ExclusiveStartKey: start } : {}),
          }),
        ),
        get({ pk, sk: UNREAD_SK }),
      ]);
      return {
        items: (page.Items ?? []).map((item) => item.notification as Notification),
        unread: Math.max(0, Number(counter?.unread ?? 0)),
        cursor: page.LastEvaluatedKey ? encodeCursor(shape, page.LastEvaluatedKey) : undefined,
      };
    },

    async markRead(recipient, id, at) {
      const key = { pk: inboxPk(recipient), sk: notificationSk(id) };
      try {
        await transactWrite(
          client,
          [
            {
              Update: {
                TableName: tableName,
                Key: key,
                UpdateExpression: 'SET #n.readAt = :at',
                ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(#n.readAt)',
                ExpressionAttributeNames: { '#n': 'notification' },
                ExpressionAttributeValues: { ':at': at.toISOString() },
              },
            },
            {
              Update: {
                TableName: tableName,
                Key: { pk: inboxPk(recipient), sk: UNREAD_SK },
                // No floor here: a counter that ever went wrong must not stop a notice being
                // read; the answer shows it at least 0.
                UpdateExpression: 'ADD unread :minus',
                ExpressionAttributeValues: { ':minus': -1 },
              },
            },
          ],
          () => lost('notification'),
        );
      } catch (error) {
        if (!(error instanceof ConflictError)) throw error;
        // Read already (by another tab, or a retry), or not this recipient's: the item says which.
      }
      return (await get(key))?.notification as Notification | undefined;
    },

    async deadMail(limit, cursor) {
      const shape = { deadMail: true };
      const start = decodeCursor(cursor, shape, (p) => isStartKey(p, startKeyRules('deadlines', DEAD_MAIL)));
      const out = await client.send(
        new QueryCommand({
          TableName: tableName,
          IndexName: 'deadlines',
          KeyConditionExpression: 'dlpk = :pk',
          ExpressionAttributeValues: { ':pk': DEAD_MAIL },
          ScanIndexForward: false,
          Limit: limit,
          ...(start ? { ExclusiveStartKey: start } : {}),
        }),
      );
      return {
        items: (out.Items ?? []).map((item) => {
          const d = item.delivery as MailDelivery;
          const role = roleOfRecipient(d.recipient);
          return {
            id: d.id,
            recipient: role === 'person' ? 'person' : d.recipient,
            kind: d.kind,
            title: d.notice.title,
            attempts: d.attempts,
            lastError: d.lastError ?? '',
            at: String(item.dlsk).split('#')[0] ?? '',
          };
        }),
        cursor: out.LastEvaluatedKey ? encodeCursor(shape, out.LastEvaluatedKey) : undefined,
      };
    },

    async retryDeadMail(id, at) {
      const due = deliveryDue(id, at.toISOString());
      try {
        await client.send(
          new UpdateCommand({
            TableName: tableName,
            Key: deliveryKey(id),
            UpdateExpression:
              'SET #d.#s = :pending, #d.attempts = :zero, #d.dueAt = :due, dueAt = :due, dlpk = :dlpk, dlsk = :dlsk',
            ConditionExpression: '#d.#s = :dead',
            ExpressionAttributeNames: D,
            ExpressionAttributeValues: {
              ':pending': 'pending',
              ':dead': 'dead',
              ':zero': 0,
              ':due': due.dueAt,
              ':dlpk': due.dlpk,
              ':dlsk': due.dlsk,
            },
          }),
        );
        return true;
      } catch (error) {
        if (isConditionFailure(error)) return false;
        throw error;
      }
    },
  };
}
