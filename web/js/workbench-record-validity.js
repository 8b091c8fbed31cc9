/*
 * The form's own checks before anything is sent, from the HTML attributes the generated
 * description put there (required, maxlength, pattern, min), worded in Chinese whatever the
 * browser's language; the API checks everything again and its refusals show the same way.
 */

function messageOf(input) {
  const v = input.validity;
  if (v.valueMissing) return '请填写此项';
  if (v.tooLong) return `最多 ${input.maxLength} 字`;
  if (v.tooShort) return `至少 ${input.minLength} 字`;
  if (v.patternMismatch) return '格式不正确：只能包含字母、数字和连字符';
  if (v.badInput) return input.type === 'date' ? '请填写正确的日期' : '请填写数字';
  if (v.rangeUnderflow) return `不能小于 ${input.min}`;
  if (v.rangeOverflow) return `不能大于 ${input.max}`;
  return '格式不正确';
}

/** The problems of `form`'s enabled inputs, as showFormErrors takes them ({ field, message }). */
export function checkInputs(form) {
  const problems = [];
  for (const input of form.querySelectorAll('input, select, textarea')) {
    if (input.disabled || input.closest('[hidden]') || !input.dataset.field) continue;
    // A value of spaces only is empty to the API (it trims).
    const blank = input.required && typeof input.value === 'string' && input.value.trim() === '';
    if (blank || !input.checkValidity()) {
      problems.push({ field: input.dataset.field, message: blank ? '请填写此项' : messageOf(input) });
    }
  }
  for (const group of form.querySelectorAll('fieldset.checks')) {
    if (group.disabled || group.closest('fieldset[disabled]')) continue;
    const required = group.querySelector('.required');
    if (required && !group.querySelector('input:checked')) {
      problems.push({ field: group.dataset.field, message: '请至少选择一项' });
    }
  }
  return problems;
}
