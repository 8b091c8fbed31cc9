import { describe, expect, it } from 'vitest';
import type { DomainEvent } from '../../../shared/domain/events.ts';
import {
  addressFor,
  MAIL_RETRY,
  maskAddresses,
  retryDelayMs,
} from '../../../shared/domain/notifications/delivery.ts';
import { renderMail } from '../../../shared/domain/notifications/mail.ts';
import {
  DIGEST_AGENCIES_SHOWN,
  dueDateOf,
  type Matter,
  noticesOf,
} from '../../../shared/domain/notifications/notices.ts';
import { notificationId } from '../../../shared/domain/notifications/notification.ts';
import type { Contact, MailDelivery } from '../../../shared/domain/notifications/ports.ts';
import { partyOfSubject, recipientOf } from '../../../shared/domain/notifications/recipients.ts';
import { personRef } from '../../../shared/domain/workflows/party.ts';

const AGENCY = '11370100MB2850377W';
const ENTITY = '91370125MA3C8XXX1N';

const event = (type: DomainEvent['type'], kind: DomainEvent['subject']['kind'], data = {}): DomainEvent => ({
  id: `x.1.${type}`,
  type,
  at: '2026-12-04T02:00:00.000Z',
  subject: { kind, id: kind === 'objection' ? 'obj_0123456789abcdefghjkmnpqrs' : 'rec_1', agency: AGENCY },
  data,
});

const matter: Matter = {
  party: `entity:${ENTITY}`,
  agency: AGENCY,
  record: {
    id: 'rec_1',
    kind: 'penalty',
    documentNumber: '济阳市监罚〔2026〕1号',
    public: true,
    published: true,
  },
  filing: {
    id: 'obj_0123456789abcdefghjkmnpqrs',
    due: '2026-12-09',
    decision: { outcome: 'upheld', reason: '金额有误' },
  },
};

describe('who is told what', () => {
  it('tells the entity and the agency of an objection, with its receipt number and due date', () => {
    const told = noticesOf(
      event('objection-filed', 'objection', { dueAt: '2026-12-10T00:00:00+08:00' }),
      matter,
    );

    expect(told.map((t) => t.recipient)).toEqual([`entity:${ENTITY}`, `agency:${AGENCY}`]);
    for (const { notice } of told) {
      expect(notice.lines).toContain('受理编号：obj_0123456789abcdefghjkmnpqrs');
      expect(notice.lines.join()).toContain('2026-12-09');
    }
    expect(told[0]?.notice.basis).toContain('第三十九条');
  });

  it('tells the credit office of every escalation, and the agency too', () => {
    const objection = noticesOf(event('objection-escalated', 'objection'), matter).map((t) => t.recipient);
    const repair = noticesOf(event('repair-escalated', 'repair'), matter).map((t) => t.recipient);
    const change = noticesOf(event('overdue', 'record', { action: 'revoked-late', escalated: true }), matter);
    const disclosure = noticesOf(event('overdue', 'record', { action: 'marked-overdue' }), matter);

    expect(objection).toEqual([`agency:${AGENCY}`, 'office']);
    expect(repair).toEqual([`agency:${AGENCY}`, 'office']);
    expect(change.map((t) => t.recipient)).toEqual([`agency:${AGENCY}`, 'office']);
    expect(disclosure.map((t) => t.recipient)).toEqual([`agency:${AGENCY}`]);
  });

  it('tells a natural person by the hash of their number, never the number', () => {
    const person = partyOfSubject({ category: 'natural_person', idNumber: '370125199001011234' });
    const told = noticesOf(event('record-published', 'record'), { ...matter, party: person });

    expect(told[0]?.recipient).toBe(personRef('370125199001011234'));
    expect(JSON.stringify(told)).not.toContain('370125199001011234');
    expect(recipientOf({ role: 'person', idNumber: '370125199001011234' })).toBe(person);
  });

  it('tells nobody what has no party to tell (a record about nobody identifiable)', () => {
    expect(noticesOf(event('expired', 'record'), { ...matter, party: undefined })).toEqual([]);
  });

  it('tells the party only of what it may see: nothing of a record never published', () => {
    const unpublished = {
      ...matter,
      record: { ...(matter.record as NonNullable<Matter['record']>), public: false, published: false },
    };

    expect(noticesOf(event('record-revoked', 'record'), unpublished)).toEqual([]);
    expect(noticesOf(event('record-published', 'record'), unpublished)).toEqual([]);
    const person = partyOfSubject({ category: 'natural_person', idNumber: '370125199001011234' });
    expect(noticesOf(event('record-published', 'record'), { ...unpublished, party: person })).toHaveLength(1);
  });

  it('names at most 150 agencies in a digest and counts the rest', () => {
    const agencies = Array.from({ length: 160 }, (_, i) => ({
      agency: `A${i}`,
      overdueRecords: 1,
      lateObjections: 0,
      lateRepairs: 0,
      more: false,
    }));
    const [digest] = noticesOf(event('overdue-digest', 'office', { date: '2026-12-04', agencies }), {
      agency: '',
    });

    expect(digest?.recipient).toBe('office');
    expect(digest?.notice.lines).toHaveLength(2 + DIGEST_AGENCIES_SHOWN);
    expect(digest?.notice.lines[0]).toBe('共 160 个机关有逾期事项。');
  });

  it('reads a due date from the end-of-day instant as the day before it', () => {
    expect(dueDateOf(event('reminder', 'record', { dueAt: '2026-12-10T00:00:00+08:00' }))).toBe('2026-12-09');
  });

  it('gives the same notice id for the same event and recipient, and another for another', () => {
    const e = event('objection-filed', 'objection');
    expect(notificationId(e, 'office')).toBe(notificationId(e, 'office'));
    expect(notificationId(e, 'office')).not.toBe(notificationId(e, `agency:${AGENCY}`));
    expect(notificationId(e, 'office')).toMatch(/^20261204T020000000Z-[0-9a-f]{16}$/);
  });
});

