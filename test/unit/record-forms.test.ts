import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  type FormField,
  RECORD_FORMS_FILE,
  recordForms,
  recordFormsSource,
} from '../../scripts/generate-record-forms.ts';
import { RECORD_KINDS } from '../../shared/domain/records/vocabulary.ts';
import { registerRecordBody } from '../../shared/schemas/records/record-input.ts';

const AGAIN = 'run npm run web:words after changing the record schemas or their words';
const forms = recordForms();
const fieldsOf = (kind: (typeof RECORD_KINDS)[number]): FormField[] =>
  forms[kind].groups.flatMap((group) => group.fields);

/** A record the form would send for `kind` with every required field filled in (by its limits). */
function filledIn(kind: (typeof RECORD_KINDS)[number], category = 'legal_person'): Record<string, unknown> {
  const record: Record<string, unknown> = { kind };
  const put = (path: string, value: unknown) => {
    const [head, tail] = path.split('.') as [string, string | undefined];
    if (!tail) record[head] = value;
    else record[head] = { ...((record[head] as object) ?? {}), [tail]: value };
  };
  for (const field of fieldsOf(kind)) {
    const needed = field.required || field.requiredFor?.includes(category);
    if (!needed) continue;
    if (field.name === 'subject.category') put(field.name, category);
    else if (field.name === 'subject.uscc') put(field.name, '91350100M000100Y43');
    else if (field.name === 'subject.idNumber') put(field.name, '11010519491231002X');
    else if (field.input === 'date')
      put(field.name, kind === 'license' && field.name.endsWith('validTo') ? '2026-12-31' : '2026-01-05');
    else if (field.input === 'select') put(field.name, field.options?.[0]?.value);
    else if (field.input === 'checkboxes') put(field.name, [field.options?.[0]?.value]);
    else if (field.input === 'number') put(field.name, field.min ?? 1);
    else put(field.name, '甲'.repeat(field.minLength ?? 1));
  }
  if (kind === 'penalty') put('penalty.sector', 'other');
  return record;
}

describe('the record form’s description (web/js/record-forms.js)', () => {
  it(`is the one the schemas give now (${AGAIN})`, () => {
    expect(readFileSync(RECORD_FORMS_FILE, 'utf8'), AGAIN).toBe(recordFormsSource());
  });

  it.each(RECORD_KINDS)('describes every field the API takes for %s, and no other', (kind) => {
    const option = registerRecordBody.options.find((o) => o.shape.kind.value === kind);
    const shape = option?.shape as Record<string, { shape?: Record<string, unknown> }>;
    const expected = Object.keys(shape)
      .filter((f) => f !== 'kind' && f !== 'publish')
      .flatMap((f) =>
        f === 'subject' || f === kind ? Object.keys(shape[f]?.shape ?? {}).map((g) => `${f}.${g}`) : [f],
      );
    expect(
      fieldsOf(kind)
        .map((f) => f.name)
        .sort(),
    ).toEqual(expected.sort());
  });

  it.each(RECORD_KINDS)('a %s filled in by the form’s own limits is accepted by the API’s schema', (kind) => {
    const result = registerRecordBody.safeParse(filledIn(kind));
    expect(result.error?.issues ?? []).toEqual([]);
    expect(registerRecordBody.safeParse(filledIn(kind, 'natural_person')).error?.issues ?? []).toEqual([]);
  });

  it.each(RECORD_KINDS)(
    'every field the form requires for %s is refused by the API when left out',
    (kind) => {
      for (const field of fieldsOf(kind).filter((f) => f.required)) {
        const record = filledIn(kind);
        const [head, tail] = field.name.split('.') as [string, string | undefined];
        if (tail) delete (record[head] as Record<string, unknown>)[tail];
        else delete record[head];
        expect(registerRecordBody.safeParse(record).success, field.name).toBe(false);
      }
    },
  );

  it('offers the schema’s enumerations, each with a Chinese label', () => {
    const penalty = fieldsOf('penalty');
    const severity = penalty.find((f) => f.name === 'penalty.severity');
    expect(severity?.options).toEqual([
      { value: 'minor', label: '轻微' },
      { value: 'general', label: '一般' },
      { value: 'serious', label: '严重' },
    ]);
    for (const field of RECORD_KINDS.flatMap(fieldsOf).filter((f) => f.options)) {
      for (const option of field.options ?? []) expect(option.label, field.name).toMatch(/[\u4e00-\u9fff]/);
    }
    const refused = registerRecordBody.safeParse({
      ...filledIn('penalty'),
      penalty: { ...(filledIn('penalty').penalty as object), severity: 'grave' },
    });
    expect(refused.success).toBe(false);
  });

  it('carries the limits: lengths, patterns, dates, amounts and the category-dependent subject fields', () => {
    const penalty = Object.fromEntries(fieldsOf('penalty').map((f) => [f.name, f]));
    expect(penalty.documentNumber).toMatchObject({ input: 'text', required: true, minLength: 1 });
    expect(penalty['penalty.facts']).toMatchObject({ input: 'textarea', maxLength: 4000 });
    expect(penalty.decisionDate).toMatchObject({ input: 'date', required: true });
    expect(penalty['penalty.fineAmount']).toMatchObject({ input: 'number', min: 0, required: false });
    expect(penalty['subject.orgCode']?.pattern).toBe('^[0-9A-Za-z-]+$');
    expect(penalty['subject.uscc']?.requiredFor).toEqual(['legal_person', 'individual_business']);
    expect(penalty['subject.idNumber']?.requiredFor).toEqual(['natural_person']);
    const longest = penalty['penalty.violationType']?.maxLength ?? 0;
    const record = filledIn('penalty');
    (record.penalty as Record<string, unknown>).violationType = '甲'.repeat(longest + 1);
    expect(registerRecordBody.safeParse(record).success).toBe(false);
  });
});
