import { describe, expect, it } from 'vitest';
import { giveFeedback, makeCheck } from '../../../shared/domain/checks/check.ts';
import { entryDeadlines } from '../../../shared/domain/lists/deadlines.ts';
import {
  decideFiling,
  decideListing,
  earlyExitFrom,
  expire,
  expiryInstant,
  fileAgainst,
  isPublicEntry,
  isUnderObjection,
  type ListEntry,
  propose,
  stateCase,
} from '../../../shared/domain/lists/entry.ts';
import { defaultMeasures, matterTypeOf, measuresFor } from '../../../shared/domain/lists/measures.ts';
import { publicEntry } from '../../../shared/domain/lists/views.ts';
import { OPERATOR_NAME_HIDDEN } from '../../../shared/domain/records/public-view.ts';
import type { HandlingDeadline } from '../../../shared/domain/workflows/filing.ts';

/*
 * The rules of a list entry and a check, as plain functions: the hearing before listing, the
 * validity and its end, what is public, the filings against a listed entry, and feedback.
 */

const at = (iso: string) => new Date(iso);
const deadline = (due: string, reminder?: string): HandlingDeadline => ({
  due,
  dueAt: `${due}T16:00:00.000Z`,
  provisional: false,
  ...(reminder ? { reminderAt: `${reminder}T16:00:00.000Z` } : {}),
});
const PROPOSED_AT = at('2026-12-04T02:00:00Z');

function proposed(overrides: Partial<Parameters<typeof propose>[0]> = {}): ListEntry {
  return propose(
    {
      id: 'lst_0123456789abcdefghjkmnpqrs',
      type: 'serious_dishonesty',
      subject: { category: 'legal_person', name: '济南示例科技有限公司', uscc: '91370100MA3C8QXX0L' },
      agency: '11370100004000001A',
      basis: '拒不履行行政处罚决定，联系电话 13812345678。',
      recordIds: ['rec_0123456789abcdefghjkmnpqrs'],
      measures: defaultMeasures('serious_dishonesty'),
      validityMonths: 36,
      ...overrides,
    },
    { hearing: deadline('2026-12-11', '2026-12-10'), decision: deadline('2026-12-18') },
    PROPOSED_AT,
  );
}

const listedOn = (day: string, entry = proposed()) =>
  decideListing(
    stateCase(entry, { text: '已缴款', evidence: [] }, at(`${day}T01:00:00Z`)),
    { outcome: 'list', reason: '列入' },
    at(`${day}T02:00:00Z`),
  );

const EVIDENCE = [{ name: '缴款凭证', sha256: 'a'.repeat(64) }];
const EXIT = {
  kind: 'exit' as const,
  statement: '已整改',
  evidence: EVIDENCE,
  commitment: { text: '承诺', signedAt: '2026-12-05' },
};

describe('the hearing before listing (国办发〔2020〕49号（八）)', () => {
  it('refuses a decision while the party may still state its case, and takes one after its statement or the period', () => {
    const entry = proposed();
    expect(() => decideListing(entry, { outcome: 'list', reason: 'x' }, at('2026-12-08T00:00:00Z'))).toThrow(
      expect.objectContaining({ code: 'hearing_period_open' }),
    );
    expect(
      decideListing(entry, { outcome: 'not_list', reason: 'x' }, at('2026-12-11T16:00:00Z')).status,
    ).toBe('not_listed');
    expect(listedOn('2026-12-08').status).toBe('listed');
  });

  it('takes one statement, within the period or before the timer closed it', () => {
    const stated = stateCase(proposed(), { text: 'a', evidence: [] }, at('2026-12-05T00:00:00Z'));
    expect(() => stateCase(stated, { text: 'b', evidence: [] }, at('2026-12-05T00:00:00Z'))).toThrow(
      expect.objectContaining({ code: 'statement_already_made' }),
    );
    expect(() => stateCase(proposed(), { text: 'a', evidence: [] }, at('2026-12-11T16:00:00Z'))).toThrow(
      expect.objectContaining({ code: 'hearing_period_over' }),
    );
    const closed = { ...proposed(), hearingEndedAt: '2026-12-06T00:00:00Z' };
    expect(() => stateCase(closed, { text: 'a', evidence: [] }, at('2026-12-05T00:00:00Z'))).toThrow(
      expect.objectContaining({ code: 'hearing_period_over' }),
    );
  });

  it('opens the end of the hearing, its reminder and the decision due; a statement or the end closes the first two', () => {
    expect(entryDeadlines(proposed()).map((d) => d.kind)).toEqual([
      'list-hearing-end',
      'list-hearing-reminder',
      'list-decision-due',
    ]);
    // Once the timer has closed the period, nobody is reminded of it.
    const ended = { ...proposed(), hearingEndedAt: '2026-12-11T16:00:00.000Z' };
    expect(entryDeadlines(ended).map((d) => d.kind)).toEqual(['list-decision-due']);
    const stated = stateCase(proposed(), { text: 'a', evidence: [] }, at('2026-12-05T00:00:00Z'));
    expect(entryDeadlines(stated).map((d) => d.kind)).toEqual(['list-decision-due']);
  });

  it('refuses a validity longer than the disclosure cap of five years (条例 第38条)', () => {
    expect(() => proposed({ validityMonths: 61 })).toThrow(
      expect.objectContaining({ code: 'validity_out_of_range' }),
    );
  });
});

