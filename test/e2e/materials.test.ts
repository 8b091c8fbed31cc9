import { describe, expect, it } from '../support/e2e.ts';
import { expectProblem } from '../support/http.ts';
import { materialOf, PNG, pdfOf, putFile, sha256Of } from '../support/materials.ts';
import { expectFieldProblem } from '../support/record-mothers.ts';
import { APPROVE, evidenceOf, objectionBody, repairBody } from '../support/workflow-mothers.ts';

/*
 * Objection evidence and repair materials as files: the filer sends each through the link the
 * API gives (locally: files under DATA_DIR behind links signed like S3's presigned ones), the
 * service checks the received bytes against the declared digest and type, and only the
 * filing's two parties open them.
 */

const TWO_MB = pdfOf(2 * 1024 * 1024, '行政处罚决定书');
let recordId: string;
let objectionId: string;

it.beforeAll(async ({ api, agency, entity }) => {
  recordId = await api.publishedPenalty(agency, entity);
  const filed = await api.object(
    entity,
    objectionBody(recordId, {
      evidence: [
        materialOf('行政处罚决定书', TWO_MB),
        evidenceOf('只有摘要的材料'),
        materialOf('现场照片', PNG, 'image/png'),
      ],
    }),
  );
  expect(filed.status).toBe(201);
  objectionId = filed.json.id;
});

const path = (n: number, step = '') => `/v1/objections/${objectionId}/materials/${n}${step}`;

describe('an objection with a 2 MB PDF', () => {
  it('shows the file as awaited until it is sent', async ({ api, entity }) => {
    const answer = await api.objection(entity.token, objectionId);

    expect(answer.json.evidence[0]).toEqual({ ...materialOf('行政处罚决定书', TWO_MB) });
    expect(answer.json.evidence[0].file.receivedAt).toBeUndefined();
  });

  it('is sent through its link, checked and received; the agency opens the same bytes', async ({
    api,
    entity,
    agency,
  }) => {
    const link = await api.send('POST', path(1, '/upload'), { token: entity.token });
    const put = await putFile(link.json, TWO_MB);
    const receipt = await api.send('POST', path(1, '/receipt'), { token: entity.token });
    const opened = await api.send('GET', path(1), { token: agency.token });
    const file = await fetch(opened.json.url);
    const bytes = new Uint8Array(await file.arrayBuffer());
    const seen = await api.objection(agency.token, objectionId);

    expect(link.status).toBe(200);
    expect(link.json.method).toBe('PUT');
    expect(put.status).toBe(200);
    expect(receipt.status).toBe(200);
    expect(receipt.json).toMatchObject({ n: 1, size: TWO_MB.length, sha256: sha256Of(TWO_MB) });
    expect(opened.status).toBe(200);
    expect(opened.json).toMatchObject({
      name: '行政处罚决定书',
      contentType: 'application/pdf',
      sha256: sha256Of(TWO_MB),
    });
    expect(file.status).toBe(200);
    expect(file.headers.get('content-disposition')).toContain(encodeURIComponent('行政处罚决定书.pdf'));
    expect(sha256Of(bytes)).toBe(sha256Of(TWO_MB));
    expect(seen.json.evidence[0].file.receivedAt).toBe(receipt.json.receivedAt);
  });

  it('opens for the filer too, and for no other entity, agency or anonymous caller', async ({
    api,
    entity,
    parties,
  }) => {
    const [other, otherAgency] = await Promise.all([parties.entity(), parties.agency()]);

    const own = await api.send('GET', path(1), { token: entity.token });
    const foreign = await api.send('GET', path(1), { token: other.token });
    const foreignAgency = await api.send('GET', path(1), { token: otherAgency.token });
    const anonymous = await api.send('GET', path(1));

    expect(own.status).toBe(200);
    expectProblem(foreign, 403, 'objection_not_accessible');
    expectProblem(foreignAgency, 403, 'objection_not_accessible');
    expect(anonymous.status).toBe(401);
  });

  it('refuses a tampered or expired download link', async ({ api, entity }) => {
    const opened = await api.send('GET', path(1), { token: entity.token });
    const url = new URL(opened.json.url);
    const tampered = new URL(url);
    tampered.searchParams.set('name', 'other.pdf');
    const expired = new URL(url);
    expired.searchParams.set('expires', '1');

    expect((await fetch(tampered)).status).toBe(403);
    expect((await fetch(expired)).status).toBe(403);
  });

  it('takes no second upload of a received file', async ({ api, entity }) => {
    const again = await api.send('POST', path(1, '/upload'), { token: entity.token });

    expectProblem(again, 409, 'material_already_received', 'path.n');
  });

  it('has no file for a digest-only item, and no item past the list', async ({ api, entity }) => {
    expectProblem(
      await api.send('POST', path(2, '/upload'), { token: entity.token }),
      404,
      'material_not_found',
      'path.n',
    );
    expectProblem(
      await api.send('GET', path(9), { token: entity.token }),
      404,
      'material_not_found',
      'path.n',
    );
    const zero = await api.send('POST', path(0, '/upload'), { token: entity.token });
    expectProblem(zero, 400, 'validation_failed', 'path.n');
    expect(zero.json.errors[0].code).toBe('invalid_material_number');
  });
});

