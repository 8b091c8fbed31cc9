import { withHttpStack } from '../../shared/http/http-handler.ts';
import { HttpProblem } from '../../shared/http/problem.ts';
import { matchRoute } from '../../shared/http/routes.ts';

/**
 * API Gateway's `$default` route: every request no declared route matches lands here, so a
 * wrong method gets 405 with `Allow`, and an unknown path 404 — on AWS as on one machine.
 * A CORS preflight (OPTIONS) on a known path gets 204; the shared stack adds the CORS headers.
 */
export const handler = withHttpStack(async (event) => {
  const method = event.requestContext.http.method;
  const match = matchRoute(method, event.rawPath);
  if (method === 'OPTIONS' && match.kind === 'method-not-allowed') {
    return { statusCode: 204, headers: { allow: [...match.allow, 'OPTIONS'].join(', ') }, body: '' };
  }
  if (match.kind === 'method-not-allowed') {
    throw new HttpProblem(
      405,
      'method_not_allowed',
      {
        zh: `此地址只接受 ${match.allow.join('、')} 请求`,
        en: `this resource only takes ${match.allow.join(', ')}`,
      },
      { headers: { allow: [...match.allow, 'OPTIONS'].join(', ') } },
    );
  }
  throw new HttpProblem(404, 'not_found', { zh: '没有这个地址', en: 'no such resource' });
});
