import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PHONE } from '../support/browser.ts';
import { penaltyInput } from '../support/record-builders.ts';
import { objectionBody, repairBody, today } from '../support/workflow-mothers.ts';
import {
  expectNoSeriousViolations,
  openSignedIn,
  penaltyNamed,
  type SiteWorld,
  siteWorld,
} from './site-world.ts';

/*
 * The agency's workbench: the home page's counts and deadlines, and the objection and repair
 * queues, walked by a clerk in Chromium; what the entity then reads comes from the API.
 */

let world: SiteWorld;
let adminToken: string;

beforeAll(async () => {
  world = await siteWorld();
  adminToken = await world.service.token('--role admin');
});

afterAll(() => world.stop());

/** Puts the token where auth.js keeps it, then opens `path`. */

const settled = (page: Page) => page.locator('#q-state[data-kind]:not([data-kind="loading"])').waitFor();

describe('工作台 home page', () => {
  it('shows the counts and deadlines of seeded records, in working days', async () => {
    const send = (body: unknown) =>
      world.api.send('POST', '/v1/records', { token: world.agency.token, body });
    await send(penaltyInput({ decisionDate: '2026-08-01' }));
    await send(penaltyInput({ decisionDate: today() }));

    const { page, trouble } = await openSignedIn(world, 'workbench.html', world.agency.token, PHONE);
    const overdue = page.locator('section[data-section="overdue"]');
    await overdue.locator('.worklist-item').first().waitFor();

    await expect(overdue.locator('[data-count]').textContent()).resolves.toBe('1');
    await expect(overdue.textContent()).resolves.toMatch(/截止日期 2026-08-11，已逾期 \d+ 个工作日/);
    const registered = page.locator('section[data-section="registered"]');
    await expect(registered.locator('[data-count]').textContent()).resolves.toBe('2');
    await expect(registered.textContent()).resolves.toMatch(/剩余 7 个工作日/);
    expect(await registered.locator('a[href^="workbench-record.html?id=rec_"]').count()).toBe(2);
    await expectNoSeriousViolations(page);
    expect(trouble.errors).toEqual([]);
    await page.context().close();
  });

  it('asks someone not signed in to sign in, and sends an admin to the office pages', async () => {
    const anonymous = await openSignedIn(world, 'workbench.html', undefined);
    await anonymous.page.locator('[data-staff-guard]').waitFor();
    await expect(anonymous.page.locator('[data-staff-guard]').textContent()).resolves.toContain('请先登录');
    expect(await anonymous.page.locator('[data-staff-guard] a[href="account.html"]').count()).toBe(1);
    await anonymous.page.context().close();

    const admin = await openSignedIn(world, 'workbench.html', adminToken);
    await admin.page.locator('[data-staff-guard] a[href="office.html"]').waitFor();
    await admin.page.context().close();
  });
});

describe('异议处理', () => {
  it('lets a clerk accept and uphold an objection with the keyboard; the entity then reads the outcome', async () => {
    const { api, agency, entity } = world;
    const recordId = await api.register(agency, penaltyNamed(entity.uscc, '济阳区异议页面测试有限公司'));
    const objectionId = (await api.object(entity, objectionBody(recordId))).json.id;

    const { page, trouble } = await openSignedIn(world, 'workbench-objections.html', agency.token);
    await settled(page);
    const item = page.locator(`li[data-id="${objectionId}"]`);
    await expect(item.textContent()).resolves.toContain('济阳区异议页面测试有限公司');
    await expect(item.textContent()).resolves.toMatch(/剩余 3 个工作日/);
    await expectNoSeriousViolations(page);

    await item.getByLabel(/需其他单位协助核实/).focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await item.getByText('已受理。').waitFor();

    // A decision without a reason is refused beside the reason field.
    await item.getByLabel('异议成立').check();
    await item.getByRole('button', { name: '作出决定' }).focus();
    await page.keyboard.press('Enter');
    await item.locator('textarea[aria-invalid="true"]').waitFor();

    await item.getByLabel('处理理由').focus();
    await page.keyboard.type('原处罚决定已被依法撤销');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await item.getByText(/已作出决定：异议成立，公示信息已撤销/).waitFor();

    const answer = await api.objection(entity.token, objectionId);
    expect(answer.json).toMatchObject({
      status: 'decided',
      needsOtherUnit: true,
      decision: { outcome: 'upheld', effect: 'revoked', reason: '原处罚决定已被依法撤销' },
    });
    expect(trouble.errors).toEqual([]);
    await page.context().close();
  });
});

describe('信用修复', () => {
  it('lets a clerk approve a repair application; the entity then reads the decision', async () => {
    const { api, agency, entity } = world;
    const recordId = await api.register(agency, penaltyNamed(entity.uscc, '济阳区修复页面测试有限公司'));
    const repairId = (await api.fileRepair(entity, repairBody(recordId))).json.id;

    const { page, trouble } = await openSignedIn(world, 'workbench-repairs.html', agency.token, PHONE);
    await settled(page);
    const item = page.locator(`li[data-id="${repairId}"]`);
    await expect(item.textContent()).resolves.toContain('信用修复承诺');
    await expectNoSeriousViolations(page);

    await item.getByLabel('决定理由').focus();
    await page.keyboard.type('已缴清罚款并完成整改');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await item.getByText('已作出决定：已同意修复。').waitFor();

    const answer = await api.repair(entity.token, repairId);
    expect(answer.json).toMatchObject({ status: 'approved', decision: { outcome: 'approved' } });
    expect(trouble.errors).toEqual([]);
    await page.context().close();
  });
});