describe('bytes that are not what was declared', () => {
  it('are refused by the link itself when the digest differs, and nothing is kept', async ({
    api,
    entity,
  }) => {
    const link = await api.send('POST', path(3, '/upload'), { token: entity.token });
    const other = Buffer.from(PNG);
    other.writeUInt8(other.readUInt8(other.length - 1) ^ 1, other.length - 1);

    const put = await putFile(link.json, other);
    const receipt = await api.send('POST', path(3, '/receipt'), { token: entity.token });

    expect(put.status).toBe(400);
    expect(await put.text()).toContain('BadDigest');
    expectProblem(receipt, 409, 'material_not_uploaded', 'path.n');
  });

  it('are refused with the field when a PNG is declared a PDF, and deleted', async ({
    api,
    agency,
    entity,
  }) => {
    const id = await api.objected(entity, await api.publishedPenalty(agency, entity), {
      evidence: [materialOf('决定书', PNG, 'application/pdf')],
    });
    const link = await api.send('POST', `/v1/objections/${id}/materials/1/upload`, { token: entity.token });

    const put = await putFile(link.json, PNG);
    const receipt = await api.send('POST', `/v1/objections/${id}/materials/1/receipt`, {
      token: entity.token,
    });
    const again = await api.send('POST', `/v1/objections/${id}/materials/1/receipt`, { token: entity.token });

    expect(put.status).toBe(200);
    expectProblem(receipt, 422, 'material_type_mismatch', 'evidence[0].file.contentType');
    expectProblem(again, 409, 'material_not_uploaded', 'path.n');
  });

  it('refuses a link sent another type than it was made for', async ({ api, agency, entity }) => {
    const id = await api.objected(entity, await api.publishedPenalty(agency, entity), {
      evidence: [materialOf('照片', PNG, 'image/png')],
    });
    const link = await api.send('POST', `/v1/objections/${id}/materials/1/upload`, { token: entity.token });

    const put = await putFile(
      { ...link.json, requestHeaders: { ...link.json.requestHeaders, 'content-type': 'image/jpeg' } },
      PNG,
    );

    expect(put.status).toBe(403);
  });
});

describe('a filing whose files cannot be taken', () => {
  it.for<[string, unknown, string, string]>([
    [
      'a text file',
      { contentType: 'text/plain', size: 10 },
      'evidence[0].file.contentType',
      'material_type_forbidden',
    ],
    [
      'a file over 20 MB',
      { contentType: 'application/pdf', size: 20 * 1024 * 1024 + 1 },
      'evidence[0].file.size',
      'material_too_large',
    ],
    ['an empty file', { contentType: 'application/pdf', size: 0 }, 'evidence[0].file.size', 'material_empty'],
  ])(
    'is refused for %s, naming the field, and files nothing',
    async ([, file, field, code], { api, agency, entity }) => {
      const record = await api.publishedPenalty(agency, entity);

      const answer = await api.object(
        entity,
        objectionBody(record, { evidence: [{ ...evidenceOf('材料'), file }] }),
      );
      const mine = await api.list(entity.token, '/v1/entity/objections');

      expectFieldProblem(answer, field, code);
      expect(mine.filter((o) => o.recordId === record)).toEqual([]);
    },
  );

  it('is refused when its files weigh over 50 MB together', async ({ api, agency, entity }) => {
    const record = await api.publishedPenalty(agency, entity);
    const big = { contentType: 'application/pdf', size: 20 * 1024 * 1024 };
    const evidence = ['一', '二', '三'].map((n) => ({ ...evidenceOf(n), file: big }));

    const answer = await api.object(entity, objectionBody(record, { evidence }));

    expectProblem(answer, 400, 'materials_too_large', 'body.evidence');
  });
});

describe('repair materials', () => {
  it('are sent, and the agency opens them; after the decision no more are taken', async ({
    api,
    agency,
    entity,
  }) => {
    const record = await api.publishedPenalty(agency, entity);
    const receipt = pdfOf(4096, '缴款凭证');
    const filed = await api.fileRepair(
      entity,
      repairBody(record, {
        evidence: [materialOf('罚款缴款凭证', receipt), materialOf('整改报告', pdfOf(5000, '整改'))],
      }),
    );
    const id = filed.json.id;
    const base = `/v1/repairs/${id}/materials`;

    const link = await api.send('POST', `${base}/1/upload`, { token: entity.token });
    await putFile(link.json, receipt);
    const confirmed = await api.send('POST', `${base}/1/receipt`, { token: entity.token });
    const opened = await api.send('GET', `${base}/1`, { token: agency.token });
    const bytes = new Uint8Array(await (await fetch(opened.json.url)).arrayBuffer());
    await api.decideRepair(agency.token, id, APPROVE);
    const late = await api.send('POST', `${base}/2/upload`, { token: entity.token });

    expect(filed.status).toBe(201);
    expect(confirmed.status).toBe(200);
    expect(sha256Of(bytes)).toBe(sha256Of(receipt));
    expectProblem(late, 409, 'filing_closed');
  });
});
