import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, DESKTOP, describeViolations, openPage, PHONE } from '../support/browser.ts';
import { daysAgo, today } from '../support/workflow-mothers.ts';
import { type SiteWorld, siteWorld } from './site-world.ts';

/*
 * 登记行政行为 (workbench-record.html): a clerk registers and publishes a penalty through the
 * form rendered from the API's schemas, with the mouse or with the keyboard alone; sees an API
 * refusal beside its input; corrects and revokes the record, and the public record then shows
 * the revocation's reason.
 */

let world: SiteWorld;

beforeAll(async () => {
  world = await siteWorld();
});

afterAll(() => world.stop());

async function openSignedIn(path: string, viewport = DESKTOP) {
  const { page, trouble } = await openPage(world.browser, { viewport, isMobile: viewport === PHONE });
  await page.goto(`${world.service.url}/index.html`);
  await page.evaluate(`sessionStorage.setItem('disclosure.token', ${JSON.stringify(world.agency.token)})`);
  await page.goto(`${world.service.url}/${path}`);
  await page.locator('#f-penalty-facts').waitFor();
  return { page, trouble };
}

async function expectNoSeriousViolations(page: Page) {
  const violations = await axeViolations(page);
  expect(violations, describeViolations(violations)).toEqual([]);
}

let serial = 0;
const documentNumber = () => `济阳市监罚〔2026〕${Date.now() % 100000}-${++serial}号`;

/** Fills a general penalty (罚款) against the world's entity, decided `decisionDate`. */
async function fillPenalty(page: Page, number: string, decisionDate = today()) {
  await page.fill('#f-documentNumber', number);
  await page.fill('#f-decisionDate', decisionDate);
  await page.fill('#f-subject-name', '济阳区示例食品有限公司');
  await page.selectOption('#f-subject-category', 'legal_person');
  await page.fill('#f-subject-uscc', world.entity.uscc);
  await page.fill('#f-penalty-violationType', '销售过期食品');
  await page.fill('#f-penalty-facts', '当事人在店内销售超过保质期的食品。');
  await page.fill('#f-penalty-basis', '《中华人民共和国食品安全法》第一百二十四条');
  await page.getByRole('checkbox', { name: '罚款', exact: true }).check();
  await page.fill('#f-penalty-content', '罚款人民币贰万元整');
  await page.fill('#f-penalty-fineAmount', '2');
  await page.selectOption('#f-penalty-severity', 'general');
  await page.selectOption('#f-penalty-procedure', 'ordinary');
}

const recordIdOf = (page: Page) => new URL(page.url()).searchParams.get('id') ?? '';

