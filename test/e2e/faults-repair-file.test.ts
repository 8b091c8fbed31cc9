import { describeFaults, idempotencyKey } from '../support/faulty-service.ts';
import { anAgencyParty, anEntityParty, repairBody, workflowClient } from '../support/workflow-mothers.ts';

describeFaults({
  route: 'POST /v1/repairs',
  success: [201],
  async arrange(service) {
    const api = workflowClient(service);
    const [agency, entity] = await Promise.all([anAgencyParty(service), anEntityParty(service)]);
    const body = repairBody(await api.publishedPenalty(agency, entity));
    const headers = { 'idempotency-key': idempotencyKey() };
    return { send: () => api.fileRepair(entity, body, headers) };
  },
});
