import { describe, expect, it } from 'vitest';
import {
  makeBounceHandler,
  type SuppressContacts,
  type SuppressionReason,
  suppressionsOf,
} from '../../functions/notify/ses-events.ts';
import { testClock } from '../support/fakes/clock.ts';

/**
 * SES cannot run here: the events are built after the records SES publishes to EventBridge
 * for a configuration set (detail = the event-publishing record), fields the handler ignores
 * left out. The contact repository is a recording fake of its `suppress`.
 */
const NOW = '2026-12-04T08:00:00.000Z';
const MAIL_SENT = '2026-12-04T07:59:00.000Z';
const FEEDBACK = '2026-12-04T07:59:30.000Z';

function bounceEvent(bounceType: string, addresses: string[], timestamp: string | null = FEEDBACK) {
  return {
    source: 'aws.ses',
    'detail-type': 'Email Bounced',
    detail: {
      eventType: 'Bounce',
      bounce: {
        bounceType,
        bounceSubType: 'General',
        bouncedRecipients: addresses.map((emailAddress) => ({ emailAddress, status: '5.1.1' })),
        ...(timestamp ? { timestamp } : {}),
      },
      mail: {
        timestamp: MAIL_SENT,
        messageId: 'm-1',
        tags: { 'ses:configuration-set': ['disclosure-mail'] },
      },
    },
  };
}

function complaintEvent(addresses: string[]) {
  return {
    source: 'aws.ses',
    'detail-type': 'Email Complaint Received',
    detail: {
      eventType: 'Complaint',
      complaint: {
        complainedRecipients: addresses.map((emailAddress) => ({ emailAddress })),
        timestamp: FEEDBACK,
        complaintFeedbackType: 'abuse',
      },
      mail: { timestamp: MAIL_SENT, messageId: 'm-2' },
    },
  };
}

function recordingContacts(changed = 1): SuppressContacts & {
  readonly calls: { email: string; reason: SuppressionReason; at: string }[];
} {
  const calls: { email: string; reason: SuppressionReason; at: string }[] = [];
  return {
    calls,
    async suppress(email, reason, at) {
      calls.push({ email, reason, at: at.toISOString() });
      return changed;
    },
  };
}

const { clock } = testClock(NOW);

describe('suppressionsOf (SES events mocked: SES cannot run here)', () => {
  it('suppresses every recipient of a permanent bounce, at the time of the bounce', () => {
    const event = bounceEvent('Permanent', ['a@example.cn', 'b@example.cn']);

    expect(suppressionsOf(event, clock)).toEqual([
      { email: 'a@example.cn', reason: 'bounce', at: new Date(FEEDBACK) },
      { email: 'b@example.cn', reason: 'bounce', at: new Date(FEEDBACK) },
    ]);
  });

  it.each(['Transient', 'Undetermined'])('suppresses nobody for a %s bounce', (bounceType) => {
    expect(suppressionsOf(bounceEvent(bounceType, ['a@example.cn']), clock)).toEqual([]);
  });

  it('suppresses the complaining recipient with the reason complaint', () => {
    expect(suppressionsOf(complaintEvent(['c@example.cn']), clock)).toEqual([
      { email: 'c@example.cn', reason: 'complaint', at: new Date(FEEDBACK) },
    ]);
  });

  it('falls back to the time the mail was sent, then to now, when the feedback has no time', () => {
    const noFeedbackTime = bounceEvent('Permanent', ['a@example.cn'], null);
    expect(suppressionsOf(noFeedbackTime, clock)[0]?.at).toEqual(new Date(MAIL_SENT));

    const noTimeAtAll = { detail: { ...noFeedbackTime.detail, mail: {} } };
    expect(suppressionsOf(noTimeAtAll, clock)[0]?.at).toEqual(new Date(NOW));
  });

  it('takes the address out of a recipient reported as "Name" <address>', () => {
    const event = bounceEvent('Permanent', ['"张三" <zhang.san@example.cn>']);
    expect(suppressionsOf(event, clock).map((s) => s.email)).toEqual(['zhang.san@example.cn']);
  });

  it('rejects an event of another kind rather than suppressing nothing in silence', () => {
    const delivery = { detail: { eventType: 'Delivery', mail: { timestamp: MAIL_SENT } } };
    expect(() => suppressionsOf(delivery, clock)).toThrow();
  });

  it('rejects a bounce whose recipients are missing', () => {
    const broken = { detail: { eventType: 'Bounce', bounce: { bounceType: 'Permanent' }, mail: {} } };
    expect(() => suppressionsOf(broken, clock)).toThrow();
  });
});

describe('the bounce handler', () => {
  it('asks the contact repository to suppress each address, and reports how many contacts changed', async () => {
    const contacts = recordingContacts(1);
    const handle = makeBounceHandler({ contacts, clock });

    const report = await handle(bounceEvent('Permanent', ['a@example.cn', 'b@example.cn']));

    expect(contacts.calls).toEqual([
      { email: 'a@example.cn', reason: 'bounce', at: FEEDBACK },
      { email: 'b@example.cn', reason: 'bounce', at: FEEDBACK },
    ]);
    expect(report).toEqual({ suppressed: 2, contacts: 2 });
  });

  it('counts an address that belongs to no contact as suppressed but changing nothing', async () => {
    const contacts = recordingContacts(0);

    const report = await makeBounceHandler({ contacts, clock })(complaintEvent(['x@example.cn']));

    expect(report).toEqual({ suppressed: 1, contacts: 0 });
  });

  it('fails the invocation when the repository fails, so Lambda retries it', async () => {
    const contacts: SuppressContacts = {
      suppress: async () => {
        throw new Error('table unavailable');
      },
    };

    await expect(makeBounceHandler({ contacts, clock })(complaintEvent(['c@example.cn']))).rejects.toThrow(
      'table unavailable',
    );
  });
});
