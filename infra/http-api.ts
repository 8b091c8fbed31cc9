import { Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  HttpApi,
  HttpMethod,
  HttpRoute,
  HttpRouteKey,
  HttpStage,
  LogGroupLogDestination,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpUserPoolAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { IUserPool, IUserPoolClient } from 'aws-cdk-lib/aws-cognito';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import {
  DEFAULT_ROUTE_GROUP,
  DEFAULT_ROUTE_KEY,
  type FunctionGroup,
  isStreaming,
  ROUTES,
  routeKey,
} from '../shared/http/routes.ts';
import { serviceLogGroup } from './logs.ts';

export interface ServiceApiProps {
  readonly functions: Readonly<Record<FunctionGroup, IFunction>>;
  readonly userPool: IUserPool;
  readonly webClient: IUserPoolClient;
}

/** One line of JSON per request, with the HTTP API's own variables (no body, no token). */
const ACCESS_LOG_FORMAT = AccessLogFormat.custom(
  JSON.stringify({
    requestId: '$context.requestId',
    requestTime: '$context.requestTime',
    ip: '$context.identity.sourceIp',
    userAgent: '$context.identity.userAgent',
    method: '$context.httpMethod',
    path: '$context.path',
    routeKey: '$context.routeKey',
    status: '$context.status',
    responseLength: '$context.responseLength',
    latency: '$context.responseLatency',
    integrationLatency: '$context.integrationLatency',
    integrationError: '$context.integrationErrorMessage',
    sub: '$context.authorizer.claims.sub',
    authorizerError: '$context.authorizer.error',
  }),
);

/**
 * The HTTP API: one route per entry of ROUTES (shared/http/routes.ts), public ones open and
 * the rest behind the Cognito JWT authorizer, and `$default` to the fallback function.
 *
 * No `corsPreflight` here on purpose: the handlers' shared middy stack answers CORS (the
 * fallback answers preflights), so the API on AWS and the local server behave the same.
 * One exception: a 401 that the JWT authorizer itself sends (no or bad token) comes from
 * API Gateway without CORS headers, and HTTP APIs offer no gateway responses to add them.
 */
export class ServiceApi extends Construct {
  readonly api: HttpApi;
  readonly stage: HttpStage;

  constructor(scope: Construct, id: string, props: ServiceApiProps) {
    super(scope, id);
    const integrations = new Map<FunctionGroup, HttpLambdaIntegration>();
    const integration = (group: FunctionGroup) => {
      const existing = integrations.get(group);
      if (existing) return existing;
      const created = new HttpLambdaIntegration(`${group}Integration`, props.functions[group]);
      integrations.set(group, created);
      return created;
    };

    this.api = new HttpApi(this, 'HttpApi', {
      description: 'Disclosure and objection service',
      // The stage below is declared explicitly, to give it access logs and throttling.
      createDefaultStage: false,
    });
    // Every request no route matches reaches the fallback, which answers 404, 405 with
    // Allow, or the CORS preflight — instead of API Gateway's bare {"message":"Not Found"}.
    const defaultRoute = new HttpRoute(this, 'DefaultRoute', {
      httpApi: this.api,
      routeKey: HttpRouteKey.DEFAULT,
      integration: integration(DEFAULT_ROUTE_GROUP),
    });
    Validations.of(defaultRoute).acknowledge(openRouteAcknowledgement(DEFAULT_ROUTE_KEY));

    // ID tokens carry the client id as `aud`; the pool's issuer and keys check the rest.
    const authorizer = new HttpUserPoolAuthorizer('CognitoAuthorizer', props.userPool, {
      userPoolClients: [props.webClient],
    });
    // A streaming group is not behind API Gateway (infra/open-data.ts): a request for its paths
    // that reaches the API directly gets the fallback's 404.
    for (const route of ROUTES.filter((r) => !isStreaming(r.group))) {
      const routes: HttpRoute[] = this.api.addRoutes({
        path: route.path,
        methods: [HttpMethod[route.method]],
        integration: integration(route.group),
        ...(route.access === 'public' ? {} : { authorizer }),
      });
      if (route.access === 'public') {
        for (const added of routes)
          Validations.of(added).acknowledge(openRouteAcknowledgement(routeKey(route)));
      }
    }

    this.stage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.api,
      stageName: '$default',
      autoDeploy: true,
      accessLogSettings: {
        destination: new LogGroupLogDestination(serviceLogGroup(this, 'AccessLogs')),
        format: ACCESS_LOG_FORMAT,
      },
      // Caps what a flood can cost in Lambda and DynamoDB on-demand capacity; far above what
      // the public register's readers and the agencies' staff need. Raise with evidence.
      throttle: { rateLimit: 100, burstLimit: 200 },
    });
  }

  /** The base URL of the API (the `$default` stage has no path segment). */
  get url(): string {
    return this.stage.url;
  }
}

/** Why a route without authorizer is right: the design says anonymous callers read it. */
function openRouteAcknowledgement(key: string) {
  return {
    id: 'AwsSolutions-APIG4',
    reason:
      `${key} is public by design (ARCHITECTURE.md: anonymous callers may read published ` +
      'data; the fallback answers 404/405 and CORS preflights, which carry no token). ' +
      'Which routes are public is declared once, in shared/http/routes.ts.',
  };
}
