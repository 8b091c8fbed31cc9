import { officialYearBody } from '../support/calendar-builders.ts';
import { describeFaults } from '../support/faulty-service.ts';
import { call } from '../support/http.ts';

const YEAR = 2031;

/**
 * PUT takes no Idempotency-Key; a client resends safely with If-Match, the version it read:
 * a load that already happened is then refused (412) instead of loaded a second time.
 */
describeFaults({
  route: 'PUT /v1/calendar/{year}',
  success: [200],
  resendAfterSuccess: [412],
  async arrange(service) {
    const admin = await service.token('--role admin');
    const path = `/v1/calendar/${YEAR}`;
    const body = officialYearBody(YEAR);
    let current = await call(service.url, 'GET', path);
    if (current.json.version === undefined) {
      await call(service.url, 'PUT', path, { token: admin, body });
      current = await call(service.url, 'GET', path);
    }
    const headers = { 'if-match': current.headers.get('etag') ?? '' };
    return { send: () => call(service.url, 'PUT', path, { token: admin, body, headers }) };
  },
});
