import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Synthesized, synthesizeService } from './synthesize.ts';

/*
 * Another district deploys the same build: `-c siteName=… -c siteOfficeContact=…
 * -c siteLegalNotice=…`. The pages CloudFront serves (here, its 404 page inside the page-path
 * function) and the mails (the sweeps function's SITE_NAME) carry the district's words.
 */

const SITE = {
  siteName: '莱芜区信用信息公示',
  siteOfficeContact: '莱芜区社会信用体系建设领导小组办公室',
  siteLegalNotice: '本站依据《山东省社会信用条例》公示。',
};

describe('a district configured at deploy time', () => {
  let synth: Synthesized;
  beforeAll(() => {
    synth = synthesizeService(SITE);
  });
  afterAll(() => synth?.dispose());

  it('serves pages with its name, contact and notice, and none of the default district', () => {
    const code = Object.values(synth.template.findResources('AWS::CloudFront::Function'))
      .map((f) => String(f.Properties.FunctionCode))
      .join('\n');

    expect(code).toContain('<title>页面不存在 - 莱芜区信用信息公示</title>');
    expect(code).toContain('联系：莱芜区社会信用体系建设领导小组办公室');
    expect(code).toContain('本站依据《山东省社会信用条例》公示。');
    expect(code).not.toContain('济阳');
  });

  it('signs the mails with its name', () => {
    const sweeps =
      synth.template.findResources('AWS::Lambda::Function')[synth.logicalId(synth.stack.timers.function)];

    expect(sweeps?.Properties.Environment.Variables.SITE_NAME).toBe('莱芜区信用信息公示');
  });
});
