import { describeFaults, idempotencyKey } from '../support/faulty-service.ts';
import { call } from '../support/http.ts';
import { anAgencyParty, anEntityParty, penaltyAgainst, workflowClient } from '../support/workflow-mothers.ts';

describeFaults({
  route: 'POST /v1/records/{id}/publish',
  success: [200],
  async arrange(service) {
    const [agency, entity] = await Promise.all([anAgencyParty(service), anEntityParty(service)]);
    const id = await workflowClient(service).register(agency, penaltyAgainst(entity.uscc, 1), false);
    const headers = { 'idempotency-key': idempotencyKey() };
    return {
      send: () => call(service.url, 'POST', `/v1/records/${id}/publish`, { token: agency.token, headers }),
    };
  },
});