describe('the e-mail of a notice', () => {
  it('is Chinese text and HTML with the same words, escaped, with an absolute link', () => {
    const mail = renderMail(
      { title: '异议处理结果', lines: ['理由：<script>x</script>'], link: 'account.html', basis: '条例' },
      'https://credit.example.gov.cn/',
    );

    expect(mail.subject).toBe('【济阳区信用信息公示】异议处理结果');
    expect(mail.text).toContain('理由：<script>x</script>');
    expect(mail.text).toContain('https://credit.example.gov.cn/account.html');
    expect(mail.html).toContain('理由：&lt;script&gt;x&lt;/script&gt;');
    expect(mail.html).not.toContain('<script>');
  });
});

describe('delivery', () => {
  it("keeps recipients' addresses out of the error the credit office reads", () => {
    expect(maskAddresses('Error: 550 5.1.1 <zhang.san@example.com>: Recipient address rejected')).toBe(
      'Error: 550 5.1.1 <***@***>: Recipient address rejected',
    );
    expect(maskAddresses('identities failed the check: a@b.cn, c@d.cn')).not.toMatch(/a@b|c@d/);
  });

  it('backs off 1, 2, 4 … minutes, at most two hours apart', () => {
    expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([60_000, 120_000, 240_000, 480_000]);
    expect(retryDelayMs(MAIL_RETRY.maxAttempts)).toBe(MAIL_RETRY.maxDelayMs);
  });

  const contact = (status: Contact['status'], tokenHash?: string): Contact => ({
    recipient: `entity:${ENTITY}`,
    email: 'a@example.com',
    status,
    requestedAt: '2026-12-04T00:00:00Z',
    ...(tokenHash ? { tokenHash } : {}),
    version: 1,
  });
  const delivery = (kind: MailDelivery['kind']): MailDelivery => ({
    id: 'd',
    recipient: `entity:${ENTITY}`,
    kind,
    notice: { title: 't', lines: [] },
    tokenHash: 'h1',
    status: 'pending',
    attempts: 0,
    dueAt: '2026-12-04T00:00:00Z',
    createdAt: '2026-12-04T00:00:00Z',
  });

  it('sends a notice only to a confirmed address, and a confirmation only for its own token', () => {
    expect(addressFor(delivery('notification'), contact('confirmed'))).toBe('a@example.com');
    expect(addressFor(delivery('notification'), contact('pending', 'h1'))).toEqual({
      skip: 'contact-pending',
    });
    expect(addressFor(delivery('notification'), contact('suppressed'))).toEqual({
      skip: 'contact-suppressed',
    });
    expect(addressFor(delivery('confirmation'), contact('pending', 'h1'))).toBe('a@example.com');
    expect(addressFor(delivery('confirmation'), contact('pending', 'h2'))).toEqual({
      skip: 'confirmation-superseded',
    });
    expect(addressFor(delivery('notification'), undefined)).toEqual({ skip: 'no-contact' });
  });
});
