/**
 * The record form's description (web/js/record-forms.js), generated from the zod schemas the
 * API validates a record with (shared/schemas/records: record-input.ts, subject.ts,
 * kind-details.ts) through zod's own JSON Schema, so the form's labels, help, enumerations and
 * limits cannot drift from what POST /v1/records accepts. `npm run web:words` writes it.
 */
import { resolve } from 'node:path';
import * as z from 'zod';
import {
  DETAIL_FIELDS,
  type FieldWords,
  RECORD_FIELDS,
  SUBJECT_FIELDS,
} from '../shared/domain/records/fields.ts';
import {
  ID_TYPE_LABELS,
  KIND_LABELS,
  LICENSE_STATUS_LABELS,
  PROCEDURE_LABELS,
  RECORD_KINDS,
  type RecordKind,
  SECTOR_LABELS,
  SEVERITY_LABELS,
  SUBJECT_CATEGORY_LABELS,
} from '../shared/domain/records/vocabulary.ts';
import { KIND_SCHEMAS } from '../shared/schemas/records/kind-details.ts';
import { recordInputSchema } from '../shared/schemas/records/record-input.ts';
import { subjectSchema } from '../shared/schemas/records/subject.ts';

export const RECORD_FORMS_FILE = resolve(import.meta.dirname, '../web/js/record-forms.js');

/** One input of the form, named by its path in the record input (`subject.name`). */
export interface FormField {
  readonly name: string;
  readonly label: string;
  readonly help?: string;
  readonly input: 'text' | 'textarea' | 'date' | 'number' | 'select' | 'checkboxes' | 'boolean';
  readonly required: boolean;
  /** Required only for these subject categories (the subject schema's own rule, asked of it). */
  readonly requiredFor?: readonly string[];
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly pattern?: string;
  readonly min?: number;
  readonly max?: number;
  readonly minItems?: number;
  readonly options?: readonly { readonly value: string; readonly label: string }[];
}

/** The form of one kind: the record's own fields, the subject's, and the kind's details. */
export interface KindForm {
  readonly label: string;
  readonly groups: readonly { readonly legend: string; readonly fields: readonly FormField[] }[];
}

interface JsonField {
  type?: string;
  enum?: string[];
  items?: JsonField;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minItems?: number;
  maxItems?: number;
}
interface JsonObject {
  properties: Record<string, JsonField>;
  required?: string[];
}

/** The JSON Schema zod writes for an object schema, with its $ref resolved. */
function objectOf(schema: z.ZodType): JsonObject {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as {
    $ref?: string;
    $defs?: Record<string, JsonObject>;
  } & JsonObject;
  const ref = json.$ref?.replace('#/$defs/', '');
  return ref && json.$defs ? (json.$defs[ref] as JsonObject) : json;
}

/** The label tables of coded enumerations; an enum whose codes are Chinese words labels itself. */
const CODE_TABLES: readonly Readonly<Record<string, string>>[] = [
  SUBJECT_CATEGORY_LABELS,
  ID_TYPE_LABELS,
  SEVERITY_LABELS,
  SECTOR_LABELS,
  PROCEDURE_LABELS,
  LICENSE_STATUS_LABELS,
];

function optionsOf(values: readonly string[], words: FieldWords) {
  const table =
    words.codes ??
    CODE_TABLES.find((t) => Object.keys(t).length === values.length && values.every((v) => v in t));
  return values.map((value) => ({ value, label: table?.[value] ?? value }));
}

const DATE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$';
// Free text (text()) runs to thousands of characters; a one-line name (line()) to a few hundred.
const TEXTAREA_FROM = 1000;

/**
 * The lowest amount a number field accepts, asked of the schema itself: zod's JSON Schema does not
 * carry a refinement's bounds (wanYuan refuses a negative amount in a refine).
 */
function minimumOf(schema: z.ZodType | undefined): number | undefined {
  if (!schema) return undefined;
  return schema.safeParse(0).success && !schema.safeParse(-0.000001).success ? 0 : undefined;
}

function fieldOf(
  prefix: string,
  name: string,
  json: JsonField,
  required: boolean,
  words: FieldWords,
  schema: z.ZodType | undefined,
): FormField {
  const base = {
    name: `${prefix}${name}`,
    label: words.label,
    ...(words.hint ? { help: words.hint } : {}),
    required,
  };
  if (json.type === 'array' && json.items?.enum) {
    const limits = json.minItems === undefined ? {} : { minItems: json.minItems };
    return { ...base, input: 'checkboxes', ...limits, options: optionsOf(json.items.enum, words) };
  }
  if (json.enum) return { ...base, input: 'select', options: optionsOf(json.enum, words) };
  if (json.type === 'boolean') return { ...base, input: 'boolean' };
  if (json.type === 'number') {
    const min = minimumOf(schema);
    return { ...base, input: 'number', ...(min === undefined ? {} : { min }) };
  }
  if (json.pattern === DATE_PATTERN) return { ...base, input: 'date' };
  const limits = {
    ...(json.minLength === undefined ? {} : { minLength: json.minLength }),
    ...(json.maxLength === undefined ? {} : { maxLength: json.maxLength }),
    ...(json.pattern === undefined ? {} : { pattern: json.pattern }),
  };
  const input = (json.maxLength ?? 0) >= TEXTAREA_FROM ? 'textarea' : 'text';
  return { ...base, input, ...limits };
}

