import * as z from 'zod';
import { FEED_CHANGE_LABELS, FEED_CHANGES, FEED_MAX_LIMIT } from '../domain/sharing/feed.ts';
import { idOut, instantOut, MAX_PAGE_SIZE, pageLimit } from './common.ts';
import { issue } from './issue.ts';
import { publicRecordResponse, revocationNoticeResponse } from './records/public-routes.ts';

/** The feed's numbers: whole numbers, as text, up to 15 digits. */
const MAX_SEQ_DIGITS = 15;

export const feedQuery = z.strictObject({
  after: z
    .string()
    .max(MAX_SEQ_DIGITS, { ...issue('invalid_cursor', '游标格式错误', 'not a feed cursor'), abort: true })
    .regex(/^\d+$/, issue('invalid_cursor', '游标格式错误', 'not a feed cursor'))
    .transform(Number)
    .optional()
    .meta({ description: '从此游标之后读起（上一页返回的 cursor；不填则从头读起）' }),
  limit: pageLimit,
});

const seqText = z.string().max(MAX_SEQ_DIGITS);

const feedItemHead = {
  cursor: seqText.meta({ description: '此条的游标：从它之后续读' }),
  seq: z.number().int().min(1),
  change: z.enum(FEED_CHANGES).meta({
    description: Object.entries(FEED_CHANGE_LABELS)
      .map(([k, v]) => `${k}: ${v}`)
      .join('；'),
  }),
  changeLabel: z.string().max(10),
  at: instantOut,
  id: idOut('rec'),
};

export const feedItemResponse = z
  .discriminatedUnion('current', [
    z.object({ ...feedItemHead, current: z.literal('shown'), record: publicRecordResponse }),
    z.object({ ...feedItemHead, current: z.literal('revoked'), revocation: revocationNoticeResponse }),
    z.object({ ...feedItemHead, current: z.literal('withdrawn') }),
  ])
  .meta({
    id: 'FeedItem',
    description:
      '一项公开变更，附该记录现在的公开内容：shown 仍在公示；revoked 撤销公告；withdrawn 已不再公开（停止公示或已撤销且公告期满）',
  });

export const feedPage = z
  .object({
    items: z.array(feedItemResponse).max(Math.max(FEED_MAX_LIMIT, MAX_PAGE_SIZE)),
    cursor: seqText.meta({ description: '续读游标：下次以 after=cursor 读取，无缺漏、无重复' }),
  })
  .meta({ id: 'FeedPage' });
