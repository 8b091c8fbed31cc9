import { describe, expect, it } from 'vitest';
import {
  breachCommitment,
  type Commitment,
  commitmentDeadlines,
  keepCommitment,
  keptInstant,
  makeCommitment,
  repairCommitment,
  verifyCommitment,
} from '../../../shared/domain/commitments/commitment.ts';
import { commitmentCase, publicCommitment } from '../../../shared/domain/commitments/views.ts';
import { OPERATOR_NAME_HIDDEN } from '../../../shared/domain/records/public-view.ts';
import type { HandlingDeadline } from '../../../shared/domain/workflows/filing.ts';

/*
 * The rules of a credit commitment as plain functions: registered in force, verified once
 * (late after its deadline or escalation), broken with a finding, kept at the end of its
 * validity; which deadlines stay open; what the public sees.
 */

const at = (iso: string) => new Date(iso);
const DEADLINE: HandlingDeadline = {
  due: '2026-12-18',
  dueAt: '2026-12-18T16:00:00.000Z',
  provisional: false,
};
const NOW = at('2026-12-04T02:00:00Z');

function made(overrides: Partial<Parameters<typeof makeCommitment>[0]> = {}): Commitment {
  return makeCommitment(
    {
      id: 'cmt_0123456789abcdefghjkmnpqrs',
      type: 'approval_substitute',
      subject: { uscc: '91370100MA3C8QXX0L', name: '济南示例科技有限公司', category: 'legal_person' },
      matter: '食品经营许可',
      text: '承诺具备许可条件。',
      madeOn: '2026-12-04',
      receiver: '11370100004000001A',
      validUntil: '2027-12-03',
      registeredBy: 'agency',
      ...overrides,
    },
    DEADLINE,
    NOW,
  );
}

describe('a commitment', () => {
  it('is registered in force, with its verification and its end of validity open', () => {
    const c = made();
    expect(c).toMatchObject({ status: 'in_force', revision: 1, verification: { deadline: DEADLINE } });
    expect(commitmentDeadlines(c)).toEqual([
      { kind: 'commitment-verification-due', dueAt: DEADLINE.dueAt },
      { kind: 'commitment-expiry', dueAt: '2027-12-04T00:00:00+08:00' },
    ]);
    expect(keptInstant(made({ validUntil: undefined }))).toBeUndefined();
  });

  it('may not be dated after today nor registered with its validity over', () => {
    expect(() => made({ madeOn: '2026-12-05' })).toThrow(
      expect.objectContaining({ code: 'commitment_date_in_future', field: 'madeOn' }),
    );
    expect(() => made({ validUntil: '2026-12-03' })).toThrow(
      expect.objectContaining({ code: 'commitment_validity_over', field: 'validUntil' }),
    );
    // The day of registration (Beijing time) is still in validity.
    expect(made({ validUntil: '2026-12-04' }).status).toBe('in_force');
  });

  it('is verified once; late after its deadline, or once escalated whatever the clock says', () => {
    const onTime = verifyCommitment(made(), '属实', at('2026-12-18T15:59:59.999Z'));
    expect(onTime.verification).toMatchObject({ finding: '属实', late: false });
    expect(commitmentDeadlines(onTime).map((d) => d.kind)).toEqual(['commitment-expiry']);
    expect(() => verifyCommitment(onTime, '再次', NOW)).toThrow(
      expect.objectContaining({ code: 'commitment_verified' }),
    );
    expect(verifyCommitment(made(), '属实', at('2026-12-18T16:00:00Z')).verification.late).toBe(true);
    const escalated = { ...made(), escalatedAt: '2026-12-18T16:00:00.000Z' };
    expect(commitmentDeadlines(escalated).map((d) => d.kind)).toEqual(['commitment-expiry']);
    expect(verifyCommitment(escalated, '属实', NOW).verification.late).toBe(true);
  });

  it('broken: the finding and the record, counted as its verification; then closed to every change', () => {
    const broken = breachCommitment(
      made(),
      { finding: '不实', recordId: 'rec_0123456789abcdefghjkmnpqrs' },
      NOW,
    );
    expect(broken).toMatchObject({
      status: 'broken',
      breach: { finding: '不实', recordId: 'rec_0123456789abcdefghjkmnpqrs' },
      verification: { finding: '不实', late: false },
      revision: 2,
    });
    expect(commitmentDeadlines(broken)).toEqual([]);
    for (const change of [
      () => breachCommitment(broken, { finding: '再次' }, NOW),
      () => verifyCommitment(broken, '属实', NOW),
      () => keepCommitment(broken),
    ])
      expect(change).toThrow(expect.objectContaining({ code: 'commitment_closed' }));
    // A breach after a verification keeps the verification as it was.
    const verified = verifyCommitment(made(), '属实', NOW);
    expect(breachCommitment(verified, { finding: '后发现不实' }, NOW).verification.finding).toBe('属实');
  });

  it('kept: 已履约 as of the day after its last day of validity', () => {
    const kept = keepCommitment(made());
    expect(kept).toMatchObject({ status: 'kept', keptOn: '2027-12-04' });
    expect(commitmentDeadlines(kept)).toEqual([]);
  });

  it('of a repair application: 信用修复型, received by the deciding agency, without an end', () => {
    const c = repairCommitment(
      {
        id: 'rep_0123456789abcdefghjkmnpqrs',
        agency: '11370100004000001A',
        recordId: 'rec_0123456789abcdefghjkmnpqrs',
        record: { documentNumber: '济市监罚〔2026〕1号' },
        commitment: { text: '依法诚信经营。', signedAt: '2026-12-01' },
      },
      { uscc: '91370100MA3C8QXX0L', name: '济南示例科技有限公司', category: 'legal_person' },
      'cmt_0123456789abcdefghjkmnpqrs',
      DEADLINE,
      NOW,
    );
    expect(c).toMatchObject({
      type: 'credit_repair',
      registeredBy: 'repair',
      receiver: '11370100004000001A',
      madeOn: '2026-12-01',
      matter: '申请信用修复（济市监罚〔2026〕1号）',
      repairId: 'rep_0123456789abcdefghjkmnpqrs',
    });
    expect(c.validUntil).toBeUndefined();
  });
});

describe('what the public sees of a commitment', () => {
  it("hides a 个体工商户 operator's own name, in the name and the free text", () => {
    const c = made({
      subject: { uscc: '92370125MA3C00003U', name: '王建华', category: 'individual_business' },
      text: '本人王建华承诺诚信经营。',
    });
    const shown = publicCommitment(c);
    expect(shown.subject.name).toBe(OPERATOR_NAME_HIDDEN);
    expect(JSON.stringify(shown)).not.toContain('王建华');
    // Its parties see it whole.
    expect(commitmentCase(c).subject.name).toBe('王建华');
  });

  it('says 履约中, 已履约 or 未履约, and links a breach to its record', () => {
    expect(publicCommitment(made()).statusLabel).toBe('履约中');
    expect(publicCommitment(keepCommitment(made())).statusLabel).toBe('已履约');
    const broken = publicCommitment(breachCommitment(made(), { finding: '不实', recordId: 'rec_x' }, NOW));
    expect(broken).toMatchObject({ statusLabel: '未履约', breach: { recordId: 'rec_x' } });
    expect(broken).not.toHaveProperty('verification');
  });
});
