import { describe, expect, it } from 'vitest';
import type { DisclosureRecord } from '../../../shared/domain/records/record.ts';
import { escapeXml } from '../../../shared/domain/sharing/atom.ts';
import {
  EXCHANGE_FIELDS,
  fieldProblems,
  upstreamIntentOf,
  upstreamMessage,
} from '../../../shared/domain/sharing/exchange-format.ts';
import { feedChangeOf, feedItem } from '../../../shared/domain/sharing/feed.ts';
import { pushRetryDelayMs } from '../../../shared/domain/sharing/upstream.ts';
import { publishedPenalty, registered } from '../../support/domain-mothers.ts';
import { domainWorld } from '../../support/domain-world.ts';
import { penaltyInput } from '../../support/record-builders.ts';

const AT = new Date('2026-12-04T02:00:00Z');

/** The intent of a record that has one. */
function intentOf(record: DisclosureRecord) {
  const intent = upstreamIntentOf(record);
  if (!intent) throw new Error('the record has no push intent');
  return intent;
}

async function published(): Promise<DisclosureRecord> {
  return publishedPenalty(domainWorld());
}

const corrected = (r: DisclosureRecord): DisclosureRecord => ({
  ...r,
  version: r.version + 1,
  revision: r.revision + 1,
  content: { ...r.content, remarks: '更正：罚款金额' },
});
const revoked = (r: DisclosureRecord): DisclosureRecord => ({
  ...r,
  status: 'revoked',
  revision: r.revision + 1,
  revocation: { at: AT.toISOString(), reason: '经复议撤销' },
});
const ended = (r: DisclosureRecord, reason: 'expired' | 'repaired'): DisclosureRecord => ({
  ...r,
  revision: r.revision + 1,
  publicationEnd: { at: AT.toISOString(), reason },
});

describe('what a record change adds to the public feed', () => {
  it('publication, correction in view, revocation and the end of publication, each once', async () => {
    const r = await published();
    const registeredOnly = { ...r, status: 'registered' as const, publication: undefined };
    expect(feedChangeOf(undefined, r, AT)?.change).toBe('published');
    expect(feedChangeOf(registeredOnly, r, AT)?.change).toBe('published');
    expect(feedChangeOf(r, corrected(r), AT)?.change).toBe('corrected');
    expect(feedChangeOf(r, revoked(r), AT)?.change).toBe('revoked');
    expect(feedChangeOf(r, ended(r, 'expired'), AT)?.change).toBe('ended');
    expect(feedChangeOf(r, ended(r, 'repaired'), AT)?.change).toBe('ended');
  });

  it('nothing for changes the public does not see: a registration, a non-public record, a revision without new content', async () => {
    const world = domainWorld();
    const draft = await registered(world, penaltyInput());
    expect(feedChangeOf(undefined, draft, AT)).toBeUndefined();
    const person = await registered(
      world,
      penaltyInput({
        subject: {
          category: 'natural_person',
          name: '张三',
          idType: 'resident_id',
          idNumber: '11010519491231002X',
        },
      }),
      true,
    );
    expect(feedChangeOf(undefined, person, AT)).toBeUndefined();
    const r = await published();
    expect(feedChangeOf(r, { ...r, revision: r.revision + 1 }, AT)).toBeUndefined();
    expect(feedChangeOf(revoked(r), revoked(r), AT)).toBeUndefined();
  });

  it('an old entry shows the record as it is now: never a record that has left public view', async () => {
    const r = await published();
    const entry = { seq: 1, change: 'published' as const, at: AT.toISOString(), recordId: r.id, revision: 1 };
    expect(feedItem(entry, r, AT)).toMatchObject({ current: 'shown', cursor: '1', changeLabel: '信息公示' });
    expect(feedItem(entry, ended(r, 'repaired'), AT)).toEqual({
      cursor: '1',
      seq: 1,
      change: 'published',
      changeLabel: '信息公示',
      at: AT.toISOString(),
      id: r.id,
      current: 'withdrawn',
    });
    expect(feedItem(entry, undefined, AT).current).toBe('withdrawn');
  });
});

describe('what the city platform should hold of a record', () => {
  it('nothing before publication; an upsert while published; a deletion with its reason after', async () => {
    const r = await published();
    expect(upstreamIntentOf({ ...r, publication: undefined })).toBeUndefined();
    expect(upstreamIntentOf(r)).toMatchObject({ operation: 'upsert', format: 'CF', recordId: r.id });
    expect(upstreamIntentOf(revoked(r))?.operation).toBe('delete');
    const message = upstreamMessage(ended(r, 'repaired'), intentOf(ended(r, 'repaired')), '某局');
    expect(message).toMatchObject({ operation: 'delete', reason: '信用修复，停止公示' });
    expect(Object.keys(message.fields)).toContain('CF_WSH');
    expect(Object.keys(message.fields)).not.toContain('CF_SY');
  });

  it('a new digest for new content only; the message id follows the digest', async () => {
    const r = await published();
    const same = upstreamIntentOf({ ...r, revision: r.revision + 1 });
    expect(same?.digest).toBe(upstreamIntentOf(r)?.digest);
    expect(upstreamIntentOf(corrected(r))?.digest).not.toBe(upstreamIntentOf(r)?.digest);
    const intent = intentOf(r);
    expect(upstreamMessage(r, intent, '甲局').messageId).toBe(upstreamMessage(r, intent, '甲局').messageId);
    expect(upstreamMessage(r, intent, '甲局').messageId).toBe(`${r.id}:${intent.digest.slice(0, 16)}`);
  });

  it('a message the service builds passes the field table; one without 处罚机关 names the field', async () => {
    const r = await published();
    const intent = intentOf(r);
    expect(
      fieldProblems('CF', upstreamMessage(r, intent, '济南市济阳区市场监督管理局').fields, false),
    ).toEqual([]);
    expect(fieldProblems('CF', upstreamMessage(r, intent, '').fields, false)).toEqual([
      { field: 'CF_CFJG', problem: '处罚机关必填' },
      { field: 'CF_SJLY', problem: '数据来源单位必填' },
    ]);
    expect(
      fieldProblems(
        'CF',
        { ...upstreamMessage(r, intent, '局').fields, CF_JDRQ: '2026/1/1', XX: '1' },
        false,
      ),
    ).toEqual(
      expect.arrayContaining([
        { field: 'XX', problem: '未知字段' },
        { field: 'CF_JDRQ', problem: '处罚决定日期须为 YYYY-MM-DD' },
      ]),
    );
  });

  it('declares every code once per format', () => {
    for (const fields of Object.values(EXCHANGE_FIELDS)) {
      const codes = fields.map((f) => f.code);
      expect(new Set(codes).size).toBe(codes.length);
    }
  });
});

describe('retries and Atom text', () => {
  it('waits 1, 2, 4 … minutes after each fault, at most an hour', () => {
    expect([1, 2, 3, 4, 7, 8, 30].map(pushRetryDelayMs)).toEqual([
      60_000, 120_000, 240_000, 480_000, 3_600_000, 3_600_000, 3_600_000,
    ]);
  });

  it('escapes markup and drops what XML cannot carry', () => {
    expect(escapeXml('<a href="x">&\'</a>')).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;');
    expect(escapeXml('甲\u0000乙\u0008丙\uFFFE丁\uD800戊')).toBe('甲乙丙丁戊');
    expect(escapeXml('𠀀\t\n')).toBe('𠀀\t\n');
  });
});
