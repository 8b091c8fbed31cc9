import { createHash } from 'node:crypto';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it, type World } from '../support/e2e.ts';
import { call } from '../support/http.ts';
import { daysAgo, penaltyAgainst } from '../support/workflow-mothers.ts';

/*
 * 信用报告 end to end: an entity has a public and a special report made of itself; each PDF
 * opens in a PDF parser (pdf.js) with its pages, its number and the entity's name in Chinese;
 * the number's public verification gives the SHA-256 of the downloaded bytes, and one changed
 * byte no longer matches. A special report is fetched by its own entity only: another
 * entity's token and no token get the answer a report that does not exist gets.
 */

const get = (w: Pick<World, 'service'>, path: string, token?: string) =>
  call(w.service.url, 'GET', path, token ? { token } : {});
const post = (w: Pick<World, 'service'>, path: string, token: string, body: unknown) =>
  call(w.service.url, 'POST', path, { token, body });
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

const NAME = '济南市济阳区异议修复测试有限公司';

/** Follows the 302 of a report download to its bytes, as a browser would. */
async function download(w: Pick<World, 'service'>, path: string, token?: string) {
  const answer = await get(w, path, token);
  expect(answer.status).toBe(302);
  const file = await fetch(answer.headers.get('location') ?? '');
  expect(file.status).toBe(200);
  return {
    bytes: new Uint8Array(await file.arrayBuffer()),
    announced: answer.headers.get('x-content-sha256'),
  };
}

async function pdfText(bytes: Uint8Array) {
  const doc = await getDocument({ data: bytes.slice(), useSystemFonts: false }).promise;
  let text = '';
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    text += content.items.map((item) => ('str' in item ? item.str : '')).join('');
  }
  return { pages: doc.numPages, text };
}

