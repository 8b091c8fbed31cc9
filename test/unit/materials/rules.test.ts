import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../shared/domain/errors.ts';
import {
  checkFilingMaterials,
  checkReceived,
  looksLike,
  MAX_FILING_MATERIAL_BYTES,
  materialKey,
} from '../../../shared/domain/materials/rules.ts';
import { evidenceWithReceipts, fileName } from '../../../shared/domain/materials/use-cases.ts';

const bytes = (...values: number[]) => Uint8Array.from(values);
const PDF_HEAD = bytes(0x25, 0x50, 0x44, 0x46, 0x2d, 0x31);
const PNG_HEAD = bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);

const refusal = (run: () => void) => {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return { code: error.code, field: error.field };
    throw error;
  }
  return undefined;
};

describe('looksLike', () => {
  it.for([
    ['application/pdf', PDF_HEAD, true],
    ['image/png', PNG_HEAD, true],
    ['image/jpeg', bytes(0xff, 0xd8, 0xff, 0xe0), true],
    ['application/ofd', bytes(0x50, 0x4b, 0x03, 0x04, 0x14), true],
    ['application/pdf', PNG_HEAD, false],
    ['image/png', PDF_HEAD, false],
    ['image/jpeg', bytes(0xff, 0xd8), false],
    ['application/pdf', bytes(), false],
  ] as const)('%s from %o: %s', ([type, head, expected]) => {
    expect(looksLike(type, head)).toBe(expected);
  });
});

describe('checkFilingMaterials', () => {
  const file = (size: number) => ({ file: { contentType: 'application/pdf' as const, size } });

  it('takes files up to the filing limit together, and items without files', () => {
    expect(
      refusal(() => checkFilingMaterials([file(MAX_FILING_MATERIAL_BYTES - 1), file(1), {}])),
    ).toBeUndefined();
  });

  it('refuses one byte more, naming the evidence', () => {
    expect(refusal(() => checkFilingMaterials([file(MAX_FILING_MATERIAL_BYTES), file(1)]))).toEqual({
      code: 'materials_too_large',
      field: 'evidence',
    });
  });
});

describe('checkReceived', () => {
  const declared = { sha256: 'a'.repeat(64), file: { contentType: 'application/pdf' as const, size: 10 } };

  it('takes the declared bytes', () => {
    expect(
      refusal(() => checkReceived(2, declared, { size: 10, sha256: 'a'.repeat(64), head: PDF_HEAD })),
    ).toBeUndefined();
  });

  it('refuses other bytes or another length, naming the digest of that item', () => {
    expect(
      refusal(() => checkReceived(2, declared, { size: 10, sha256: 'b'.repeat(64), head: PDF_HEAD })),
    ).toEqual({
      code: 'material_digest_mismatch',
      field: 'evidence[1].sha256',
    });
    expect(
      refusal(() => checkReceived(2, declared, { size: 11, sha256: 'a'.repeat(64), head: PDF_HEAD })),
    ).toEqual({
      code: 'material_digest_mismatch',
      field: 'evidence[1].sha256',
    });
  });

  it('refuses a file that is not of its declared type, naming the type', () => {
    expect(
      refusal(() => checkReceived(1, declared, { size: 10, sha256: 'a'.repeat(64), head: PNG_HEAD })),
    ).toEqual({
      code: 'material_type_mismatch',
      field: 'evidence[0].file.contentType',
    });
  });
});

describe('names and keys', () => {
  it('binds the key to the filing and the item', () => {
    expect(materialKey('obj_0123', 3)).toBe('materials/obj_0123/3');
  });

  it.for([
    ['行政处罚决定书', 'application/pdf', '行政处罚决定书.pdf'],
    ['行政处罚决定书.PDF', 'application/pdf', '行政处罚决定书.PDF'],
    ['现场/照片:1', 'image/jpeg', '现场_照片_1.jpg'],
    ['', 'application/ofd', '材料.ofd'],
  ] as const)('%s as %s downloads as %s', ([name, type, expected]) => {
    expect(fileName(name, type)).toBe(expected);
  });

  it('marks only received files with their time', () => {
    const evidence = [
      { name: 'a', sha256: 'a'.repeat(64), file: { contentType: 'application/pdf' as const, size: 1 } },
      { name: 'b', sha256: 'b'.repeat(64) },
      { name: 'c', sha256: 'c'.repeat(64), file: { contentType: 'image/png' as const, size: 2 } },
    ];
    const receipts = [{ n: 3, size: 2, sha256: 'c'.repeat(64), receivedAt: '2026-12-05T01:00:00.000Z' }];

    expect(evidenceWithReceipts(evidence, receipts)).toEqual([
      evidence[0],
      evidence[1],
      { ...evidence[2], file: { contentType: 'image/png', size: 2, receivedAt: '2026-12-05T01:00:00.000Z' } },
    ]);
  });
});
