import { describe, expect, it } from 'vitest';
import { OBJECTION_REASON_LABELS, OBJECTION_REASONS } from '../../../shared/domain/objections/vocabulary.ts';
import { fileObjectionBody } from '../../../shared/schemas/workflows.ts';
import { objected, objectionFiling, publishedPenalty } from '../../support/domain-mothers.ts';
import { domainWorld } from '../../support/domain-world.ts';

describe('the grounds of an objection (山东省社会信用条例 第39条)', () => {
  it('include 侵犯商业秘密或个人隐私: a disclosure that infringes a trade secret or privacy (第6条, 第24条)', () => {
    expect(OBJECTION_REASONS).toContain('secret_or_privacy');
    expect(OBJECTION_REASON_LABELS.secret_or_privacy).toBe('侵犯商业秘密或个人隐私');
  });

  it('are accepted by the filing schema and kept on the objection', async () => {
    const world = domainWorld();
    const record = await publishedPenalty(world);
    const body = objectionFiling(record.id, { reason: 'secret_or_privacy' });

    expect(fileObjectionBody.safeParse(body).success).toBe(true);
    expect((await objected(world, record.id, { reason: 'secret_or_privacy' })).reason).toBe(
      'secret_or_privacy',
    );
  });

  it('refuse a ground outside the list, naming the field', async () => {
    const record = await publishedPenalty(domainWorld());

    const parsed = fileObjectionBody.safeParse(objectionFiling(record.id, { reason: 'privacy' }));

    expect(parsed.error?.issues.map((issue) => issue.path)).toEqual([['reason']]);
  });
});
