/*
 * The two forms of 我的: an objection (异议) and a credit-repair application (信用修复).
 * Each submission carries an Idempotency-Key that stays the same until the form succeeds or
 * its content changes, so a double click or a retry after a lost answer files nothing twice;
 * the button is also disabled while a submission is on its way.
 */

import { ApiError, postJson } from './api.js';
import { evidenceList, uploadMaterials } from './evidence.js';
import { clearFormErrors, showFormErrors, todayInShanghai } from './ui.js';

/**
 * Wires a form: `build(form)` → { body, problems } or throws; `done(answer)` → the success
 * message. `getToken()` is read at each submission; `onFiled()` refreshes the lists.
 */
function submittable(form, { path, build, done, getToken, onFiled, onSignedOut, kind }) {
  const button = form.querySelector('button[type="submit"]');
  const status = form.querySelector('.form-status');
  let key;
  let busy = false;
  form.addEventListener('input', () => {
    key = undefined; // changed content is a new submission
  });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (busy) return;
    busy = true;
    button.disabled = true;
    status.replaceChildren();
    clearFormErrors(form);
    try {
      const { body, problems, files = [] } = await build(form);
      if (problems.length > 0) {
        showFormErrors(form, { fieldErrors: problems });
        return;
      }
      key ??= crypto.randomUUID();
      const answer = await postJson(path, body, { token: getToken(), idempotencyKey: key });
      key = undefined;
      // The filing stands; its files follow, each on its own (a failed one is said, not fatal).
      const uploads = files.some(Boolean) ? await uploadMaterials(kind, answer.id, files, getToken()) : [];
      status.textContent = [done(answer), ...uploads.map((u) => u.text)].join('\n');
      onFiled(answer);
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) onSignedOut();
      else showFormErrors(form, error);
    } finally {
      busy = false;
      button.disabled = false;
    }
  });
}

/** A field error when a required text is left empty (the API's own wording is terser). */
const required = (value, field, message) => (value ? [] : [{ field, message }]);

export function objectionForm(form, options) {
  const evidence = evidenceList(form.querySelector('#o-evidence'), { prefix: 'o' });
  submittable(form, {
    ...options,
    path: '/v1/objections',
    kind: 'objection',
    build: async () => {
      const data = new FormData(form);
      const statement = String(data.get('statement') ?? '').trim();
      const { evidence: items, problems, files } = await evidence.collect();
      return {
        files,
        body: { recordId: data.get('recordId'), reason: data.get('reason'), statement, evidence: items },
        problems: [...required(statement, 'body.statement', '请填写异议陈述'), ...problems],
      };
    },
    done: (objection) => {
      form.reset();
      evidence.reset();
      return `异议已提交（编号 ${objection.id}）。决定机关应于 ${objection.deadline.due} 前处理完毕，处理期间该公示信息标注“异议处理中”。`;
    },
  });
}

export function repairForm(form, options) {
  const evidence = evidenceList(form.querySelector('#r-evidence'), { prefix: 'r', startWith: 1 });
  const signed = form.querySelector('#r-signed');
  signed.value = todayInShanghai();
  submittable(form, {
    ...options,
    path: '/v1/repairs',
    kind: 'repair',
    build: async () => {
      const data = new FormData(form);
      const text = String(data.get('commitment') ?? '').trim();
      const { evidence: items, problems, files } = await evidence.collect();
      const none = items.length === 0 ? [{ field: 'body.evidence', message: '请至少提供一项证明材料' }] : [];
      return {
        files,
        body: {
          recordId: data.get('recordId'),
          commitment: { text, signedAt: String(data.get('signedAt') ?? '') },
          evidence: items,
        },
        problems: [...required(text, 'body.commitment.text', '请填写信用承诺书内容'), ...problems, ...none],
      };
    },
    done: (repair) => {
      form.reset();
      evidence.reset();
      signed.value = todayInShanghai();
      return `信用修复申请已提交（编号 ${repair.id}），将于 ${repair.deadline.due} 前作出决定。`;
    },
  });
}
