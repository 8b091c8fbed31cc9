// ServiceFunction (infra/service-function.ts) bundles functions/<name>/handler.ts; the bounce
// handler lives in bounces.ts, the name the notification contract gives it.
export { handler } from './bounces.ts';
