import * as z from 'zod';
import { EVENT_TYPES } from '../domain/events.ts';
import { isNotificationId } from '../domain/notifications/notification.ts';
import { instantOut, MAX_CURSOR_LENGTH, MAX_PAGE_SIZE, paging } from './common.ts';
import { issue } from './issue.ts';

/** What the inbox routes take and answer. Words are Chinese: they are the notices themselves. */

export const inboxQuery = z.strictObject(paging);

/** GET /v1/contact reads no query: an unknown parameter is refused, not ignored. */
export const contactQuery = z.strictObject({});

/** `20261204T081500123Z-0123456789abcdef`: the notice's instant and a hash (notification.ts). */
export const NOTIFICATION_ID_LENGTH = 36;

export const notificationPathParams = z.strictObject({
  id: z
    .string()
    .max(NOTIFICATION_ID_LENGTH, {
      ...issue('invalid_notification_id', '消息编号格式不正确', 'not a notification id'),
      abort: true,
    })
    .refine(
      isNotificationId,
      issue('invalid_notification_id', '消息编号格式不正确', 'not a notification id'),
    ),
});

const text = (max: number) => z.string().max(max);

export const notificationResponse = z.object({
  id: z.string().max(NOTIFICATION_ID_LENGTH),
  type: z.enum(EVENT_TYPES),
  at: instantOut,
  title: text(200).meta({ description: '标题' }),
  lines: z.array(text(2000)).max(200).meta({ description: '正文，每项一句' }),
  link: text(300).optional().meta({ description: '网站内的相关页面（相对路径）' }),
  basis: text(300).optional().meta({ description: '法律依据' }),
  read: z.boolean(),
  readAt: instantOut.optional(),
});

export const inboxResponse = z.object({
  items: z.array(notificationResponse).max(MAX_PAGE_SIZE).meta({ description: '最新的在前' }),
  unread: z.number().int().min(0).meta({ description: '未读条数' }),
  cursor: z.string().max(MAX_CURSOR_LENGTH).optional(),
});

/** RFC 5321 allows 254 characters in an address. */
export const MAX_EMAIL_LENGTH = 254;

export const putContactBody = z.strictObject({
  email: z
    .string()
    .trim()
    .max(MAX_EMAIL_LENGTH, {
      ...issue('invalid_email', '邮箱地址过长', 'the address is too long'),
      abort: true,
    })
    .pipe(z.email(issue('invalid_email', '邮箱地址格式不正确', 'not an e-mail address')))
    .meta({ description: '接收通知的邮箱；确认前只会收到确认邮件', format: 'email' }),
});

export const contactResponse = z.object({
  email: z.string().max(MAX_EMAIL_LENGTH),
  status: z.enum(['pending', 'confirmed', 'suppressed']).meta({
    description: 'pending 待确认；confirmed 已确认；suppressed 因退信或投诉已停止发送',
  }),
  requestedAt: instantOut,
  confirmedAt: instantOut.optional(),
});

/** base64url of 32 random bytes. */
export const CONFIRMATION_TOKEN_LENGTH = 43;

export const confirmContactBody = z.strictObject({
  token: z
    .string()
    .max(CONFIRMATION_TOKEN_LENGTH, {
      ...issue('contact_token_invalid', '确认链接无效', 'not a confirmation token'),
      abort: true,
    })
    .regex(/^[A-Za-z0-9_-]{43}$/, issue('contact_token_invalid', '确认链接无效', 'not a confirmation token')),
});

export const deadMailQuery = z.strictObject(paging);

/** A delivery's id: 40 hex characters (delivery.ts). */
export const deadMailPathParams = z.strictObject({
  id: z
    .string()
    .max(40, { ...issue('invalid_delivery_id', '邮件编号格式不正确', 'not a delivery id'), abort: true })
    .regex(/^[0-9a-f]{40}$/, issue('invalid_delivery_id', '邮件编号格式不正确', 'not a delivery id')),
});

export const deadMailPage = z.object({
  items: z
    .array(
      z.object({
        id: z.string().max(40),
        recipient: z
          .string()
          .max(80)
          .meta({ description: '收件方：单位代码、office，或 person（不显示身份证号）' }),
        kind: z.enum(['notification', 'confirmation']),
        title: text(200),
        attempts: z.number().int().min(0),
        lastError: text(500),
        at: instantOut,
      }),
    )
    .max(MAX_PAGE_SIZE),
  cursor: z.string().max(MAX_CURSOR_LENGTH).optional(),
});

export const retriedMailResponse = z.object({ id: z.string().max(40), status: z.literal('pending') });
