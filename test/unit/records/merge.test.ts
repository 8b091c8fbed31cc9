import { describe, expect, it } from 'vitest';
import { mergeChanges } from '../../../shared/domain/records/merge.ts';
import { changedFields } from '../../../shared/domain/records/record.ts';
import { penaltyInput } from '../../support/record-builders.ts';

describe('mergeChanges', () => {
  it('merges nested objects field by field', () => {
    const current = { subject: { name: '旧名称', uscc: 'U' }, remarks: '备注' };

    expect(mergeChanges(current, { subject: { name: '新名称' } })).toEqual({
      subject: { name: '新名称', uscc: 'U' },
      remarks: '备注',
    });
  });

  it('removes a field given as null, at any depth', () => {
    const current = { remarks: '备注', penalty: { fineAmount: 5, content: '罚款' } };

    expect(mergeChanges(current, { remarks: null, penalty: { fineAmount: null } })).toEqual({
      penalty: { content: '罚款' },
    });
  });

  it('keeps a __proto__ field of parsed JSON a plain field, never the prototype', () => {
    const changes = JSON.parse('{"subject":{"__proto__":{"polluted":true}}}');

    const merged = mergeChanges({ subject: { name: '名称' } }, changes) as { subject: object };

    expect(Object.getPrototypeOf(merged.subject)).toBe(Object.prototype);
    expect(Object.keys(merged.subject)).toEqual(['name', '__proto__']);
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });

  it('replaces arrays rather than merging them', () => {
    const current = { penalty: { categories: ['罚款', '没收违法所得'] } };

    expect(mergeChanges(current, { penalty: { categories: ['警告'] } })).toEqual({
      penalty: { categories: ['警告'] },
    });
  });

  it('adds a field the content did not have', () => {
    expect(mergeChanges({ a: 1 }, { b: { c: 2 } })).toEqual({ a: 1, b: { c: 2 } });
  });

  it('replaces an object by a plain value, and a plain value by an object', () => {
    expect(mergeChanges({ a: { b: 1 } }, { a: 'x' })).toEqual({ a: 'x' });
    expect(mergeChanges({ a: 'x' }, { a: { b: 1 } })).toEqual({ a: { b: 1 } });
  });

  it('leaves the current content unchanged', () => {
    const current = penaltyInput();
    const copy = structuredClone(current);

    mergeChanges(current, { penalty: { fineAmount: null }, subject: { name: '新' } });

    expect(current).toEqual(copy);
  });
});

describe('changedFields', () => {
  it('names changed leaves as dotted paths, sorted', () => {
    const before = penaltyInput();
    const after = {
      ...before,
      remarks: '新增',
      penalty: { ...before.penalty, fineAmount: 3, content: '改' },
    };

    expect(changedFields(before, after)).toEqual(['penalty.content', 'penalty.fineAmount', 'remarks']);
  });

  it('names an array as a whole when any element changes', () => {
    const before = penaltyInput();
    const after = { ...before, penalty: { ...before.penalty, categories: ['罚款', '没收违法所得'] } };

    expect(changedFields(before, after)).toEqual(['penalty.categories']);
  });

  it('names a removed field', () => {
    const before = { penalty: { fineAmount: 5, content: 'x' } };

    expect(changedFields(before, { penalty: { content: 'x' } })).toEqual(['penalty.fineAmount']);
  });

  it('names nothing for equal content', () => {
    expect(
      changedFields(penaltyInput({ documentNumber: 'A' }), penaltyInput({ documentNumber: 'A' })),
    ).toEqual([]);
  });
});
