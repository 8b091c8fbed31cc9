import { describeFaults, idempotencyKey } from '../support/faulty-service.ts';
import { call } from '../support/http.ts';
import { anAgencyParty, anEntityParty, workflowClient } from '../support/workflow-mothers.ts';

describeFaults({
  route: 'POST /v1/records/{id}/corrections',
  success: [200],
  async arrange(service) {
    const [agency, entity] = await Promise.all([anAgencyParty(service), anEntityParty(service)]);
    const id = await workflowClient(service).publishedPenalty(agency, entity);
    // A new name: the record, its audit entry and its name index entries all change.
    const body = {
      reason: '更正当事人名称',
      changes: { subject: { name: '济南市济阳区更正后实业有限公司' } },
    };
    const headers = { 'idempotency-key': idempotencyKey() };
    return {
      send: () =>
        call(service.url, 'POST', `/v1/records/${id}/corrections`, { token: agency.token, body, headers }),
    };
  },
});
