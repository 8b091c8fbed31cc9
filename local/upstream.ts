/**
 * `npm run upstream`: the fake city credit platform (local/fake-upstream.ts) on
 * UPSTREAM_PORT (default 8790), with the token UPSTREAM_TOKEN (default local-upstream-token).
 * Point the service at it with UPSTREAM_URL=http://127.0.0.1:8790 and the same UPSTREAM_TOKEN,
 * or let `npm start` start it with UPSTREAM=fake.
 */
import { startFakeUpstream } from './fake-upstream.ts';

const port = Number(process.env.UPSTREAM_PORT ?? 8790);
const upstream = await startFakeUpstream({
  port,
  token: process.env.UPSTREAM_TOKEN ?? 'local-upstream-token',
});
process.stdout.write(
  `fake upstream at ${upstream.url} (token ${upstream.token})\n  faults:   curl -X POST ${upstream.url}/control/faults -d '{"faults":[{"status":503}]}'\n  messages: curl ${upstream.url}/control/messages\n`,
);
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.once(signal, () => {
    upstream.stop().then(() => process.exit(0));
  });
