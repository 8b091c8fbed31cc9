import { describe, expect, it } from 'vitest';
import {
  ConflictError,
  fieldsUnder,
  InvalidInputError,
  RuleViolationError,
} from '../../shared/domain/errors.ts';
import { fieldLocator, toProblem } from '../../shared/http/error-map.ts';

const parts = {
  path: { id: 'obj_01' },
  query: { from: '2026-01-01', cursor: 'abc' },
  body: { recordId: 'rec_01', commitment: { signedAt: '2026-08-20' }, holidays: [{ date: 'x' }] },
};

describe('where a domain error says the offending field is', () => {
  const locate = fieldLocator(parts);

  it.each([
    ['recordId', 'body.recordId'],
    ['commitment.signedAt', 'body.commitment.signedAt'],
    ['holidays[0].date', 'body.holidays[0].date'],
    ['from', 'query.from'],
    ['cursor', 'query.cursor'],
    ['id', 'path.id'],
  ])('names %s as %s, the way validation errors name fields', (field, located) => {
    expect(locate(field)).toBe(located);
  });

  it('leaves headers and the body as a whole as they are', () => {
    expect(locate('if-match')).toBe('if-match');
    expect(locate('body')).toBe('body');
  });

  it('does not take inherited names (a text body, toString) for fields', () => {
    expect(fieldLocator({ body: 'kind,文书号\n' })('length')).toBe('length');
    expect(locate('toString')).toBe('toString');
  });

  it('is what the problem answer carries; a problem without a field stays without one', () => {
    const located = toProblem(
      new RuleViolationError({ code: 'x', field: 'recordId', messages: { zh: '甲', en: 'a' } }),
      locate,
    );
    const none = toProblem(new RuleViolationError({ code: 'y', messages: { zh: '乙', en: 'b' } }), locate);

    expect([located.status, located.field]).toEqual([422, 'body.recordId']);
    expect(none.field).toBeUndefined();
  });
});

describe('a rule checked deep down, reported where the caller put the field', () => {
  it('keeps the family, code, messages and details, and prefixes the field', async () => {
    const taken = new ConflictError({
      code: 'document_number_conflict',
      field: 'documentNumber',
      messages: { zh: '文书号已登记', en: 'taken' },
      details: { documentNumber: 'A-1' },
    });

    const error = await fieldsUnder('changes', () => Promise.reject(taken)).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ConflictError);
    expect(error).toMatchObject({
      code: 'document_number_conflict',
      field: 'changes.documentNumber',
      messages: taken.messages,
      details: { documentNumber: 'A-1' },
      cause: taken,
    });
  });

  it('passes on errors without a field, and anything that is not a domain error, unchanged', async () => {
    const plain = new InvalidInputError({ code: 'z', messages: { zh: '丙', en: 'c' } });
    const crash = new TypeError('boom');

    await expect(fieldsUnder('changes', () => Promise.reject(plain))).rejects.toBe(plain);
    await expect(fieldsUnder('changes', () => Promise.reject(crash))).rejects.toBe(crash);
    await expect(fieldsUnder('changes', async () => 42)).resolves.toBe(42);
  });
});
