import { Match } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOG_RETENTION } from '../../infra/logs.ts';
import {
  DEFAULT_ROUTE_GROUP,
  DEFAULT_ROUTE_KEY,
  type FunctionGroup,
  isStreaming,
  ROUTES,
  routeKey,
} from '../../shared/http/routes.ts';
import { type Synthesized, synthesizeService } from './synthesize.ts';

const ROUTE = 'AWS::ApiGatewayV2::Route';
const AUTHORIZER = 'AWS::ApiGatewayV2::Authorizer';

interface RouteProps {
  RouteKey: string;
  AuthorizationType: string;
  AuthorizerId?: { Ref: string };
  Target: { 'Fn::Join': [string, [string, { Ref: string }]] };
}

describe('the HTTP API', () => {
  let synth: Synthesized;
  let routes: RouteProps[];
  let authorizerId: string;
  beforeAll(() => {
    synth = synthesizeService();
    routes = Object.values(synth.template.findResources(ROUTE)).map((r) => r.Properties as RouteProps);
    authorizerId = Object.keys(synth.template.findResources(AUTHORIZER))[0] ?? '';
  });
  afterAll(() => synth?.dispose());

  const routeFor = (key: string): RouteProps => {
    const found = routes.filter((route) => route.RouteKey === key);
    expect(found).toHaveLength(1);
    return found[0] as RouteProps;
  };

  /** The function a route's integration invokes. */
  const targetFunction = (route: RouteProps): string => {
    const integrationId = route.Target['Fn::Join'][1][1].Ref;
    const integration = synth.template.findResources('AWS::ApiGatewayV2::Integration')[integrationId];
    return integration?.Properties.IntegrationUri['Fn::GetAtt'][0];
  };
  const functionOf = (group: FunctionGroup) => synth.logicalId(synth.stack.functions[group]);

  it('checks tokens with one JWT authorizer: the user pool as issuer, the web client as audience', () => {
    synth.template.resourceCountIs(AUTHORIZER, 1);
    synth.template.hasResourceProperties(AUTHORIZER, {
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: {
        Audience: [{ Ref: synth.logicalId(synth.stack.auth.webClient) }],
        Issuer: {
          // The stack's region is written in (infra/build-app.ts gives every stack one).
          'Fn::Join': [
            '',
            [
              `https://cognito-idp.${synth.stack.region}.amazonaws.com/`,
              { Ref: synth.logicalId(synth.stack.auth.userPool) },
            ],
          ],
        },
      },
    });
  });

  it('has exactly one route per entry of ROUTES, plus $default', () => {
    expect(routes.map((route) => route.RouteKey).sort()).toEqual(
      [...ROUTES.filter((r) => !isStreaming(r.group)).map(routeKey), DEFAULT_ROUTE_KEY].sort(),
    );
  });

  it.each(ROUTES.filter((r) => !isStreaming(r.group)).map((route) => [routeKey(route), route] as const))(
    'routes %s to its function, behind the authorizer unless public',
    (key, spec) => {
      const route = routeFor(key);
      if (spec.access === 'public') {
        expect(route.AuthorizationType).toBe('NONE');
        expect(route.AuthorizerId).toBeUndefined();
      } else {
        expect(route.AuthorizationType).toBe('JWT');
        expect(route.AuthorizerId).toEqual({ Ref: authorizerId });
      }
      expect(targetFunction(route)).toBe(functionOf(spec.group));
    },
  );

  it('sends every unmatched request ($default) to the fallback function, without authorizer', () => {
    const route = routeFor(DEFAULT_ROUTE_KEY);
    expect(route.AuthorizationType).toBe('NONE');
    expect(targetFunction(route)).toBe(functionOf(DEFAULT_ROUTE_GROUP));
  });

  it('leaves CORS to the handlers: no CORS configuration on the API', () => {
    synth.template.resourceCountIs('AWS::ApiGatewayV2::Api', 1);
    synth.template.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      ProtocolType: 'HTTP',
      CorsConfiguration: Match.absent(),
    });
  });

  it('deploys one auto-deployed $default stage with throttling and JSON access logs', () => {
    synth.template.resourceCountIs('AWS::ApiGatewayV2::Stage', 1);
    synth.template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingRateLimit: Match.anyValue(), ThrottlingBurstLimit: Match.anyValue() },
      AccessLogSettings: { Format: Match.stringLikeRegexp('"requestId":"\\$context\\.requestId"') },
    });
  });

  it('writes the access logs to a log group with the service retention', () => {
    const stage = Object.values(synth.template.findResources('AWS::ApiGatewayV2::Stage'))[0];
    const [logGroupId] = stage?.Properties.AccessLogSettings.DestinationArn['Fn::GetAtt'] ?? [];
    const logGroup = synth.template.findResources('AWS::Logs::LogGroup')[logGroupId];
    expect(logGroup?.Properties.RetentionInDays).toBe(LOG_RETENTION);
  });

  it('publishes the API URL as a stack output', () => {
    synth.template.hasOutput('ApiUrl', {
      Value: Match.objectLike({
        'Fn::Join': ['', Match.arrayWith([{ Ref: synth.logicalId(synth.stack.api.api) }])],
      }),
    });
  });
});
