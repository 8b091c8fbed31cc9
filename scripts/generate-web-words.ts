/**
 * `npm run web:words`: writes web/js/words.js, the website's words (kinds, field names,
 * categories, statuses, roles …) taken from the domain's vocabularies, and stamps the parts
 * every page shares (scripts/generate-web-pages.ts) into web/*.html. The website has no build
 * step and imports nothing outside web/, so it reads a generated copy; a unit test fails when
 * the copy is older than the domain.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CHAIN_PROBLEM_LABELS } from '../shared/domain/audit-verification.ts';
import { EVENT_TYPE_LABELS } from '../shared/domain/events.ts';
import { MATTER_TYPE_LABELS, MEASURE_LABELS } from '../shared/domain/lists/measures.ts';
import {
  ENTRY_STATUS_LABELS,
  LIST_TYPE_LABELS,
  REMOVAL_REASON_LABELS,
} from '../shared/domain/lists/vocabulary.ts';
import {
  OBJECTION_EFFECT_LABELS,
  OBJECTION_OUTCOME_LABELS,
  OBJECTION_REASON_LABELS,
  OBJECTION_STATUS_LABELS,
} from '../shared/domain/objections/vocabulary.ts';
import { PUBLICATION_REGIMES } from '../shared/domain/policy/publication-periods.ts';
import { CAP_START_LABELS, PUBLICATION_END_LABELS } from '../shared/domain/policy/publication-window.ts';
import { REPAIR_MATERIALS, REPAIR_MATERIALS_BASIS } from '../shared/domain/policy/repair-materials.ts';
import { TIME_LIMITS } from '../shared/domain/policy/time-limits.ts';
import {
  DETAIL_FIELDS,
  type FieldWords,
  RECORD_FIELDS,
  SUBJECT_FIELDS,
} from '../shared/domain/records/fields.ts';
import { PERSON_RECORD_STATE_LABELS } from '../shared/domain/records/person-use-cases.ts';
import { PUBLIC_SUBJECT_FIELDS } from '../shared/domain/records/public-view.ts';
import {
  KIND_LABELS,
  RECORD_KINDS,
  RECORD_STATUS_LABELS,
  SEVERITIES,
  SEVERITY_LABELS,
  SUBJECT_CATEGORY_LABELS,
} from '../shared/domain/records/vocabulary.ts';
import { REPAIR_STATUS_LABELS } from '../shared/domain/repairs/vocabulary.ts';
import { ROLE_LABELS } from '../shared/domain/roles.ts';
import { ESCALATION_KIND_LABELS } from '../shared/schemas/oversight.ts';
import { RECORD_FORMS_FILE, recordFormsSource } from './generate-record-forms.ts';
import { stampAllPages } from './generate-web-pages.ts';

export const WEB_WORDS_FILE = resolve(import.meta.dirname, '../web/js/words.js');

/** A table of words as the website reads it: a label, or a nested table, under each key. */
interface Table {
  readonly [key: string]: string | Table;
}

const labelsOf = (fields: Readonly<Record<string, FieldWords>>): Record<string, string> =>
  Object.fromEntries(Object.entries(fields).map(([field, words]) => [field, words.label]));

/**
 * The subject fields the public sees, in reading order: those the public view keeps, so the
 * website can never name a field the API withholds.
 */
function publicSubjectFields(): Record<string, string> {
  const shown = new Set<string>(PUBLIC_SUBJECT_FIELDS);
  return labelsOf(Object.fromEntries(Object.entries(SUBJECT_FIELDS).filter(([field]) => shown.has(field))));
}

/** The detail fields whose values are codes, with the words of those codes (fields.ts). */
function detailCodeLabels(): Table {
  const byKind = RECORD_KINDS.map((kind) => {
    const fields = Object.entries(DETAIL_FIELDS[kind] as Readonly<Record<string, FieldWords>>);
    const coded = fields.flatMap(([field, words]) => (words.codes ? [[field, words.codes] as const] : []));
    return [kind, Object.fromEntries(coded)] as const;
  });
  return Object.fromEntries(byKind.filter(([, fields]) => Object.keys(fields).length > 0));
}

/** Months as the guidance says them: 3 个月, 1 年, 3 年. */
const monthsText = (months: number) => (months % 12 === 0 ? `${months / 12} 年` : `${months} 个月`);

/**
 * The credit-repair guidance (repair-guide.html) from the policy tables: the publication
 * periods of each regime by class, and the materials each class needs.
 */
function repairGuide(): Table {
  const regimes = Object.fromEntries(
    PUBLICATION_REGIMES.map((regime) => [
      regime.name,
      {
        basis: regime.basis,
        from: regime.from,
        ...Object.fromEntries(
          SEVERITIES.map((severity) => {
            const { minimum, maximum } = regime.periods[severity];
            return [
              severity,
              minimum
                ? `最短 ${monthsText(minimum.months)}，最长 ${monthsText(maximum.months)}`
                : `不适用信用修复；最长公示 ${monthsText(maximum.months)}`,
            ];
          }),
        ),
        ...(regime.sectorMinimum
          ? { sectors: `特种设备、安全生产、消防领域最短 ${monthsText(regime.sectorMinimum.minimum.months)}` }
          : {}),
      },
    ]),
  );
  const materials = Object.fromEntries(
    SEVERITIES.map((severity) => [
      severity,
      Object.fromEntries(REPAIR_MATERIALS[severity].map((m, i) => [`m${i + 1}`, `${m.name}：${m.detail}`])),
    ]),
  );
  const { repairDecision } = TIME_LIMITS;
  return {
    severities: SEVERITY_LABELS,
    regimes,
    materials,
    materialsBasis: REPAIR_MATERIALS_BASIS,
    decisionDays: String(repairDecision.value),
    decisionBasis: repairDecision.basis,
  };
}

