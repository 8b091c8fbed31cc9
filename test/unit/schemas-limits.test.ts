import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import festivalDates from '../../shared/domain/calendar/festival-dates.json' with { type: 'json' };
import officialYears from '../../shared/domain/calendar/official-years.json' with { type: 'json' };
import { effectiveYear } from '../../shared/domain/calendar/seed.ts';
import { scrubText } from '../../shared/domain/records/masking.ts';
import { changedFields } from '../../shared/domain/records/record.ts';
import { fieldProblems } from '../../shared/http/validation.ts';
import { calendarYearResponse, deadlineResponse } from '../../shared/schemas/calendar.ts';
import { isoDate, uscc, wholeNumberParam, yearParam } from '../../shared/schemas/common.ts';
import { jobIdParams } from '../../shared/schemas/jobs.ts';
import { MAX_LENGTH } from '../../shared/schemas/limits.ts';
import {
  historyEntry,
  publicRecordResponse,
  recordIdParams,
} from '../../shared/schemas/records/public-routes.ts';
import { fileObjectionBody, objectionIdParams } from '../../shared/schemas/workflows.ts';
import { licenseInput, penaltyInput } from '../support/record-builders.ts';

/*
 * The document's limits are the schemas' own: a value one character over a declared maxLength
 * is refused, with the field's own code and nothing else; and what the service itself puts in
 * an answer (the calendars it ships, a history's changed fields) fits what the answer declares.
 */

function declaredMaxLength(schema: z.ZodType): number {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as { maxLength?: number };
  if (json.maxLength === undefined) throw new Error('no maxLength declared');
  return json.maxLength;
}

function codes(schema: z.ZodType, value: unknown): string[] {
  const result = schema.safeParse(value);
  return result.success ? [] : fieldProblems('x', result.error).map((p) => p.code);
}

const ID_BODY = '0123456789abcdefghjkmnpqrs';

describe('a string with a format of its own', () => {
  it.each([
    ['a date', isoDate, '2026-01-05', 'invalid_date'],
    ['a year', yearParam, '2026', 'invalid_year'],
    ['a unified social credit code', uscc, '91350100M000100Y43', 'invalid_uscc_format'],
    ['a page size (zeros in front count)', wholeNumberParam(1, 100), '000100', 'out_of_range'],
    ['a record id', recordIdParams.shape.id, `rec_${ID_BODY}`, 'invalid_record_id'],
    ['an objection id', objectionIdParams.shape.id, `obj_${ID_BODY}`, 'invalid_obj_id'],
    ['a job id', jobIdParams.shape.id, `job_${ID_BODY}`, 'invalid_job_id'],
  ] as const)(
    '%s declares the longest it takes, and refuses one more with its own code alone',
    (_name, schema, valid, code) => {
      const max = declaredMaxLength(schema);

      expect(valid.length).toBe(max);
      expect(schema.safeParse(valid).success).toBe(true);
      expect(codes(schema, `${valid}0`)).toEqual([code]);
      expect(codes(schema, '9'.repeat(100_000))).toEqual([code]);
    },
  );

  it('evidence sha256 too', () => {
    const body = (sha256: string) => ({
      recordId: `rec_${ID_BODY}`,
      reason: 'content_error',
      statement: '金额有误',
      evidence: [{ name: '凭证', sha256 }],
    });

    expect(fileObjectionBody.safeParse(body('a'.repeat(64))).success).toBe(true);
    expect(codes(fileObjectionBody, body('a'.repeat(65)))).toEqual(['invalid_sha256']);
  });
});

describe('what the service answers with fits what the answer declares', () => {
  const years = [...new Set([...Object.keys(officialYears), ...Object.keys(festivalDates)])].map(Number);

  it.each(years)('the calendar of %i, as shipped', (year) => {
    const effective = effectiveYear(year, undefined);
    const answer = {
      ...effective,
      provisional: effective.status === 'provisional',
      origin: year in officialYears ? 'seed' : 'statutory-rules',
    };

    const result = calendarYearResponse.safeParse(answer);

    expect(result.error?.issues ?? []).toEqual([]);
  });

  it('a deadline skipping the most days the longest period can', () => {
    // Every day off that the bound allows for: a year of nothing but holidays is refused on
    // load (60 at most), so the bound is reached only in theory; the schema must still take it.
    const skipped = Array.from({ length: 195 }, () => ({
      date: '2026-01-01',
      reason: 'holiday' as const,
      name: '元旦',
    }));
    const answer = {
      from: '2026-01-01',
      workingDays: 60,
      due: '2026-12-31',
      dueAt: '2027-01-01T00:00:00.000+08:00',
      provisional: false,
      skipped,
    };

    expect(deadlineResponse.safeParse(answer).success).toBe(true);
  });

  it("a correction that changes every field, the kind too, lists no more fields than a history's entry declares", () => {
    const before = penaltyInput();
    const after = {
      ...licenseInput(),
      documentNumber: 'X',
      decisionDate: '2020-01-01',
      remarks: '全部更正',
    };
    const fields = changedFields(before, after);

    const result = historyEntry.safeParse({
      version: 2,
      at: '2026-05-06T01:02:03.000Z',
      reason: '更正',
      changedFields: fields,
    });

    expect(fields.length).toBeGreaterThan(5);
    expect(result.error?.issues ?? []).toEqual([]);
  });

  it('remarks of the longest length, full of a name masking hides, still fit the public answer', () => {
    // Names one character apart: each is masked on its own (adjacent ones merge into one).
    const remarks = '张三，'.repeat(Math.floor(MAX_LENGTH.remarks / 3));
    const shown = scrubText(remarks, { names: ['张三'], idNumbers: [] });
    const declared = declaredMaxLength(publicRecordResponse.shape.remarks.unwrap());

    expect([...shown].length).toBeGreaterThan(MAX_LENGTH.remarks);
    expect([...shown].length).toBeLessThanOrEqual(declared);
  });
});