describe('validity and removal', () => {
  it('lists for whole months from the day of listing, and removes at the start of the day after', () => {
    const entry = listedOn('2026-12-08');
    expect([entry.listedOn, entry.validUntil]).toEqual(['2026-12-08', '2029-12-07']);
    expect(expiryInstant(entry)).toBe('2029-12-08T00:00:00+08:00');
    expect(() => expire(entry, at('2029-12-07T15:59:59.999Z'))).toThrow(
      expect.objectContaining({ code: 'entry_not_expired' }),
    );
    // However late the sweep runs, 移出日期 is the first day after the validity.
    const removed = expire(entry, at('2029-12-20T03:00:00Z'));
    expect([removed.status, removed.removal?.on, removed.removal?.reason]).toEqual([
      'removed',
      '2029-12-08',
      'expired',
    ]);
    expect(isPublicEntry(removed)).toBe(false);
    expect(entryDeadlines(removed)).toEqual([]);
  });

  it('is public only when listed and not about a natural person; free text is scrubbed', () => {
    expect(isPublicEntry(proposed())).toBe(false);
    expect(isPublicEntry(listedOn('2026-12-08'))).toBe(true);
    const person = listedOn(
      '2026-12-08',
      proposed({ subject: { category: 'natural_person', name: '王建华', idNumber: '370102198001010011' } }),
    );
    expect(isPublicEntry(person)).toBe(false);
    expect(publicEntry(listedOn('2026-12-08')).basis).not.toContain('13812345678');
  });

  it('hides a 个体工商户 operator’s name, as a record’s subject is hidden, in its name and its basis', () => {
    const shop = listedOn(
      '2026-12-08',
      proposed({
        subject: { category: 'individual_business', name: '张建国', uscc: '92370125MA3C8QXX0L' },
        basis: '张建国经营的摊点拒不履行处罚决定。',
      }),
    );
    const shown = publicEntry(shop);
    expect(shown.subject.name).toBe(OPERATOR_NAME_HIDDEN);
    expect(shown.basis).not.toContain('张建国');
    const named = listedOn(
      '2026-12-08',
      proposed({
        subject: { category: 'individual_business', name: '济阳区老张烧烤店', uscc: '92370125MA3C8QXX0L' },
      }),
    );
    expect(publicEntry(named).subject.name).toBe('济阳区老张烧烤店');
  });
});