/** Every table of words.js: its name, what it is (its doc comment) and its words. */
const TABLES: readonly (readonly [name: string, about: string, table: Table])[] = [
  ['KIND_LABELS', '决定类别: the ten kinds of administrative action.', KIND_LABELS],
  ['RECORD_STATUS_LABELS', "A record's state on the workbench.", RECORD_STATUS_LABELS],
  ['EVENT_TYPE_LABELS', "The event log's event types.", EVENT_TYPE_LABELS],
  ['ESCALATION_KIND_LABELS', "The credit office's escalation lists.", ESCALATION_KIND_LABELS],
  ['CHAIN_PROBLEM_LABELS', 'What the audit verification can find.', CHAIN_PROBLEM_LABELS],
  ['RECORD_FIELDS', "The record's own fields.", labelsOf(RECORD_FIELDS)],
  [
    'PUBLIC_SUBJECT_FIELDS',
    "The subject's fields the public sees (public-view.ts), in the standard's order.",
    publicSubjectFields(),
  ],
  ['SUBJECT_CATEGORY_LABELS', '行政相对人类别.', SUBJECT_CATEGORY_LABELS],
  [
    'DETAIL_FIELDS',
    "The fields of each kind's details, in the order a reader expects them.",
    Object.fromEntries(RECORD_KINDS.map((kind) => [kind, labelsOf(DETAIL_FIELDS[kind])])),
  ],
  [
    'DETAIL_CODE_LABELS',
    'The words of the detail fields whose values are codes, by kind.',
    detailCodeLabels(),
  ],
  ['OBJECTION_REASON_LABELS', '异议事由.', OBJECTION_REASON_LABELS],
  ['OBJECTION_STATUS_LABELS', 'The states of an objection.', OBJECTION_STATUS_LABELS],
  ['OBJECTION_OUTCOME_LABELS', "The outcomes of an objection's decision.", OBJECTION_OUTCOME_LABELS],
  [
    'OBJECTION_EFFECT_LABELS',
    'What a decided objection did to the published record.',
    OBJECTION_EFFECT_LABELS,
  ],
  ['REPAIR_STATUS_LABELS', 'The states of a credit repair application.', REPAIR_STATUS_LABELS],
  ['ROLE_LABELS', "The callers' roles.", ROLE_LABELS],
  ['LIST_TYPE_LABELS', 'The credit lists (名单类型).', LIST_TYPE_LABELS],
  ['ENTRY_STATUS_LABELS', 'The states of a list entry.', ENTRY_STATUS_LABELS],
  ['REMOVAL_REASON_LABELS', 'Why an entry left its list (移出原因).', REMOVAL_REASON_LABELS],
  ['MEASURE_LABELS', 'The measures catalogue (联合惩戒措施).', MEASURE_LABELS],
  ['MATTER_TYPE_LABELS', 'The matters a credit check is made for (事项类型).', MATTER_TYPE_LABELS],
  ['PUBLICATION_END_LABELS', "Which rule set a penalty's last day of publication.", PUBLICATION_END_LABELS],
  ['PERSON_RECORD_STATE_LABELS', "Where a natural person's own record stands.", PERSON_RECORD_STATE_LABELS],
  ['CAP_START_LABELS', 'Where the five-year cap (条例 第38条) was counted from.', CAP_START_LABELS],
  [
    'REPAIR_GUIDE',
    'Credit repair: periods by regime and class, materials by class (policy tables).',
    repairGuide(),
  ],
];

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
const quote = (text: string) => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`;

/** A table as source, one key a line, as Biome formats an object written that way. */
function source(table: Table, indent: string): string {
  const inner = `${indent}  `;
  const lines = Object.entries(table).map(([key, value]) => {
    const name = IDENTIFIER.test(key) ? key : quote(key);
    return `${inner}${name}: ${typeof value === 'string' ? quote(value) : source(value, inner)},`;
  });
  return `{\n${lines.join('\n')}\n${indent}}`;
}

/** The text of web/js/words.js. */
export function webWords(): string {
  const header = [
    '/*',
    ' * Generated by scripts/generate-web-words.ts (npm run web:words) from the words of',
    ' * shared/domain (records/vocabulary.ts, records/fields.ts, records/public-view.ts,',
    ' * objections/vocabulary.ts, repairs/vocabulary.ts, roles.ts); do not edit. Each table maps',
    ' * an API code or field name to its Chinese label, in reading order.',
    ' */',
  ];
  const tables = TABLES.map(
    ([name, about, table]) => `/** ${about} */\nexport const ${name} = ${source(table, '')};`,
  );
  return `${[header.join('\n'), ...tables].join('\n\n')}\n`;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  writeFileSync(WEB_WORDS_FILE, webWords());
  process.stdout.write(`wrote ${WEB_WORDS_FILE}\n`);
  writeFileSync(RECORD_FORMS_FILE, recordFormsSource());
  process.stdout.write(`wrote ${RECORD_FORMS_FILE}\n`);
  for (const file of stampAllPages()) process.stdout.write(`stamped ${file}\n`);
}
