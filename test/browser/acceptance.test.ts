import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPage } from '../support/browser.ts';
import { pdfOf } from '../support/materials.ts';
import { APPROVE } from '../support/workflow-mothers.ts';
import {
  penaltyNamed,
  type SiteWorld,
  sha256Hex,
  signIn,
  siteWorld,
  UPHOLD_WITH_CORRECTION,
} from './site-world.ts';

let world: SiteWorld;

beforeAll(async () => {
  world = await siteWorld();
});
afterAll(() => world.stop());

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('the website walked as the public and an entity would', () => {
  it('finds a record by two characters of its name, objects to it as the entity, and shows 异议处理中 and then the corrected version', async () => {
    const { service, api, agency, entity, browser } = world;
    const name = '济南市济阳区鑫源商贸有限公司';
    const recordId = await api.register(agency, penaltyNamed(entity.uscc, name));
    const { page, trouble } = await openPage(browser);
    const scan = pdfOf(40_000, '行政处罚决定书扫描件（示例）');

    // The public searches by a fragment and opens the record.
    await page.goto(`${service.url}/`);
    await page.getByLabel('名称').fill('鑫源');
    await page.getByRole('button', { name: '查询' }).click();
    await page.getByRole('link', { name }).click();
    await page.getByRole('heading', { level: 1, name }).waitFor();
    expect(await page.getByText('异议处理中').count()).toBe(0);

    // The entity signs in on 我的 and files an objection with one piece of evidence.
    await page.getByRole('link', { name: '我的', exact: true }).click();
    await page.getByLabel('访问令牌').fill(entity.token);
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page
      .locator(`#my-records [data-record-id="${recordId}"]`)
      .getByRole('button', { name: /提出异议/ })
      .click();
    const form = page.locator('#objection-form');
    expect(await form.getByLabel('异议的公示信息').inputValue()).toBe(recordId);
    await form.getByLabel('异议事由').selectOption('content_error');
    await form.getByLabel('异议陈述').fill('处罚决定书载明的罚款金额为叁万元，公示为伍万元。');
    await form.getByRole('button', { name: '添加一项材料' }).click();
    await form
      .getByLabel('材料文件')
      .setInputFiles({ name: '处罚决定书.pdf', mimeType: 'application/pdf', buffer: scan });
    await form.getByText(`SHA-256：${sha256Hex(scan)}`).waitFor();
    const filing = page.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith('/v1/objections'));
    await form.getByRole('button', { name: '提交异议' }).click();
    const sent = await filing;
    await form.getByText(/异议已提交/).waitFor();
    await form.getByText('第 1 项材料已上传并核对无误').waitFor();

    // The public detail page carries the label.
    await page
      .locator('#my-objections')
      .getByRole('link', { name: /济市监罚/ })
      .click();
    await page.getByRole('heading', { level: 1, name }).waitFor();
    const labelled = await page.locator('.badge.pending').textContent();

    // The agency upholds the objection with a correction; the page shows version 2.
    const [objection] = (await api.list(entity.token, '/v1/entity/objections')).filter(
      (o) => o.recordId === recordId,
    );
    const decided = await api.decideObjection(agency.token, objection.id, UPHOLD_WITH_CORRECTION);
    await page.reload();
    await page.locator('dl dd').getByText('版本 2', { exact: true }).waitFor();
    const history = await page.locator('table tbody tr').allTextContents();

    expect(sent.headers()['idempotency-key']).toMatch(UUID);
    expect(objection).toMatchObject({
      reason: 'content_error',
      evidence: [{ name: '处罚决定书.pdf', sha256: sha256Hex(scan) }],
    });
    expect(labelled).toBe('异议处理中');
    expect(decided.status).toBe(200);
    expect(await page.getByText('异议处理中').count()).toBe(0);
    expect(await page.getByText('罚款人民币叁万元整').count()).toBe(1);
    expect(history).toEqual([expect.stringContaining('异议成立：罚款金额录入错误')]);
    expect(history[0]).toContain('版本 2');
    expect(history[0]).toContain('处罚内容、罚款金额（万元）');
    expect(trouble.errors).toEqual([]);
  });

  it('applies for credit repair as the entity and, once approved, downloads the decision document', async () => {
    const { service, api, agency, entity, browser } = world;
    const recordId = await api.register(agency, penaltyNamed(entity.uscc, '济南市济阳区修复示例有限公司'));
    const { page, trouble } = await openPage(browser);
    const receipt = pdfOf(20_000, '罚款缴款凭证（示例）');

    await signIn(page, service.url, entity.token);
    await page
      .locator(`#my-records [data-record-id="${recordId}"]`)
      .getByRole('button', { name: /申请信用修复/ })
      .click();
    const form = page.locator('#repair-form');
    await form
      .getByLabel('材料文件')
      .setInputFiles({ name: '罚款缴款凭证.pdf', mimeType: 'application/pdf', buffer: receipt });
    await form.getByText(`SHA-256：${sha256Hex(receipt)}`).waitFor();
    await form.getByRole('button', { name: '提交申请' }).click();
    await form.getByText(/信用修复申请已提交/).waitFor();
    await form.getByText('第 1 项材料已上传并核对无误').waitFor();
    const [repair] = (await api.list(entity.token, '/v1/entity/repairs')).filter(
      (r) => r.recordId === recordId,
    );
    const approved = await api.decideRepair(agency.token, repair.id, APPROVE);
    await page.reload();
    const card = page.locator(`[data-repair-id="${repair.id}"]`);
    await card.getByText('已同意修复').first().waitFor();
    const download = page.waitForEvent('download');
    await card.getByRole('button', { name: '下载信用修复决定书' }).click();
    const file = await (await download).path();

    expect(repair).toMatchObject({
      commitment: { text: expect.stringContaining('本单位承诺') },
      evidence: [{ name: '罚款缴款凭证.pdf', sha256: sha256Hex(receipt) }],
    });
    expect(approved.status).toBe(200);
    expect(await readFile(file, 'utf8')).toContain('信用修复决定书');
    expect(trouble.errors).toEqual([]);
  });
});
