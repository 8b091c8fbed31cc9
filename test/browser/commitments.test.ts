import { createHash } from 'node:crypto';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ANY_IMPACT,
  axeViolations,
  DESKTOP,
  describeViolations,
  openPage,
  PHONE,
} from '../support/browser.ts';
import { commitmentClient } from '../support/commitment-mothers.ts';
import { openSignedIn, type SiteWorld, siteWorld } from './site-world.ts';

/*
 * Commitments and reports as people see them in Chromium: the entity's page shows a broken
 * commitment as 未履约 with a link to the decision it led to; on 我的 the entity makes a
 * special report from the keyboard and downloads its PDF, whose hash the verification page
 * confirms (and refuses for a changed copy); on the workbench the agency registers a
 * commitment and records a breach. Desktop width and 390 px, with no axe violation.
 */

let world: SiteWorld;
let brokenId: string;
let penaltyId: string;
beforeAll(async () => {
  world = await siteWorld();
  const commitments = commitmentClient(world.service);
  brokenId = await commitments.committed(world.agency, world.entity);
  penaltyId = await world.api.publishedPenalty(world.agency, world.entity);
  await world.api.send('POST', `/v1/commitments/${brokenId}/breach`, {
    token: world.agency.token,
    body: { finding: '经现场核查，承诺内容不实。', recordId: penaltyId },
  });
});
afterAll(async () => {
  await world.stop();
});

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

async function clean(page: Awaited<ReturnType<typeof openPage>>['page'], width: number, errors: unknown[]) {
  const violations = await axeViolations(page, ANY_IMPACT);
  expect(violations, describeViolations(violations)).toEqual([]);
  expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(width);
  expect(errors).toEqual([]);
  await page.context().close();
}

describe.each([
  ['desktop', DESKTOP],
  ['390 px', PHONE],
])('commitments and reports (%s)', (_size, viewport) => {
  it('the entity page shows the commitment as 未履约, linked to the decision it led to', async () => {
    const { page, trouble } = await openPage(world.browser, { viewport, isMobile: viewport === PHONE });
    await page.goto(`${world.service.url}/entity.html?uscc=${world.entity.uscc}`);
    const card = page.locator(`#commitments li[data-commitment-id="${brokenId}"]`);
    await card.waitFor();
    const text = (await card.textContent()) ?? '';
    expect(text).toContain('审批替代型');
    expect(text).toContain('未履约');
    expect(text).toContain('经现场核查，承诺内容不实。');
    expect(await card.getByRole('link', { name: '由此作出的决定' }).getAttribute('href')).toBe(
      `record.html?id=${penaltyId}`,
    );
    await clean(page, viewport.width, trouble.errors);
  });

  it('我的 makes a special report from the keyboard; verify.html confirms the downloaded PDF and refuses a changed one', async () => {
    const { page, trouble } = await openSignedIn(world, 'account.html', world.entity.token, viewport);
    await page.locator('#my-reports-heading').waitFor();
    await page.getByRole('button', { name: '生成专项信用报告' }).focus();
    await page.keyboard.press('Enter');
    const card = page.locator('#my-reports li').first();
    await expect.poll(async () => (await card.textContent()) ?? '').toContain('专项信用报告');
    const number = (await card.getAttribute('data-report-number')) as string;
    expect(number).toMatch(/^XYBG-/);

    const download = page.waitForEvent('download');
    await card.getByRole('button', { name: `下载 PDF：${number}` }).focus();
    await page.keyboard.press('Enter');
    // Kept apart: the browser's own copy goes with its context.
    const bytes = await readFile(await (await download).path());
    const saved = join(await mkdtemp(join(tmpdir(), 'report-')), `${number}.pdf`);
    await writeFile(saved, bytes);
    const verified = await world.api.send('GET', `/v1/reports/${number}/verify`);
    expect(sha256(bytes)).toBe(verified.json.sha256);
    await clean(page, viewport.width, trouble.errors);

    // The 核验码 on the card opens the verification page, which checks the file in the browser.
    const code = (await world.api.list(world.entity.token, '/v1/entity/reports')).find(
      (r) => r.number === number,
    )?.verificationCode as string;
    const check = await openPage(world.browser, { viewport, isMobile: viewport === PHONE });
    await check.page.goto(`${world.service.url}/verify.html?code=${code}`);
    const input = check.page.getByLabel(/核对已下载的报告文件/);
    await input.setInputFiles(saved);
    const outcome = check.page.locator('#verify-result [role="status"]');
    await expect.poll(async () => (await outcome.textContent()) ?? '').toContain('一致：');
    const changed = Buffer.from(bytes);
    changed[changed.length >> 1] = (changed[changed.length >> 1] ?? 0) ^ 1;
    const changedFile = join(dirname(saved), `changed-${number}.pdf`);
    await writeFile(changedFile, changed);
    await input.setInputFiles(changedFile);
    await expect.poll(async () => (await outcome.textContent()) ?? '').toContain('不一致');
    await clean(check.page, viewport.width, check.trouble.errors);
  });

  it('工作台 → 信用承诺 registers a commitment and records its breach from the keyboard', async () => {
    const { page, trouble } = await openSignedIn(
      world,
      'workbench-commitments.html',
      world.agency.token,
      viewport,
    );
    await page.getByLabel('承诺主体统一社会信用代码').fill(world.entity.uscc);
    await page.getByLabel('承诺主体名称').fill('济南市济阳区承诺测试有限公司');
    await page.getByLabel('承诺事由').fill(`餐饮服务许可（${viewport.width}）`);
    await page.getByLabel('承诺内容').fill('承诺经营场所符合要求。');
    await page.getByRole('button', { name: '登记承诺' }).focus();
    await page.keyboard.press('Enter');
    const card = page.locator('#q-list li', { hasText: `餐饮服务许可（${viewport.width}）` });
    await card.waitFor();
    expect(await card.textContent()).toContain('履约中');

    await card.getByLabel('失信情况').fill('现场核查发现经营场所不符。');
    await card.getByRole('button', { name: '记录未履约' }).focus();
    await page.keyboard.press('Enter');
    const after = page.locator('#q-list li', { hasText: `餐饮服务许可（${viewport.width}）` });
    await expect
      .poll(async () => (await after.locator('.badges').first().textContent()) ?? '')
      .toContain('未履约');
    expect(await after.textContent()).toContain('现场核查发现经营场所不符。');
    expect(await after.locator('form').count()).toBe(0);
    await clean(page, viewport.width, trouble.errors);
  });
});
