import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANY_IMPACT, axeViolations, DESKTOP, describeViolations, PHONE } from '../support/browser.ts';
import { pdfOf } from '../support/materials.ts';
import { anEntityParty } from '../support/workflow-mothers.ts';
import { openSignedIn, penaltyNamed, type SiteWorld, sha256Hex, siteWorld } from './site-world.ts';

/*
 * Objection evidence as a real file, walked in Chromium: the entity files an objection with a
 * 2 MB PDF on 我的, the file goes up through its link and is checked; the clerk opens that
 * very PDF from the objection queue; another entity gets nothing for it.
 */

let world: SiteWorld;

beforeAll(async () => {
  world = await siteWorld();
});
afterAll(() => world.stop());

describe.each([
  ['desktop', DESKTOP],
  ['390 px', PHONE],
])('an objection with a 2 MB PDF (%s)', (size, viewport) => {
  it('is filed with its file, which the agency opens with the same SHA-256, and another entity cannot', async () => {
    const { api, agency, entity } = world;
    const name = `济南市济阳区材料上传${size === 'desktop' ? '甲' : '乙'}有限公司`;
    const recordId = await api.register(agency, penaltyNamed(entity.uscc, name));
    const pdf = pdfOf(2 * 1024 * 1024, name);

    // The entity files the objection on 我的, choosing the PDF.
    const filer = await openSignedIn(world, 'account.html', entity.token, viewport);
    const page = filer.page;
    await page
      .locator(`#my-records [data-record-id="${recordId}"]`)
      .getByRole('button', { name: /提出异议/ })
      .click();
    const form = page.locator('#objection-form');
    await form.getByLabel('异议事由').selectOption('content_error');
    await form.getByLabel('异议陈述').fill('处罚决定书载明的罚款金额与公示不符，附决定书扫描件。');
    await form.getByRole('button', { name: '添加一项材料' }).click();
    await form
      .getByLabel('材料文件')
      .setInputFiles({ name: '行政处罚决定书.pdf', mimeType: 'application/pdf', buffer: pdf });
    await form.getByText(`SHA-256：${sha256Hex(pdf)}`).waitFor();
    await form.getByRole('button', { name: '提交异议' }).click();
    await form.getByText('第 1 项材料已上传并核对无误').waitFor();
    const filerViolations = await axeViolations(page, ANY_IMPACT);
    const [objection] = (await api.list(entity.token, '/v1/entity/objections')).filter(
      (o) => o.recordId === recordId,
    );

    // The clerk opens it from the objection queue.
    const clerk = await openSignedIn(
      world,
      `workbench-objections.html#${objection.id}`,
      agency.token,
      viewport,
    );
    const item = clerk.page.locator(`li[data-id="${objection.id}"]`);
    const download = clerk.page.waitForEvent('download');
    await item.getByRole('button', { name: '打开文件（2.0 MB）：行政处罚决定书.pdf' }).click();
    const file = await download;
    const bytes = await readFile((await file.path()) as string);
    const clerkViolations = await axeViolations(clerk.page, ANY_IMPACT);

    // Another entity asks for the same file.
    const other = await anEntityParty(world.service);
    const foreign = await api.send('GET', `/v1/objections/${objection.id}/materials/1`, {
      token: other.token,
    });

    expect(file.suggestedFilename()).toBe('行政处罚决定书.pdf');
    expect(sha256Hex(bytes)).toBe(sha256Hex(pdf));
    expect(foreign.status).toBe(403);
    expect(filerViolations, describeViolations(filerViolations)).toEqual([]);
    expect(clerkViolations, describeViolations(clerkViolations)).toEqual([]);
    expect([...filer.trouble.errors, ...clerk.trouble.errors]).toEqual([]);
    await page.context().close();
    await clerk.page.context().close();
  });
});