describe('登记行政行为', () => {
  it('registers a penalty and publishes it; the public record then shows it', async () => {
    const { page, trouble } = await openSignedIn('workbench-record.html', PHONE);
    const number = documentNumber();
    await fillPenalty(page, number);
    await page.getByRole('button', { name: '登记并公示' }).click();
    await page.locator('#summary-body').getByText('已登记并公示。').waitFor();

    const id = recordIdOf(page);
    expect(id).toMatch(/^rec_/);
    await expect(page.locator('#summary-body').textContent()).resolves.toContain('已公示');
    const shown = await world.api.send('GET', `/v1/disclosures/${id}`);
    expect(shown.status).toBe(200);
    expect(shown.text).toContain(number);
    await expectNoSeriousViolations(page);
    expect(trouble.errors).toEqual([]);
    await page.context().close();
  });

  it('registers first and publishes later with 公示', async () => {
    const { page, trouble } = await openSignedIn('workbench-record.html');
    await fillPenalty(page, documentNumber());
    await page.getByRole('button', { name: '登记', exact: true }).click();
    await page.locator('#summary-body').getByText('已登记，尚未公示。').waitFor();
    const id = recordIdOf(page);
    expect((await world.api.send('GET', `/v1/disclosures/${id}`)).status).toBe(404);

    await page.getByRole('button', { name: '公示', exact: true }).click();
    await page.locator('#summary-body').getByText('已公示。').waitFor();
    expect((await world.api.send('GET', `/v1/disclosures/${id}`)).status).toBe(200);
    expect(trouble.errors).toEqual([]);
    await page.context().close();
  });

  it('can be completed with the keyboard alone (Tab, typing, Space, arrows, Enter)', async () => {
    const { page, trouble } = await openSignedIn('workbench-record.html');
    const number = documentNumber();
    const typed: Record<string, string> = {
      documentNumber: number,
      'subject.name': '济阳区键盘测试有限公司',
      'subject.uscc': world.entity.uscc,
      'penalty.violationType': '未按规定公示信息',
      'penalty.facts': '当事人未按规定公示年度报告。',
      'penalty.basis': '《企业信息公示暂行条例》第十八条',
      'penalty.content': '罚款人民币壹万元整',
      'penalty.fineAmount': '1',
    };
    // Selects: the number of ArrowDown presses from 请选择 to the wanted option.
    const arrows: Record<string, number> = {
      'subject.category': 1, // 法人及非法人组织
      'penalty.severity': 2, // 一般
      'penalty.procedure': 1, // 普通程序
      'penalty.sector': 4, // 其他领域: ↑ below gives 1 January, when Order No. 58 wants the sector
    };
    const focused = () =>
      page.evaluate<{ id: string; name: string; type: string; value: string }>(
        "(({ id = '', name = '', type = '', value = '' } = document.activeElement ?? {}) => ({ id, name, type, value }))()",
      );
    let dated = false;
    for (let i = 0; i < 80; i++) {
      await page.keyboard.press('Tab');
      const now = await focused();
      if (now.id === 'register-publish') break;
      if (now.name === 'decisionDate' && !dated) {
        dated = true;
        // A date input is three stops for Tab (year, month, day); ↑ on an empty one gives this
        // year, then January and the 1st.
        await page.keyboard.press('ArrowUp');
        await page.keyboard.press('Tab');
        await page.keyboard.press('ArrowUp');
        await page.keyboard.press('Tab');
        await page.keyboard.press('ArrowUp');
      } else if (typed[now.name] !== undefined) await page.keyboard.type(typed[now.name] as string);
      else if (arrows[now.name] !== undefined) {
        for (let n = 0; n < (arrows[now.name] as number); n++) await page.keyboard.press('ArrowDown');
      } else if (now.type === 'checkbox' && now.value === '罚款') await page.keyboard.press('Space');
    }
    await expect(focused()).resolves.toMatchObject({ id: 'register-publish' });
    await page.keyboard.press('Enter');
    await page.locator('#summary-body').getByText('已登记并公示。').waitFor();
    const shown = await world.api.send('GET', `/v1/disclosures/${recordIdOf(page)}`);
    expect(shown.status).toBe(200);
    expect(shown.text).toContain(number);
    expect(trouble.errors).toEqual([]);
    await page.context().close();
  });

  it('shows an API refusal beside its input and stores nothing', async () => {
    const { page, trouble } = await openSignedIn('workbench-record.html');
    const number = documentNumber();
    await fillPenalty(page, number, daysAgo(10));
    // The browser cannot know this rule: the misconduct cannot end after the decision.
    await page.fill('#f-penalty-misconductEndedOn', daysAgo(2));
    await page.getByRole('button', { name: '登记', exact: true }).click();

    const note = page.locator('#f-penalty-misconductEndedOn-error');
    await note.waitFor();
    await expect(note.textContent()).resolves.toBe('失信行为终止日期不能晚于处罚决定日期');
    await expect(page.locator('#f-penalty-misconductEndedOn').getAttribute('aria-invalid')).resolves.toBe(
      'true',
    );
    await expect(
      page.locator('#f-penalty-misconductEndedOn').getAttribute('aria-describedby'),
    ).resolves.toContain('f-penalty-misconductEndedOn-error');
    expect(new URL(page.url()).searchParams.get('id')).toBeNull();
    const listed = await world.api.send('GET', '/v1/agency/records?status=registered&limit=100', {
      token: world.agency.token,
    });
    expect(listed.text).not.toContain(number);
    await expectNoSeriousViolations(page);
    expect(trouble.errors).toEqual([]);
    await page.context().close();
  });

  it('corrects a published record showing what changed, then revokes it; the public record gives the reason', async () => {
    const { page, trouble } = await openSignedIn('workbench-record.html');
    await fillPenalty(page, documentNumber(), daysAgo(3));
    await page.getByRole('button', { name: '登记并公示' }).click();
    await page.locator('#summary-body').getByText('已登记并公示。').waitFor();
    const id = recordIdOf(page);

    await page.getByRole('button', { name: '更正', exact: true }).click();
    await page.fill('#f-penalty-content', '罚款人民币叁万元整');
    await page.fill('#f-penalty-fineAmount', '3');
    await page.getByRole('button', { name: '查看更正内容' }).click();
    const changes = page.locator('#review-list li');
    await expect(changes.allTextContents()).resolves.toEqual([
      '处罚内容：罚款人民币贰万元整 → 罚款人民币叁万元整',
      '罚款金额（万元）：2 → 3',
    ]);
    await page.fill('#c-reason', '罚款金额录入错误');
    await page.getByRole('button', { name: '提交更正' }).click();
    await page.locator('#summary-body').getByText('已更正', { exact: false }).waitFor();
    const corrected = await world.api.send('GET', `/v1/disclosures/${id}`);
    expect(corrected.text).toContain('罚款人民币叁万元整');

    await page.getByRole('button', { name: '撤销', exact: true }).click();
    await page.fill('#r-reason', '经行政复议，原处罚决定被撤销');
    await page.fill('#r-date', today());
    await page.fill('#r-number', '济阳复决〔2026〕7号');
    await expectNoSeriousViolations(page);
    await page.getByRole('button', { name: '确认撤销' }).click();
    await page.locator('#summary-body').getByText('已撤销，公示页面显示撤销说明。').waitFor();
    await expect(page.locator('#summary-body').textContent()).resolves.toContain(
      '经行政复议，原处罚决定被撤销',
    );

    const notice = await world.api.send('GET', `/v1/disclosures/${id}`);
    expect(notice.text).toContain('经行政复议，原处罚决定被撤销');
    const { page: reader } = await openPage(world.browser);
    await reader.goto(`${world.service.url}/record.html?id=${id}`);
    await reader.getByText('经行政复议，原处罚决定被撤销').waitFor();
    await reader.context().close();
    expect(trouble.errors).toEqual([]);
    await page.context().close();
  });
});