function fieldsOf(
  prefix: string,
  schema: z.ZodType,
  words: Readonly<Record<string, FieldWords>>,
  order: readonly string[],
): FormField[] {
  const json = objectOf(schema);
  const shape = (schema as unknown as { shape?: Record<string, z.ZodType> }).shape ?? {};
  const required = new Set(json.required ?? []);
  return order
    .filter((name) => name in json.properties)
    .map((name) =>
      fieldOf(
        prefix,
        name,
        json.properties[name] as JsonField,
        required.has(name),
        words[name] as FieldWords,
        shape[name],
      ),
    );
}

/** The record's own fields, as the record input schema has them (kind excluded: the page picks it). */
function recordFields(kind: RecordKind): FormField[] {
  const option = recordInputSchema.options.find((o) => o.shape.kind.value === kind);
  if (!option) throw new Error(`no record schema for ${kind}`);
  const own = Object.keys(RECORD_FIELDS).filter((f) => f !== 'kind');
  return fieldsOf('', option, RECORD_FIELDS, own);
}

/**
 * The subject fields required for some categories only (a uscc for organisations, an id for a
 * person): found by giving the subject schema each category with nothing else filled in and
 * reading which fields it then says are required.
 */
function subjectRequirements(): Map<string, string[]> {
  const byField = new Map<string, string[]>();
  const categories = (objectOf(subjectSchema).properties.category?.enum ?? []) as string[];
  for (const category of categories) {
    const result = subjectSchema.safeParse({ category, name: '名称' });
    for (const problem of result.error?.issues ?? []) {
      const code = (problem as { params?: { code?: string } }).params?.code ?? '';
      const field = String(problem.path[0]);
      if (code.endsWith('_required')) byField.set(field, [...(byField.get(field) ?? []), category]);
    }
  }
  return byField;
}

function subjectFields(): FormField[] {
  const conditional = subjectRequirements();
  return fieldsOf('subject.', subjectSchema, SUBJECT_FIELDS, Object.keys(SUBJECT_FIELDS)).map((field) => {
    const requiredFor = conditional.get(field.name.replace('subject.', ''));
    return requiredFor ? { ...field, requiredFor } : field;
  });
}

/** The form of every kind, in RECORD_KINDS order. */
export function recordForms(): Record<RecordKind, KindForm> {
  const subject = subjectFields();
  const forms = RECORD_KINDS.map((kind) => {
    const details = DETAIL_FIELDS[kind] as Readonly<Record<string, FieldWords>>;
    const all = recordFields(kind);
    const groups = [
      { legend: '决定', fields: all.filter((f) => f.name !== 'remarks') },
      { legend: '行政相对人', fields: subject },
      {
        legend: KIND_LABELS[kind],
        fields: fieldsOf(`${kind}.`, KIND_SCHEMAS[kind], details, Object.keys(details)),
      },
      { legend: '其他', fields: all.filter((f) => f.name === 'remarks') },
    ];
    return [kind, { label: KIND_LABELS[kind], groups }] as const;
  });
  return Object.fromEntries(forms) as unknown as Record<RecordKind, KindForm>;
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
const quote = (text: string) => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

/**
 * A value as source the way Biome formats it: every object and array written one entry a line
 * (Biome keeps an object expanded when written so, and an array holding one breaks too).
 */
function source(value: unknown, indent: string): string {
  if (typeof value === 'string') return quote(value);
  if (typeof value !== 'object' || value === null) return String(value);
  const inner = `${indent}  `;
  // A short list of codes fits on its line, where Biome puts it.
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) {
    return `[${value.map((item) => quote(item)).join(', ')}]`;
  }
  if (Array.isArray(value)) {
    return `[\n${value.map((item) => `${inner}${source(item, inner)},`).join('\n')}\n${indent}]`;
  }
  const lines = Object.entries(value).map(
    ([key, item]) => `${inner}${IDENTIFIER.test(key) ? key : quote(key)}: ${source(item, inner)},`,
  );
  return `{\n${lines.join('\n')}\n${indent}}`;
}

/** The text of web/js/record-forms.js. */
export function recordFormsSource(): string {
  const header = [
    '/*',
    ' * Generated by scripts/generate-record-forms.ts (npm run web:words) from the zod schemas the',
    ' * API validates records with (shared/schemas/records) and the words of',
    ' * shared/domain/records/fields.ts; do not edit. For each kind: groups of fields, each with',
    ' * its path in the record input, label, help, input type, whether required, and limits.',
    ' */',
  ];
  const body = `export const RECORD_FORMS = ${source(recordForms(), '')};`;
  return `${header.join('\n')}\n${body}\n`;
}
