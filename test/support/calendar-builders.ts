/** A valid PUT /v1/calendar/{year} body, to be varied one field at a time. */
export function officialYearBody(year: number, overrides: Record<string, unknown> = {}) {
  return {
    holidays: [
      { date: `${year}-01-01`, name: '元旦' },
      { date: `${year}-10-01`, name: '国庆节' },
    ],
    workdays: [] as string[],
    source: { title: `国务院办公厅关于${year}年部分节假日安排的通知`, urls: ['https://www.gov.cn/zhengce/'] },
    ...overrides,
  };
}
