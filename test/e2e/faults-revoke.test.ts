import { describeFaults, idempotencyKey } from '../support/faulty-service.ts';
import { call } from '../support/http.ts';
import { anAgencyParty, anEntityParty, revocationBody, workflowClient } from '../support/workflow-mothers.ts';

describeFaults({
  route: 'POST /v1/records/{id}/revocations',
  success: [200],
  async arrange(service) {
    const [agency, entity] = await Promise.all([anAgencyParty(service), anEntityParty(service)]);
    const id = await workflowClient(service).publishedPenalty(agency, entity);
    const body = revocationBody();
    const headers = { 'idempotency-key': idempotencyKey() };
    return {
      send: () =>
        call(service.url, 'POST', `/v1/records/${id}/revocations`, { token: agency.token, body, headers }),
    };
  },
});