describe('objections and early exit against a listed entry', () => {
  it('marks 异议处理中 until decided; rejected keeps the entry, upheld removes it', () => {
    const listed = listedOn('2026-12-08');
    const objected = fileAgainst(
      listed,
      { kind: 'objection', statement: '有误', evidence: [] },
      deadline('2026-12-11'),
      at('2026-12-08T03:00:00Z'),
    );
    expect(isUnderObjection(objected)).toBe(true);
    expect(publicEntry(objected).statusLabel).toBe('异议处理中');
    expect(() =>
      fileAgainst(
        objected,
        { kind: 'objection', statement: 'x', evidence: [] },
        deadline('2026-12-11'),
        at('2026-12-08T03:00:00Z'),
      ),
    ).toThrow(expect.objectContaining({ code: 'objection_pending' }));
    const kept = decideFiling(
      objected,
      'objection',
      { outcome: 'rejected', reason: 'x' },
      at('2026-12-09T00:00:00Z'),
    );
    expect([kept.status, isUnderObjection(kept), kept.revision]).toEqual([
      'listed',
      false,
      objected.revision + 1,
    ]);
    const removed = decideFiling(
      objected,
      'objection',
      { outcome: 'upheld', reason: 'x' },
      at('2026-12-09T00:00:00Z'),
    );
    expect([removed.status, removed.removal?.reason, removed.revision]).toEqual([
      'removed',
      'objection_upheld',
      objected.revision + 1,
    ]);
  });

  it('lets the serious list be left early only after 12 months, with a recent commitment and evidence', () => {
    const serious = listedOn('2025-12-01', proposed());
    expect(earlyExitFrom(serious)).toBe('2026-12-01');
    expect(() =>
      fileAgainst(listedOn('2026-12-08'), EXIT, deadline('2026-12-11'), at('2026-12-08T03:00:00Z')),
    ).toThrow(expect.objectContaining({ code: 'minimum_listing_not_over' }));
    const when = at('2026-12-05T03:00:00Z');
    expect(() => fileAgainst(serious, { ...EXIT, evidence: [] }, deadline('2026-12-11'), when)).toThrow(
      expect.objectContaining({ code: 'evidence_required' }),
    );
    expect(() =>
      fileAgainst(
        serious,
        { ...EXIT, commitment: { text: 'x', signedAt: '2025-11-01' } },
        deadline('2026-12-11'),
        when,
      ),
    ).toThrow(expect.objectContaining({ code: 'commitment_date' }));
    const applied = fileAgainst(serious, EXIT, deadline('2026-12-10'), when);
    expect(entryDeadlines(applied).map((d) => d.kind)).toEqual(['list-expiry', 'list-exit-due']);
    const out = decideFiling(
      applied,
      'exit',
      { outcome: 'upheld', reason: '已修复' },
      at('2026-12-06T03:00:00Z'),
    );
    expect([out.status, out.removal?.on, out.removal?.reason]).toEqual([
      'removed',
      '2026-12-06',
      'early_exit',
    ]);
  });

  it('lets the key-attention list be left from the day of listing', () => {
    const attention = listedOn(
      '2026-12-08',
      proposed({ type: 'key_attention', measures: defaultMeasures('key_attention') }),
    );
    expect(earlyExitFrom(attention)).toBe('2026-12-08');
    expect(attention.measures).toEqual(['enhanced_supervision']);
  });
});

describe('the measures a check finds, and its feedback', () => {
  it('takes matter types by code or by their Chinese names, and bears measures on matching matters only', () => {
    expect([matterTypeOf('政府采购'), matterTypeOf('procurement'), matterTypeOf('行政处罚')]).toEqual([
      'procurement',
      'procurement',
      undefined,
    ]);
    expect(measuresFor(defaultMeasures('serious_dishonesty'), 'honours')).toEqual([
      'restrict_honours',
      'enhanced_supervision',
    ]);
    expect(measuresFor(defaultMeasures('key_attention'), 'bidding')).toEqual(['enhanced_supervision']);
  });

  const check = () =>
    makeCheck(
      {
        id: 'chk_0123456789abcdefghjkmnpqrs',
        agency: '11370100004000001A',
        uscc: '91370100MA3C8QXX0L',
        matter: { name: '许可', type: 'licensing' },
        entries: [],
        records: [],
        moreRecords: false,
        deadline: deadline('2026-12-11'),
      },
      PROPOSED_AT,
    );

  it('marks feedback late after the deadline or once escalated, and takes it once', () => {
    const onTime = giveFeedback(
      check(),
      { applied: false, reason: '无', actedOn: '2026-12-04' },
      at('2026-12-05T00:00:00Z'),
    );
    expect(onTime.feedback?.late).toBe(false);
    expect(
      giveFeedback(
        check(),
        { applied: false, reason: '无', actedOn: '2026-12-04' },
        at('2026-12-11T16:00:00Z'),
      ).feedback?.late,
    ).toBe(true);
    expect(
      giveFeedback(
        { ...check(), escalatedAt: '2026-12-11T16:00:00Z' },
        { applied: false, reason: '无', actedOn: '2026-12-04' },
        at('2026-12-05T00:00:00Z'),
      ).feedback?.late,
    ).toBe(true);
    expect(() =>
      giveFeedback(
        onTime,
        { applied: false, reason: '无', actedOn: '2026-12-04' },
        at('2026-12-05T00:00:00Z'),
      ),
    ).toThrow(expect.objectContaining({ code: 'feedback_already_given' }));
  });

  it('refuses a day acted on before the check or after today, and measures the check did not find', () => {
    const c = check();
    expect(() =>
      giveFeedback(c, { applied: false, reason: 'x', actedOn: '2026-12-03' }, at('2026-12-05T00:00:00Z')),
    ).toThrow(expect.objectContaining({ code: 'acted_on_out_of_range' }));
    expect(() =>
      giveFeedback(
        c,
        { applied: true, measures: ['restrict_bidding'], reason: 'x', actedOn: '2026-12-04' },
        at('2026-12-05T00:00:00Z'),
      ),
    ).toThrow(expect.objectContaining({ code: 'measures_not_applicable' }));
  });
});
