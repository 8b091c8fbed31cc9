import { addDays, shanghaiDate } from '../../shared/domain/dates.ts';
import { call, type HttpAnswer } from './http.ts';
import type { TestService } from './local-service.ts';
import type { Party } from './workflow-mothers.ts';

/** A commitment made under 告知承诺 by `entity`, as its receiving agency registers it. */
export function commitmentBody(entity: { uscc: string }, overrides: Record<string, unknown> = {}) {
  const today = shanghaiDate(new Date());
  return {
    type: 'approval_substitute',
    uscc: entity.uscc,
    name: '济南市济阳区承诺测试有限公司',
    matter: '食品经营许可（告知承诺制办理）',
    text: '本单位承诺已具备许可条件，所填信息真实；如有不实，愿承担撤销许可等法律责任。',
    madeOn: today,
    validUntil: addDays(today, 365),
    ...overrides,
  };
}

/** Commitments and reports over real HTTP; each `…ed` helper must succeed and gives the id or number. */
export function commitmentClient(service: TestService) {
  const ok = (answer: HttpAnswer, what: string) => {
    if (answer.status !== 201) throw new Error(`${what} answered ${answer.status}: ${answer.text}`);
    return answer.json;
  };
  return {
    /** A commitment of `entity` received and registered by `agency`: its id. */
    committed: async (agency: Party, entity: Party, overrides: Record<string, unknown> = {}) =>
      ok(
        await call(service.url, 'POST', '/v1/commitments', {
          token: agency.token,
          body: commitmentBody(entity, overrides),
        }),
        'commitment',
      ).id as string,
    /** A report of `entity` made by itself: its number. */
    reported: async (entity: Party, scope: 'public' | 'special') =>
      ok(
        await call(service.url, 'POST', '/v1/reports', {
          token: entity.token,
          body: { uscc: entity.uscc, scope },
        }),
        'report',
      ).number as string,
  };
}
