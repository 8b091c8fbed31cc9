import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, DESKTOP, describeViolations, openPage, PHONE } from '../support/browser.ts';
import {
  aCompany,
  allPages,
  type CsvRow,
  csvOf,
  penaltyCsvRow,
  withWrongCheck,
} from '../support/record-mothers.ts';
import { anAgencyParty, type Party } from '../support/workflow-mothers.ts';
import { type SiteWorld, siteWorld } from './site-world.ts';

/*
 * 批量导入 (workbench-upload.html): a clerk uploads twenty penalties, three of them bad, as a
 * GB18030 CSV (what Excel saves on a Chinese Windows machine) and as an .xlsx of the same rows,
 * and sees exactly the three errors with row, column and the Chinese message; the good rows
 * are stored once (the second file finds them existing).
 */

let world: SiteWorld;
let agency: Party;

beforeAll(async () => {
  world = await siteWorld();
  agency = await anAgencyParty(world.service); // a worklist of its own, to count what is stored
});

afterAll(() => world.stop());

/** Twenty rows, three bad (rows 4, 9 and 15), with characters GBK has and ASCII lacks. */
function twentyRows(): CsvRow[] {
  return Array.from({ length: 20 }, (_, i) => {
    const row = penaltyCsvRow({
      行政相对人名称: `福州市鼓楼区鑫犇商贸有限公司（第${i + 1}分店）`,
      违法事实: `当事人销售“犇牌”商品未明码标价，货值${i + 1}千元`,
    });
    if (i === 3) return { ...row, 行政相对人类别: '外星人' };
    if (i === 8) return { ...row, 统一社会信用代码: withWrongCheck(aCompany()) };
    if (i === 14) return { ...row, 处罚决定日期: '2099-01-01' };
    return row;
  });
}

/** The rows as an .xlsx sheet under the same headers. */
async function xlsxOf(rows: readonly CsvRow[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('行政处罚');
  const header = Object.keys(rows[0] ?? {});
  sheet.addRow(header);
  // Dates and amounts as Excel stores what a clerk types: a date cell, a number.
  const cell = (name: string, value: string) => {
    const date = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})$/.exec(value);
    if (date) return new Date(Date.UTC(Number(date[1]), Number(date[2]) - 1, Number(date[3])));
    return name === '罚款金额（万元）' ? Number(value) : value;
  };
  for (const row of rows) sheet.addRow(header.map((name) => cell(name, row[name] ?? '')));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function openUpload(viewport = DESKTOP) {
  const { page, trouble } = await openPage(world.browser, { viewport, isMobile: viewport === PHONE });
  await page.goto(`${world.service.url}/index.html`);
  await page.evaluate(`sessionStorage.setItem('disclosure.token', ${JSON.stringify(agency.token)})`);
  await page.goto(`${world.service.url}/workbench-upload.html`);
  await page.locator('#templates li').first().waitFor();
  return { page, trouble };
}

/** Uploads a file through the page and reads the result table once it is there. */
async function upload(page: Page, file: { name: string; mimeType: string; buffer: Buffer }) {
  await page.evaluate("document.getElementById('upload-result').hidden = true");
  await page.setInputFiles('#u-file', file);
  await page.getByRole('button', { name: '上传并导入' }).click();
  await page.locator('#upload-result:not([hidden])').waitFor();
  const rows = await page
    .locator('#result-rows tr')
    .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
  return { summary: await page.locator('#result-summary').textContent(), rows };
}

const errorsOf = (rows: string[][]) =>
  rows
    .filter(([, status]) => status === '错误')
    .map(([row, , column, message]) => ({ row, column, message }));

const EXPECTED_ERRORS = [
  { row: '4', column: '行政相对人类别', message: expect.stringMatching(/[\u4e00-\u9fff]/) },
  { row: '9', column: '统一社会信用代码', message: '统一社会信用代码格式或校验位错误' },
  { row: '15', column: '处罚决定日期', message: expect.stringMatching(/[\u4e00-\u9fff]/) },
];

describe('批量导入', () => {
  it('imports a GB18030 CSV and an .xlsx of the same rows: the same three errors, the good rows stored once', async () => {
    const rows = twentyRows();
    const { page, trouble } = await openUpload(PHONE);
    const gb18030 = iconv.encode(csvOf(rows), 'gb18030');
    expect(gb18030.includes(Buffer.from('鑫犇', 'utf8'))).toBe(false); // really not UTF-8

    const first = await upload(page, { name: '处罚.csv', mimeType: 'text/csv', buffer: gb18030 });
    expect(first.summary).toMatch(/^共 20 行：新建 17 行，已存在 0 行，错误 3 行。/);
    expect(first.rows).toHaveLength(20);
    expect(errorsOf(first.rows)).toEqual(EXPECTED_ERRORS);
    expect(first.rows.filter(([, status]) => status === '新建')).toHaveLength(17);

    const xlsx = await xlsxOf(rows);
    const second = await upload(page, {
      name: '处罚.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: xlsx,
    });
    expect(second.summary).toMatch(/^共 20 行：新建 0 行，已存在 17 行，错误 3 行。/);
    expect(errorsOf(second.rows)).toEqual(EXPECTED_ERRORS);

    const stored = await allPages(world.service.url, '/v1/agency/records?status=registered', {
      token: agency.token,
    });
    expect(stored.items).toHaveLength(17);
    const one = await world.api.send('GET', `/v1/records/${stored.items[0]?.id}`, { token: agency.token });
    expect(one.text).toContain('鑫犇商贸'); // no mojibake
    const violations = await axeViolations(page);
    expect(violations, describeViolations(violations)).toEqual([]);
    expect(trouble.errors).toEqual([]);
    await page.context().close();
  });

  it('offers a CSV and an .xlsx template for every kind, and refuses a file that is neither', async () => {
    const { page, trouble } = await openUpload();
    const links = await page
      .locator('#templates a')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(links).toHaveLength(20);
    expect(links).toContain('/v1/templates/penalty?format=xlsx');
    expect(links).toContain('/v1/templates/license?format=csv');
    const template = await fetch(`${world.service.url}/v1/templates/penalty?format=csv`);
    expect(template.status).toBe(200);

    await page.setInputFiles('#u-file', {
      name: '说明.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('x'),
    });
    await page.getByRole('button', { name: '上传并导入' }).click();
    await expect(page.locator('#u-file-error').textContent()).resolves.toBe('请选择 .csv 或 .xlsx 文件');
    const violations = await axeViolations(page);
    expect(violations, describeViolations(violations)).toEqual([]);
    expect(trouble.errors).toEqual([]);
    await page.context().close();
  });
});
