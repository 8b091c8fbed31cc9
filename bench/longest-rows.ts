/**
 * Penalty records for a batch of MAX_BATCH_ROWS rows in one body (MAX_BODY_BYTES): the
 * required fields only, each as long as its schema allows (limits read from the schemas, not
 * copied) or as what is left of the row's share of the body allows, in this order: the
 * subject's name first, since its length decides how many search entries a publication
 * writes (one per distinct two-character piece, up to MAX_NAME_BIGRAMS); then the document
 * number and the penalty's texts. At 1 MiB for 1,000 rows the name reaches its 200
 * characters and little else grows.
 */
import { MAX_BATCH_ROWS } from '../shared/domain/records/batch.ts';
import { MAX_BODY_BYTES } from '../shared/http/body.ts';
import { penaltySchema } from '../shared/schemas/records/kind-details.ts';
import { type RecordInput, recordInputSchema } from '../shared/schemas/records/record-input.ts';
import { subjectSchema } from '../shared/schemas/records/subject.ts';
import { type Random, tradeName } from './names.ts';

type Penalty = Extract<RecordInput, { kind: 'penalty' }>;

const penaltyShape = recordInputSchema.options.find((o) => o.shape.kind.value === 'penalty')?.shape;
if (!penaltyShape) throw new Error('no penalty kind in recordInputSchema');

/** The most characters each free-text field takes, from its schema. */
export const LIMITS = {
  name: subjectSchema.shape.name.maxLength ?? 0,
  documentNumber: penaltyShape.documentNumber.maxLength ?? 0,
  violationType: penaltySchema.shape.violationType.maxLength ?? 0,
  basis: penaltySchema.shape.basis.maxLength ?? 0,
  facts: penaltySchema.shape.facts.maxLength ?? 0,
  content: penaltySchema.shape.content.maxLength ?? 0,
};

const PROSE =
  '经查，当事人在其经营场所销售的产品经抽样检验不合格，执法人员依法对现场进行了检查并制作了笔录，' +
  '当事人对上述事实无异议，依据相关法律法规之规定，本机关决定对当事人作出如下行政处罚。';

/** `length` characters of prose, ending in `tail` (which keeps a value unique). */
function prose(length: number, tail = ''): string {
  const body = Math.max(0, length - tail.length);
  return `${PROSE.repeat(Math.ceil(body / PROSE.length) + 1).slice(0, body)}${tail}`;
}

/** A company name of `length` characters: a random 字号 (distinct pieces) and a legal form. */
export function longName(random: Random, length = LIMITS.name): string {
  const form = '商贸有限公司';
  return `${tradeName(random, Math.max(2, length - form.length))}${form}`;
}

/** `input` with the longest subject name allowed. */
export function withLongestName(input: Penalty, random: Random): Penalty {
  return { ...input, subject: { ...input.subject, name: longName(random) } };
}

const bytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value));

type Lengths = Record<keyof typeof LIMITS, number>;

/** A row of only the required fields, `base`'s subject and choices, texts of lengths `l`. */
function row(base: Penalty, n: number, name: string, l: Lengths): Penalty {
  return {
    kind: 'penalty',
    documentNumber: prose(l.documentNumber, `〔${base.decisionDate.slice(0, 4)}〕${n}号`),
    decisionDate: base.decisionDate,
    subject: { category: base.subject.category, name: name.slice(0, l.name), uscc: base.subject.uscc },
    penalty: {
      violationType: prose(l.violationType),
      facts: prose(l.facts),
      basis: prose(l.basis),
      categories: base.penalty.categories.slice(0, 1),
      content: prose(l.content),
      severity: base.penalty.severity,
      procedure: base.penalty.procedure,
    },
  };
}

/**
 * The lengths that fill one row's share of the body (MAX_BODY_BYTES ÷ MAX_BATCH_ROWS): each
 * field in the order of LIMITS, as long as its schema allows or as what is left allows.
 */
function fittingLengths(base: Penalty, name: string): Lengths {
  // A comma, and room for rows whose choices are spelt longer than the first's.
  const budget = Math.floor(MAX_BODY_BYTES / MAX_BATCH_ROWS) - 12;
  const order = Object.keys(LIMITS) as (keyof Lengths)[];
  // Each at its shortest; the document number's unique tail included.
  const l = Object.fromEntries(order.map((k) => [k, k === 'documentNumber' ? 12 : 4])) as Lengths;
  for (const field of order) {
    // Three bytes a character (CJK in UTF-8); the largest row number stands for all.
    const spare = budget - bytes(row(base, MAX_BATCH_ROWS, name, l));
    if (spare < 3) break;
    l[field] = Math.min(LIMITS[field], l[field] + Math.floor(spare / 3));
  }
  return l;
}

/**
 * `count` rows, each of a new company (`makeBase`) with the longest fields that fit and its
 * own document number; every row is checked against the schema, so a row the API would refuse
 * fails the bench here. Also says how long each field came out and the body's size.
 */
export function longestRows(makeBase: () => Penalty, random: Random, count: number) {
  const bases = Array.from({ length: count }, makeBase);
  const names = bases.map(() => longName(random));
  const lengths = fittingLengths(bases[0] as Penalty, names[0] as string);
  const rows = bases.map((base, i) => row(base, i + 1, names[i] as string, lengths));
  if (bytes(rows) > (MAX_BODY_BYTES * count) / MAX_BATCH_ROWS)
    throw new Error(`${count} longest rows take ${bytes(rows)} bytes, more than their share of the body`);
  for (const r of rows.slice(0, 3)) {
    const parsed = recordInputSchema.safeParse(r);
    if (!parsed.success) throw new Error(`a longest row is not valid: ${parsed.error.message}`);
  }
  return {
    rows,
    lengths,
    limits: LIMITS,
    body_bytes: bytes(rows),
    body_bytes_for_max_rows: Math.round((bytes(rows) / count) * MAX_BATCH_ROWS),
  };
}
