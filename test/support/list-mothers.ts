import { shanghaiDate } from '../../shared/domain/dates.ts';
import type { ListType } from '../../shared/domain/lists/vocabulary.ts';
import { call, type HttpAnswer } from './http.ts';
import type { TestService } from './local-service.ts';
import { type Party, workflowClient } from './workflow-mothers.ts';

/** A proposal of `type` about `entity`, resting on `recordId`. */
export function proposalBody(
  entity: { uscc: string },
  recordId: string,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    type: 'serious_dishonesty' satisfies ListType,
    subject: { category: 'legal_person', name: '济南示例名单科技有限公司', uscc: entity.uscc },
    basis: '《济南市失信联合惩戒对象名单管理办法》第八条：拒不履行行政处罚决定，经催告仍未履行。',
    recordIds: [recordId],
    validityMonths: 36,
    ...overrides,
  };
}

export const CASE_STATED = { text: '我公司已于次日缴清罚款，请求不予列入。', evidence: [] };
export const LIST_IT = { outcome: 'list', reason: '当事人陈述的事实不影响认定，决定列入。' };

export function exitBody(today = shanghaiDate(new Date())) {
  return {
    statement: '已缴清罚款并完成整改，申请提前移出。',
    commitment: { text: '本单位承诺所提交材料真实，今后依法诚信经营。', signedAt: today },
    evidence: [{ name: '缴款凭证', sha256: 'a'.repeat(64) }],
  };
}

/** The list and check steps, over real HTTP; each `…ed` helper must succeed and gives the id. */
export function listClient(service: TestService) {
  const api = workflowClient(service);
  const ok = (answer: HttpAnswer, what: string, status = 200) => {
    if (answer.status !== status) throw new Error(`${what} answered ${answer.status}: ${answer.text}`);
    return answer;
  };
  const post = (token: string, path: string, body: unknown) =>
    call(service.url, 'POST', path, { token, body });

  /** A proposed entry of `agency` about `entity`, on a fresh published penalty. */
  const proposed = async (agency: Party, entity: Party, overrides: Record<string, unknown> = {}) => {
    const record = await api.publishedPenalty(agency, entity);
    const answer = ok(
      await post(agency.token, '/v1/lists/entries', proposalBody(entity, record, overrides)),
      'proposal',
      201,
    );
    return answer.json.id as string;
  };
  /** A proposed entry whose party has stated its case: the agency may decide it now. */
  const heard = async (agency: Party, entity: Party, overrides: Record<string, unknown> = {}) => {
    const id = await proposed(agency, entity, overrides);
    ok(await post(entity.token, `/v1/lists/entries/${id}/statement`, CASE_STATED), 'statement');
    return id;
  };
  /** A listed entry (key attention unless said otherwise, so it may be left early at once). */
  const listed = async (agency: Party, entity: Party, overrides: Record<string, unknown> = {}) => {
    const id = await heard(agency, entity, { type: 'key_attention', ...overrides });
    ok(await post(agency.token, `/v1/lists/entries/${id}/decision`, LIST_IT), 'listing');
    return id;
  };
  return {
    proposed,
    heard,
    listed,
    objectedEntry: async (agency: Party, entity: Party) => {
      const id = await listed(agency, entity);
      ok(
        await post(entity.token, `/v1/lists/entries/${id}/objection`, {
          statement: '认定所依据的处罚已被撤销。',
        }),
        'objection',
      );
      return id;
    },
    exiting: async (agency: Party, entity: Party) => {
      const id = await listed(agency, entity);
      ok(await post(entity.token, `/v1/lists/entries/${id}/exit`, exitBody()), 'exit');
      return id;
    },
    checked: async (agency: Party, uscc: string, type = '行政许可') =>
      ok(
        await post(agency.token, '/v1/checks', { uscc, matter: { name: '食品经营许可', type } }),
        'check',
        201,
      ).json.id as string,
  };
}
