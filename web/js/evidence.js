/*
 * The evidence list of an objection or a repair application. Each item is a name, a file and
 * an optional https address. The file's SHA-256 is computed here (crypto.subtle) and filed
 * with its type and size; once the filing exists, each file is sent through the link the API
 * gives for it (bound to that digest, type and size) and confirmed, so the agency reviews the
 * very bytes the entity chose.
 */

import { getJson, postJson } from './api.js';
import { failureMessage, h } from './ui.js';

/** What the API takes (shared/domain/materials/rules.ts): type by MIME type or, for OFD, by name. */
const TYPES = {
  pdf: 'application/pdf',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  ofd: 'application/ofd',
};
const MAX_FILE = 20 * 1024 * 1024;
const MAX_TOTAL = 50 * 1024 * 1024;
const ACCEPT = '.pdf,.jpg,.jpeg,.png,.ofd,application/pdf,image/jpeg,image/png,application/ofd';

function typeOf(file) {
  if (Object.values(TYPES).includes(file.type)) return file.type;
  return TYPES[/\.([a-z]+)$/i.exec(file.name)?.[1]?.toLowerCase() ?? ''];
}

/** A size as people read it: 2.0 MB, 340 KB. */
export function sizeText(bytes) {
  return bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

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
    '可上传 PDF、JPEG、PNG、OFD 文件，单个不超过 20 MB，合计不超过 50 MB。选择文件后浏览器先计算其 SHA-256 摘要；提交后文件随即上传，服务器核对摘要后才收下。',
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
      accept: ACCEPT,
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
    const state = { digest: undefined, chosen: undefined, name, file, url };
    items.set(item, state);

    file.addEventListener('change', () => {
      const chosen = file.files?.[0];
      state.chosen = chosen;
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

  /**
   * The filled-in items, in order; data-field names each control as the API will. `files[i]`
   * is the file of `evidence[i]`, sent once the filing exists (uploadMaterials).
   */
  async function collect() {
    const evidence = [];
    const problems = [];
    const files = [];
    let total = 0;
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
      const chosen = state.chosen;
      const contentType = chosen ? typeOf(chosen) : undefined;
      if (chosen && !contentType) {
        problems.push({ field: `${at}.sha256`, message: '只接受 PDF、JPEG、PNG、OFD 文件' });
      } else if (chosen && chosen.size > MAX_FILE) {
        problems.push({
          field: `${at}.sha256`,
          message: `文件为 ${sizeText(chosen.size)}，单个文件不得超过 20 MB`,
        });
      } else if (chosen && chosen.size === 0) {
        problems.push({ field: `${at}.sha256`, message: '文件为空，请重新选择' });
      }
      total += chosen?.size ?? 0;
      const file = chosen && contentType ? { contentType, size: chosen.size } : undefined;
      evidence.push({ name, sha256, ...(url ? { url } : {}), ...(file ? { file } : {}) });
      files.push(file ? chosen : undefined);
    }
    if (total > MAX_TOTAL) {
      problems.push({ field: 'body.evidence', message: `材料文件合计 ${sizeText(total)}，不得超过 50 MB` });
    }
    return { evidence, problems, files };
  }

  function reset() {
    for (const item of items.keys()) item.remove();
    items.clear();
    for (let i = 0; i < startWith; i++) addItem();
  }

  return { collect, reset };
}

/**
 * Sends the files of a filing just made: for each, a link from the API, one PUT of the bytes,
 * then the receipt that has the server check them. Answers one line per file, in Chinese;
 * a file that fails does not stop the others (the filer can send it again from 我的).
 */
export async function uploadMaterials(kind, filingId, files, token) {
  const results = [];
  for (const [i, file] of files.entries()) {
    if (!file) continue;
    const n = i + 1;
    const base = `/v1/${kind}s/${encodeURIComponent(filingId)}/materials/${n}`;
    try {
      await sendMaterial(base, file, token);
      results.push({ n, ok: true, text: `第 ${n} 项材料已上传并核对无误` });
    } catch (error) {
      results.push({
        n,
        ok: false,
        text: `第 ${n} 项材料上传失败：${error instanceof UploadError ? error.message : failureMessage(error)}`,
      });
    }
  }
  return results;
}

/** One file: its link, the PUT, the receipt (which checks digest and type on the server). */
export async function sendMaterial(base, file, token) {
  const link = await postJson(`${base}/upload`, undefined, { token });
  const put = await fetch(link.url, { method: 'PUT', headers: link.requestHeaders, body: file });
  if (!put.ok) {
    throw new UploadError(
      put.status === 400
        ? '收到的文件与所选文件不一致，请重新选择'
        : `文件存储服务拒绝了上传（${put.status}）`,
    );
  }
  await postJson(`${base}/receipt`, undefined, { token });
}

/** Opens a received file of a filing through the short-lived link the API gives. */
export async function openMaterial(kind, filingId, n, token) {
  const answer = await getJson(`/v1/${kind}s/${encodeURIComponent(filingId)}/materials/${n}`, { token });
  const link = document.createElement('a');
  link.href = answer.url;
  link.rel = 'noopener';
  link.download = '';
  document.body.append(link);
  link.click();
  link.remove();
  return answer;
}

/** The storage refused the bytes themselves (not the API): its message is ours, in Chinese. */
class UploadError extends Error {}

/**
 * A filing's files as its filer sees them in 我的: each opens through a short-lived link, and
 * while the filing is undecided a file that did not arrive can be sent again — the one chosen
 * must be the very file named when filing (same SHA-256), since that is what the link takes.
 */
export function filingMaterials(kind, filing, getToken) {
  const files = (filing.evidence ?? [])
    .map((item, i) => ({ item, n: i + 1 }))
    .filter(({ item }) => item.file);
  if (files.length === 0) return null;
  return h(
    'div',
    { class: 'filing-materials' },
    h('p', { class: 'hint' }, '材料文件：'),
    h(
      'ul',
      {},
      files.map(({ item, n }) => fileRow(kind, filing, item, n, getToken)),
    ),
  );
}

/**
 * 打开文件 for a filing's n-th file: fetches its short-lived link and downloads it; `note`
 * says how that went, `notYet` what to say of a file that has not arrived, and `onError` may
 * take an error first (a signed-out one).
 */
export function openFileButton({ kind, filingId, item, n, getToken, note, notYet, onError = () => false }) {
  const text = `打开文件（${sizeText(item.file.size)}）`;
  // The visible words first, then whose: axe (and speech input) match the name on them.
  const button = h(
    'button',
    { type: 'button', class: 'secondary small', 'aria-label': `${text}：${item.name}` },
    text,
  );
  button.addEventListener('click', async () => {
    note.textContent = '';
    try {
      await openMaterial(kind, filingId, n, getToken());
      note.textContent = '已开始下载';
    } catch (error) {
      if (onError(error)) return;
      note.textContent = error?.code === 'material_not_received' ? notYet : failureMessage(error);
    }
  });
  return button;
}

function fileRow(kind, filing, item, n, getToken) {
  const note = h('span', { class: 'hint', role: 'status', 'aria-live': 'polite' });
  const open = openFileButton({
    kind,
    filingId: filing.id,
    item,
    n,
    getToken,
    note,
    notYet: '该文件尚未上传成功，可重新上传',
  });
  const row = h('li', {}, item.name, ' ', open);
  if (filing.status === 'pending') {
    const id = `resend-${filing.id}-${n}`;
    const input = h('input', { id, type: 'file', accept: ACCEPT, class: 'resend' });
    input.addEventListener('change', async () => {
      const chosen = input.files?.[0];
      if (!chosen) return;
      note.textContent = '正在核对并上传…';
      try {
        if ((await sha256Hex(chosen)) !== item.sha256) {
          note.textContent = '所选文件与提交时的文件不一致（SHA-256 不同），请选择原文件';
          return;
        }
        await sendMaterial(
          `/v1/${kind}s/${encodeURIComponent(filing.id)}/materials/${n}`,
          chosen,
          getToken(),
        );
        note.textContent = '已上传并核对无误';
      } catch (error) {
        note.textContent =
          error?.code === 'material_already_received'
            ? '该文件已上传，无需重传'
            : error instanceof UploadError
              ? error.message
              : failureMessage(error);
      }
    });
    row.append(' ', h('label', { for: id, class: 'small' }, `重新上传“${item.name}”`), input);
  }
  row.append(' ', note);
  return row;
}
