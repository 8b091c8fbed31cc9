/*
 * The record form's inputs, rendered from the generated description (record-forms.js, made from
 * the API's own schemas): labels, help tied by aria-describedby, required and limits as HTML
 * attributes, selects for codes. Also reads a form into a record input and fills it from one.
 * Each input's data-field is the API's error path (body.subject.name), so showFormErrors puts
 * a refusal beside it.
 */

import { RECORD_FORMS } from './record-forms.js';
import { h } from './ui.js';

const idOf = (name) => `f-${name.replace(/\./g, '-')}`;

/** The fields of `kind`, flat, in the form's order. */
export const fieldsOf = (kind) => RECORD_FORMS[kind].groups.flatMap((group) => group.fields);

function hintOf(field) {
  const parts = [];
  if (field.help) parts.push(field.help);
  if (field.requiredFor) parts.push('法人、个体工商户或自然人按类别必填');
  if (field.maxLength && field.input !== 'date') parts.push(`最多 ${field.maxLength} 字`);
  if (field.pattern) parts.push('只能包含字母、数字和连字符');
  if (field.input === 'number') parts.push('单位：万元，最多 6 位小数');
  return parts.join('；');
}

function control(field, describedBy) {
  const common = { id: idOf(field.name), name: field.name, 'data-field': `body.${field.name}` };
  if (describedBy) common['aria-describedby'] = describedBy;
  if (field.required) common.required = '';
  if (field.input === 'select' || field.input === 'boolean') {
    const options =
      field.input === 'boolean'
        ? [
            { value: 'true', label: '是' },
            { value: 'false', label: '否' },
          ]
        : field.options;
    return h(
      'select',
      common,
      h('option', { value: '' }, field.required ? '请选择' : '不填'),
      ...options.map((option) => h('option', { value: option.value }, option.label)),
    );
  }
  const limits = {};
  if (field.maxLength && field.input !== 'date') limits.maxlength = String(field.maxLength);
  if (field.minLength) limits.minlength = String(field.minLength);
  if (field.pattern) limits.pattern = field.pattern;
  if (field.input === 'textarea') return h('textarea', { ...common, ...limits, rows: '4' });
  if (field.input === 'number') {
    const min = field.min === undefined ? {} : { min: String(field.min) };
    return h('input', { ...common, type: 'number', step: 'any', inputmode: 'decimal', ...min });
  }
  const type = field.input === 'date' ? 'date' : 'text';
  return h('input', { ...common, ...limits, type });
}

function checkboxes(field, hintId) {
  const id = idOf(field.name);
  const boxes = field.options.map((option, index) =>
    h(
      'label',
      { class: 'check' },
      h('input', { type: 'checkbox', name: field.name, value: option.value, id: `${id}-${index}` }),
      ` ${option.label}`,
    ),
  );
  const props = {
    id,
    name: field.label,
    tabindex: '-1',
    'data-field': `body.${field.name}`,
    class: 'checks',
  };
  if (hintId) props['aria-describedby'] = hintId;
  const legend = h(
    'legend',
    {},
    field.label,
    field.required ? h('span', { class: 'required' }, '（必填）') : '',
  );
  return h('fieldset', props, legend, ...boxes);
}

function fieldBlock(field) {
  const hint = hintOf(field);
  const hintId = hint ? `${idOf(field.name)}-hint` : '';
  const note = hint ? h('p', { class: 'hint', id: hintId }, hint) : '';
  if (field.input === 'checkboxes') return h('div', { class: 'field wide' }, checkboxes(field, hintId), note);
  const wide = field.input === 'textarea' ? ' wide' : '';
  const mark = field.required ? h('span', { class: 'required' }, '（必填）') : '';
  const label = h('label', { for: idOf(field.name) }, field.label, mark);
  return h('div', { class: `field${wide}`, 'data-name': field.name }, label, control(field, hintId), note);
}

/** The fieldsets of `kind`'s form. */
export function renderFields(kind) {
  return RECORD_FORMS[kind].groups
    .filter((group) => group.fields.length > 0)
    .map((group) =>
      h(
        'fieldset',
        {},
        h('legend', {}, group.legend),
        h('div', { class: 'fields' }, ...group.fields.map(fieldBlock)),
      ),
    );
}

/** Marks the subject fields required for the chosen category (a uscc, or a person's id). */
export function applyCategory(form, kind) {
  const category = form.elements.namedItem('subject.category')?.value;
  for (const field of fieldsOf(kind).filter((f) => f.requiredFor)) {
    const input = form.elements.namedItem(field.name);
    if (!input) continue;
    input.required = field.requiredFor.includes(category);
  }
}

function inputValue(form, field) {
  if (field.input === 'checkboxes') {
    const checked = [...form.querySelectorAll(`input[type=checkbox][name="${field.name}"]:checked`)];
    return checked.length > 0 ? checked.map((box) => box.value) : undefined;
  }
  const raw = form.elements.namedItem(field.name)?.value.trim() ?? '';
  if (raw === '') return undefined;
  if (field.input === 'number') return Number(raw);
  if (field.input === 'boolean') return raw === 'true';
  return raw;
}

/** The record input the form holds: empty inputs left out, as the API expects. */
export function readRecord(form, kind) {
  const record = { kind };
  for (const field of fieldsOf(kind)) {
    const value = inputValue(form, field);
    if (value === undefined) continue;
    const [head, tail] = field.name.split('.');
    if (tail === undefined) record[head] = value;
    else record[head] = { ...(record[head] ?? {}), [tail]: value };
  }
  return record;
}

/** The value of `name` (a form path) in a record input. */
export function pick(record, name) {
  const [head, tail] = name.split('.');
  return tail === undefined ? record[head] : record[head]?.[tail];
}

/** Puts a stored record's values into the form. */
export function fillRecord(form, kind, record) {
  for (const field of fieldsOf(kind)) {
    const value = pick(record, field.name);
    if (field.input === 'checkboxes') {
      for (const box of form.querySelectorAll(`input[type=checkbox][name="${field.name}"]`)) {
        box.checked = Array.isArray(value) && value.includes(box.value);
      }
      continue;
    }
    const input = form.elements.namedItem(field.name);
    if (input) input.value = value === undefined || value === null ? '' : String(value);
  }
  applyCategory(form, kind);
}

/** How a value reads on the page: a code's label, a list joined, 未填 for nothing. */
export function display(field, value) {
  if (value === undefined || value === null || value === '') return '（未填）';
  if (field.input === 'boolean') return value ? '是' : '否';
  const label = (v) => field.options?.find((o) => o.value === v)?.label ?? String(v);
  return Array.isArray(value) ? value.map(label).join('、') : label(value);
}
