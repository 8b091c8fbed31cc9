import { describe, expect, it } from 'vitest';
import { fieldProblems } from '../../shared/http/validation.ts';
import { putCalendarBody } from '../../shared/schemas/calendar.ts';
import { line, text } from '../../shared/schemas/text.ts';
import { fileObjectionBody, fileRepairBody } from '../../shared/schemas/workflows.ts';

/*
 * What a text field refuses, an evidence link refuses too, with the same code: a link is shown
 * to the agency's staff as text, and a NUL, a right-to-left override or a zero-width character
 * in it would hide where it really leads.
 */
const HIDDEN: Record<string, string> = {
  NUL: '\u0000',
  'a C0 control (ESC)': '\u001b',
  'a C1 control (NEL)': '\u0085',
  'right-to-left override': '\u202e',
  'left-to-right embedding': '\u202a',
  'first strong isolate': '\u2068',
  'pop directional isolate': '\u2069',
  'zero-width space': '\u200b',
  'zero-width joiner': '\u200d',
  'byte order mark': '\ufeff',
  'a lone high surrogate': '\ud800',
  'a lone low surrogate': '\udc00',
};

const RECORD = 'rec_0123456789abcdefghjkmnpqrs';
const SHA = 'a'.repeat(64);

function objectionWithUrl(url: string) {
  return {
    recordId: RECORD,
    reason: 'content_error',
    statement: '金额有误',
    evidence: [{ name: '缴款凭证', sha256: SHA, url }],
  };
}

function codesOf(result: { success: boolean; error?: unknown }, location: string) {
  if (result.success) return [];
  return fieldProblems(location, result.error as never).map((p) => `${p.field} ${p.code}`);
}

describe('the one check of hidden characters', () => {
  it.each(Object.entries(HIDDEN))('refuses %s in a one-line field and in free text', (_name, c) => {
    expect(codesOf(line(100).safeParse(`济南${c}示例`), 'body.x')).toEqual(['body.x invalid_characters']);
    expect(codesOf(text(100).safeParse(`当事人${c}陈述`), 'body.x')).toEqual(['body.x invalid_characters']);
  });

  it('still takes characters outside the BMP, which are surrogate pairs', () => {
    expect(line(10).safeParse('𠀀字').success).toBe(true);
    expect(text(10).safeParse('𠀀字').success).toBe(true);
  });
});

describe('evidence[].url', () => {
  it.each(Object.entries(HIDDEN))('refuses %s with the code the text fields use', (_name, c) => {
    const url = `https://files.example.gov.cn/evidence/${c}receipt.pdf`;

    expect(codesOf(fileObjectionBody.safeParse(objectionWithUrl(url)), 'body')).toContain(
      'body.evidence[0].url invalid_characters',
    );
    expect(
      codesOf(
        fileRepairBody.safeParse({
          recordId: RECORD,
          commitment: { text: '本单位承诺', signedAt: '2026-05-06' },
          evidence: [{ name: '缴款凭证', sha256: SHA, url }],
        }),
        'body',
      ),
    ).toContain('body.evidence[0].url invalid_characters');
  });

  it('refuses them in the host too', () => {
    expect(
      codesOf(
        fileObjectionBody.safeParse(objectionWithUrl('https://files\u200b.example.gov.cn/a.pdf')),
        'body',
      ),
    ).toContain('body.evidence[0].url invalid_characters');
  });

  it('takes an ordinary https link, with a percent-encoded query', () => {
    expect(
      fileObjectionBody.safeParse(objectionWithUrl('https://files.example.gov.cn/e/收据.pdf?v=1%200'))
        .success,
    ).toBe(true);
  });
});

describe("the calendar's source links", () => {
  it('refuse a right-to-left override as text does', () => {
    const body = {
      holidays: [{ date: '2027-01-01', name: '元旦' }],
      workdays: [],
      source: { title: '国务院办公厅通知', urls: ['https://www.gov.cn/\u202egpj.exe'] },
    };

    expect(codesOf(putCalendarBody.safeParse(body), 'body')).toContain(
      'body.source.urls[0] invalid_characters',
    );
  });
});
