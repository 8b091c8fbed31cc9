/*
 * The evidence list of an objection or a repair application. Each item is a name, a file and
 * an optional https address. The file never leaves the computer: its SHA-256 is computed here
 * (crypto.subtle) and only the digest is sent, so the agency can later check that the file
 * the entity hands over is the one it named.
 */

import { h } from './ui.js';

let serial = 0; // element ids stay unique however items are added and removed

/** SHA-256 of a file's bytes as 64 lower-case hex digits. */
export async function sha256Hex(file) {
  const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Builds the list inside `fieldset` (after its legend). `prefix` makes ids unique per form.
 * Answers { collect, reset }: collect() waits for any digest still being computed and
 * answers { evidence, problems } — problems are field errors found before asking the API.
 */
export function evidenceList(fieldset, { prefix, startWith = 0 }) {
  const list = h('ol', { class: 'evidence-list' });
  const hint = h(
    'p',
    { class: 'hint', id: `${prefix}-evidence-hint` },
    '文件不会上传：选择文件后，浏览器在本机计算其 SHA-256 摘要，只提交材料名称和摘要。',
  );
  const add = h('button', { type: 'button', class: 'secondary small' }, '添加一项材料');
  fieldset.append(hint, list, add);
  const items = new Map(); // li → { digest: Promise<string> | undefined }

  function addItem() {
    const n = ++serial;
    const ids = {
      name: `${prefix}-ev-name-${n}`,
      file: `${prefix}-ev-file-${n}`,
      url: `${prefix}-ev-url-${n}`,
    };
    const digestNote = h(
      'p',
      { class: 'digest', id: `${ids.file}-digest`, 'aria-live': 'polite' },
      '尚未选择文件',
    );
    const name = h('input', { id: ids.name, maxlength: '200', autocomplete: 'off' });
    const file = h('input', {
      id: ids.file,
      type: 'file',
      'aria-describedby': `${ids.file}-digest ${hint.id}`,
    });
    const url = h('input', {
      id: ids.url,
      type: 'url',
      inputmode: 'url',
      maxlength: '1000',
      'aria-describedby': `${ids.url}-hint`,
    });
    const remove = h('button', { type: 'button', class: 'secondary small' }, '删除此项');
    const item = h(
      'li',
      { class: 'evidence-item' },
      h(
        'div',
        { class: 'fields' },
        h('div', { class: 'field' }, h('label', { for: ids.name }, '材料名称'), name),
        h('div', { class: 'field' }, h('label', { for: ids.file }, '材料文件'), file, digestNote),
        h(
          'div',
          { class: 'field' },
          h('label', { for: ids.url }, '材料网址（可选）'),
          url,
          h('p', { class: 'hint', id: `${ids.url}-hint` }, '以 https:// 开头的地址'),
        ),
      ),
      h('div', { class: 'card-actions' }, remove),
    );
    const state = { digest: undefined, name, file, url };
    items.set(item, state);

    file.addEventListener('change', () => {
      const chosen = file.files?.[0];
      if (!chosen) {
        state.digest = undefined;
        digestNote.textContent = '尚未选择文件';
        return;
      }
      if (!name.value.trim()) name.value = chosen.name; // a sensible default the user may change
      digestNote.textContent = '正在计算 SHA-256 摘要…';
      state.digest = sha256Hex(chosen);
      state.digest.then(
        (hex) => {
          digestNote.textContent = `SHA-256：${hex}`;
        },
        () => {
          digestNote.textContent = '无法读取该文件，请重新选择';
        },
      );
    });
    remove.addEventListener('click', () => {
      items.delete(item);
      item.remove();
      add.focus(); // the removed button took focus with it
    });
    remove.setAttribute('aria-label', '删除此项材料');
    list.append(item);
    return name;
  }

  add.addEventListener('click', () => addItem().focus());
  for (let i = 0; i < startWith; i++) addItem();

  /** The filled-in items, in order; data-field names each control as the API will. */
  async function collect() {
    const evidence = [];
    const problems = [];
    for (const state of items.values()) {
      for (const control of [state.name, state.file, state.url]) control.removeAttribute('data-field');
      const name = state.name.value.trim();
      const url = state.url.value.trim();
      if (!name && !state.digest && !url) continue; // an empty row the user added and left
      const at = `body.evidence[${evidence.length}]`;
      state.name.dataset.field = `${at}.name`;
      state.file.dataset.field = `${at}.sha256`;
      state.url.dataset.field = `${at}.url`;
      const sha256 = await state.digest?.catch(() => undefined);
      if (!name) problems.push({ field: `${at}.name`, message: '请填写材料名称' });
      if (!sha256) problems.push({ field: `${at}.sha256`, message: '请选择材料文件，以便计算其摘要' });
      if (url && !/^https:\/\/\S+$/i.test(url)) {
        problems.push({ field: `${at}.url`, message: '材料网址须以 https:// 开头' });
      }
      evidence.push({ name, sha256, ...(url ? { url } : {}) });
    }
    return { evidence, problems };
  }

  function reset() {
    for (const item of items.keys()) item.remove();
    items.clear();
    for (let i = 0; i < startWith; i++) addItem();
  }

  return { collect, reset };
}