describe('credit reports', () => {
  it('public and special reports open as PDF, verify by hash, and the special one stays its entity’s', async ({
    service,
    api,
    agency,
    entity,
    otherEntity,
  }) => {
    const w = { service };
    const shown = await api.publishedPenalty(agency, entity);
    // A simplified-procedure penalty is never published; only the special report lists it.
    const simplified = penaltyAgainst(entity.uscc, 30, { procedure: 'simplified' });
    await api.register(agency, { ...simplified, documentNumber: '济阳市监简罚〔2026〕7号' });
    const shownNumber = (await get(w, `/v1/disclosures/${shown}`)).json.documentNumber as string;

    const made = await post(w, '/v1/reports', entity.token, { uscc: entity.uscc, scope: 'public' });
    expect(made.status).toBe(201);
    const report = made.json;
    expect(report.number).toMatch(/^XYBG-\d{8}-[0-9A-Z]{8}$/);
    expect(report).toMatchObject({
      scope: 'public',
      subjectName: NAME,
      counts: { records: 1, unpublished: 0 },
    });

    const pdf = await download(w, report.links.pdf, entity.token);
    const verified = await get(w, `/v1/reports/${report.number}/verify`);
    expect(verified.status).toBe(200);
    expect(verified.json).toMatchObject({ exists: true, scope: 'public', issuedAt: report.issuedAt });
    expect(sha256(pdf.bytes)).toBe(verified.json.sha256);
    expect(pdf.announced).toBe(verified.json.sha256);
    const opened = await pdfText(pdf.bytes);
    expect(opened.pages).toBeGreaterThanOrEqual(1);
    expect(opened.text).toContain(report.number);
    expect(opened.text).toContain(NAME);
    expect(opened.text).toContain(shownNumber);
    expect(opened.text).not.toContain('济阳市监简罚');
    expect(opened.text).toContain(report.verificationCode);

    // One changed byte, and the hash no longer matches.
    const changed = pdf.bytes.slice();
    const middle = Math.floor(changed.length / 2);
    changed[middle] = (changed[middle] ?? 0) ^ 0x01;
    expect(sha256(changed)).not.toBe(verified.json.sha256);

    // The HTML has its own hash, and the same number and name.
    const html = await download(w, report.links.html, entity.token);
    expect(sha256(html.bytes)).toBe(verified.json.files.html.sha256);
    const page = new TextDecoder().decode(html.bytes);
    expect(page).toContain(report.number);
    expect(page).toContain(NAME);
    expect(page).toContain('<svg');

    // The 核验码 on the report is checked on verify.html like any document.
    const byCode = await get(w, `/v1/verifications/${report.verificationCode}`);
    expect(byCode.json).toMatchObject({
      kind: 'credit-report',
      number: report.number,
      sha256: verified.json.sha256,
    });

    const special = (await post(w, '/v1/reports', entity.token, { uscc: entity.uscc, scope: 'special' }))
      .json;
    expect(special.counts).toMatchObject({ records: 1, unpublished: 1 });
    const specialPdf = await download(w, special.links.pdf, entity.token);
    const specialText = await pdfText(specialPdf.bytes);
    expect(specialText.text).toContain('济阳市监简罚〔2026〕7号');
    expect(specialText.text).toContain(special.number);
    expect(specialText.text).toContain(NAME);
    expect(sha256(specialPdf.bytes)).toBe((await get(w, `/v1/reports/${special.number}/verify`)).json.sha256);

    // Another entity and no token: the answer a report that does not exist gets.
    const missing = `XYBG-${daysAgo(0).replaceAll('-', '')}-ABCDEFGH`;
    const theirs = await get(w, special.links.pdf, otherEntity.token);
    const none = await get(w, `/v1/reports/${missing}?format=pdf`, otherEntity.token);
    expect([theirs.status, theirs.json.code]).toEqual([404, 'report_not_found']);
    expect([none.status, none.json.code, none.json.title]).toEqual([
      theirs.status,
      theirs.json.code,
      theirs.json.title,
    ]);
    const anonymous = await get(w, special.links.pdf);
    const anonymousNone = await get(w, `/v1/reports/${missing}?format=pdf`);
    expect(anonymous.status).toBe(401);
    expect([anonymousNone.status, anonymousNone.json.code]).toEqual([anonymous.status, anonymous.json.code]);
    expect(anonymous.text).not.toContain('济阳市监简罚');
    // Anyone verifies a number; a number never issued is not found.
    expect((await get(w, `/v1/reports/${missing}/verify`)).status).toBe(404);
    // Another entity may not have a report made of this one.
    const forOther = await post(w, '/v1/reports', otherEntity.token, { uscc: entity.uscc, scope: 'public' });
    expect([forOther.status, forOther.json.code]).toEqual([403, 'report_for_other_entity']);
    expect((await api.list(entity.token, '/v1/entity/reports')).map((r) => r.number)).toEqual([
      special.number,
      report.number,
    ]);
  });

  it('an agency has a public report made only for an entity of its own check', async ({
    service,
    otherAgency,
    entity,
  }) => {
    const w = { service };
    const noCheck = await post(w, '/v1/reports', otherAgency.token, { uscc: entity.uscc, scope: 'public' });
    expect([noCheck.status, noCheck.json.code, noCheck.json.field]).toEqual([
      422,
      'check_required',
      'checkId',
    ]);
    const check = await post(w, '/v1/checks', otherAgency.token, {
      uscc: entity.uscc,
      matter: { name: '政府采购供应商资格审查', type: '政府采购' },
    });
    const special = await post(w, '/v1/reports', otherAgency.token, {
      uscc: entity.uscc,
      scope: 'special',
      checkId: check.json.id,
    });
    expect([special.status, special.json.code]).toEqual([403, 'special_report_entity_only']);
    const made = await post(w, '/v1/reports', otherAgency.token, {
      uscc: entity.uscc,
      scope: 'public',
      checkId: check.json.id,
    });
    expect(made.status).toBe(201);
    const pdf = await download(w, made.json.links.pdf, otherAgency.token);
    expect((await pdfText(pdf.bytes)).text).toContain(made.json.number);
  });
});
