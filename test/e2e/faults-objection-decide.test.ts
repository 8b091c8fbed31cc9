import { describeFaults, idempotencyKey } from '../support/faulty-service.ts';
import { anAgencyParty, anEntityParty, workflowClient } from '../support/workflow-mothers.ts';

const UPHOLD_WITH_CORRECTION = {
  outcome: 'upheld',
  reason: '经核实，当事人名称登记有误',
  correction: { subject: { name: '济南市济阳区异议更正后有限公司' } },
};

describeFaults({
  route: 'POST /v1/objections/{id}/decision (upheld with a correction)',
  success: [200],
  async arrange(service) {
    const api = workflowClient(service);
    const [agency, entity] = await Promise.all([anAgencyParty(service), anEntityParty(service)]);
    const objectionId = await api.objected(entity, await api.publishedPenalty(agency, entity));
    const headers = { 'idempotency-key': idempotencyKey() };
    return {
      send: () =>
        api.send('POST', `/v1/objections/${objectionId}/decision`, {
          token: agency.token,
          body: UPHOLD_WITH_CORRECTION,
          headers,
        }),
    };
  },
});
