/**
 * The district the site serves, in one place: its name, the credit office people may contact
 * and the legal notice of the footer. The pages are stamped with the defaults (济阳区); the
 * local server (local/static-files.ts) and the AWS deployment (infra/website-deployment.ts)
 * put the configured values in as they serve or deploy them, so another district or a city
 * runs the same build. Locally from the environment, on AWS from `cdk deploy -c site…=`.
 */
export interface SiteConfig {
  /** 济阳区信用信息公示: the site's name in every header and title. */
  readonly name: string;
  /** Who answers for the site and how to reach them. */
  readonly officeContact: string;
  readonly legalNotice: string;
}

export const DEFAULT_SITE: SiteConfig = {
  name: '济阳区信用信息公示',
  officeContact: '济南市济阳区社会信用体系建设工作领导小组办公室（济阳信用办）',
  legalNotice:
    '本站依据《山东省社会信用条例》和济阳信用办〔2020〕2号文件公示行政行为信息；转载、使用请注明来源，不得用于非法用途。',
};

/** The three settings as environment variables (and, lower-cased, cdk context keys). */
export const SITE_SETTINGS = {
  name: 'SITE_NAME',
  officeContact: 'SITE_OFFICE_CONTACT',
  legalNotice: 'SITE_LEGAL_NOTICE',
} as const satisfies Record<keyof SiteConfig, string>;

/** The site from SITE_NAME, SITE_OFFICE_CONTACT and SITE_LEGAL_NOTICE; each unset one keeps its default. */
export function siteFrom(values: Readonly<Record<string, string | undefined>>): SiteConfig {
  const pick = (key: keyof SiteConfig) => {
    const value = values[SITE_SETTINGS[key]]?.trim();
    if (value !== undefined && value.length > 200)
      throw new Error(`${SITE_SETTINGS[key]} is longer than 200 characters`);
    return value || DEFAULT_SITE[key];
  };
  return { name: pick('name'), officeContact: pick('officeContact'), legalNotice: pick('legalNotice') };
}

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * A stamped page with the site's own values: the name wherever the default stands (titles,
 * header), the footer's contact and notice in their marked paragraphs.
 */
export function renderSite(html: string, site: SiteConfig): string {
  if (site === DEFAULT_SITE) return html;
  return html
    .replaceAll(DEFAULT_SITE.name, escapeHtml(site.name))
    .replace(
      /(<p data-site="office-contact">)[^<]*(<\/p>)/,
      (_m, open: string, close: string) => `${open}联系：${escapeHtml(site.officeContact)}${close}`,
    )
    .replace(
      /(<p data-site="legal-notice">)[^<]*(<\/p>)/,
      (_m, open: string, close: string) => `${open}${escapeHtml(site.legalNotice)}${close}`,
    );
}
