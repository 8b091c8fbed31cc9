import { describeFaults, idempotencyKey } from '../support/faulty-service.ts';
import { APPROVE, anAgencyParty, anEntityParty, workflowClient } from '../support/workflow-mothers.ts';

describeFaults({
  route: 'POST /v1/repairs/{id}/decision (approved)',
  success: [200],
  async arrange(service) {
    const api = workflowClient(service);
    const [agency, entity] = await Promise.all([anAgencyParty(service), anEntityParty(service)]);
    const repairId = await api.repaired(entity, await api.publishedPenalty(agency, entity));
    const headers = { 'idempotency-key': idempotencyKey() };
    return {
      send: () =>
        api.send('POST', `/v1/repairs/${repairId}/decision`, { token: agency.token, body: APPROVE, headers }),
    };
  },
});
