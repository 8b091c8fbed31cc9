import type { TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { ConflictError } from '../domain/errors.ts';
import type { DomainEvent } from '../domain/events.ts';
import type { Contact, ContactStore } from '../domain/notifications/ports.ts';
import type { Recipient } from '../domain/notifications/recipients.ts';
import type { Store } from './client.ts';
import { eventItem } from './event-items.ts';
import { addressPk, contactItem, contactKey, deliveryItem, tokenKey } from './notification-items.ts';
import { TABLE } from './table.ts';
import { transactWrite } from './transactions.ts';

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

const changed = () =>
  new ConflictError({
    code: 'contact_changed',
    messages: {
      zh: '通知邮箱刚被修改，请刷新后重试',
      en: 'the contact address changed meanwhile; reload and retry',
    },
  });

/** Parties' e-mail addresses and their confirmation tokens. */
export function contactRepository({ client, tableName }: Store): ContactStore & {
  /** Stops mail to an address that bounced or was reported as spam; how many contacts it held. */
  suppress(email: string, reason: 'bounce' | 'complaint', at: Date): Promise<number>;
  /** Writes an event into the outbox once; ConflictError if it is there already. */
  putEvent(event: DomainEvent): Promise<void>;
} {
  const guard = (before: Contact | undefined) =>
    before
      ? { ConditionExpression: 'version = :v', ExpressionAttributeValues: { ':v': before.version } }
      : { ConditionExpression: 'attribute_not_exists(pk)' };

  const getContact = async (recipient: Recipient) => {
    const out = await client.send(
      new GetCommand({ TableName: tableName, Key: contactKey(recipient), ConsistentRead: true }),
    );
    return out.Item?.contact as Contact | undefined;
  };

  return {
    get: getContact,

    async request(before, after, token, mail) {
      const movedFrom =
        before && before.email.toLowerCase() !== after.email.toLowerCase() ? before.email : undefined;
      const writes: TransactItem[] = [
        { Put: { TableName: tableName, Item: contactItem(after), ...guard(before) } },
        {
          Put: {
            TableName: tableName,
            Item: {
              ...tokenKey(token.hash),
              type: 'contact-token',
              recipient: after.recipient,
              [TABLE.ttlAttribute]: Math.ceil(token.expiresAt.getTime() / 1000),
            },
          },
        },
        {
          Put: {
            TableName: tableName,
            Item: { pk: addressPk(after.email), sk: after.recipient, type: 'contact-address' },
          },
        },
        ...(movedFrom
          ? [{ Delete: { TableName: tableName, Key: { pk: addressPk(movedFrom), sk: after.recipient } } }]
          : []),
        {
          Put: {
            TableName: tableName,
            Item: deliveryItem(mail),
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
      ];
      await transactWrite(client, writes, changed);
    },

    async tokenOwner(hash, now) {
      const out = await client.send(
        new GetCommand({ TableName: tableName, Key: tokenKey(hash), ConsistentRead: true }),
      );
      const item = out.Item;
      // TTL deletes expired items only eventually: the expiry is checked here too.
      if (!item || Number(item[TABLE.ttlAttribute]) * 1000 <= now.getTime()) return undefined;
      return item.recipient as Recipient;
    },

    async confirm(before, after, tokenHash) {
      await transactWrite(
        client,
        [
          { Put: { TableName: tableName, Item: contactItem(after), ...guard(before) } },
          {
            Delete: {
              TableName: tableName,
              Key: tokenKey(tokenHash),
              ConditionExpression: 'attribute_exists(pk)',
            },
          },
        ],
        changed,
      );
    },

    async suppress(email, reason, at) {
      const out = await client.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': addressPk(email) },
        }),
      );
      let count = 0;
      for (const item of out.Items ?? []) {
        const recipient = item.sk as Recipient;
        const current = await getContact(recipient);
        // The party may have registered another address since: nothing to stop then.
        if (
          !current ||
          current.email.toLowerCase() !== email.toLowerCase() ||
          current.status === 'suppressed'
        )
          continue;
        const after: Contact = {
          ...current,
          status: 'suppressed',
          suppressed: { reason, at: at.toISOString() },
          version: current.version + 1,
        };
        try {
          await client.send(
            new PutCommand({ TableName: tableName, Item: contactItem(after), ...guard(current) }),
          );
          count++;
        } catch (error) {
          if (!(error instanceof Error && error.name === 'ConditionalCheckFailedException')) throw error;
        }
      }
      return count;
    },

    async putEvent(event) {
      try {
        await client.send(
          new PutCommand({
            TableName: tableName,
            Item: eventItem(event),
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        );
      } catch (error) {
        if (error instanceof Error && error.name === 'ConditionalCheckFailedException')
          throw new ConflictError({
            code: 'event_exists',
            messages: { zh: '该事件已存在', en: 'the event is already in the outbox' },
          });
        throw error;
      }
    },
  };
}
