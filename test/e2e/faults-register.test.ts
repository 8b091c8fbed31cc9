import { describeFaults, idempotencyKey } from '../support/faulty-service.ts';
import { call } from '../support/http.ts';
import { anAgencyParty, anEntityParty, penaltyAgainst } from '../support/workflow-mothers.ts';

describeFaults({
  route: 'POST /v1/records',
  success: [201],
  async arrange(service) {
    const [agency, entity] = await Promise.all([anAgencyParty(service), anEntityParty(service)]);
    const body = { ...penaltyAgainst(entity.uscc, 1), publish: false };
    const headers = { 'idempotency-key': idempotencyKey() };
    return { send: () => call(service.url, 'POST', '/v1/records', { token: agency.token, body, headers }) };
  },
});
