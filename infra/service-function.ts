import { Duration, Stack, Validations } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, LoggingFormat, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { LogLevel, NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import type { Construct } from 'constructs';
import { BUNDLE_ALIASES, BUNDLE_FILES, REQUIRE_BANNER } from './bundling.ts';
import { serviceLogGroup } from './logs.ts';
import { handlerEntry, LOCK_FILE, REPO_ROOT } from './paths.ts';

export interface ServiceFunctionProps {
  /** The folder under `functions/` whose `handler.ts` exports `handler`. */
  readonly name: string;
  readonly description: string;
  /** The table the function uses: sets TABLE_NAME and grants data access. */
  readonly table?: ITableV2;
  /** What the function may do with `table`; read-write unless it only reads. */
  readonly tableAccess?: 'read' | 'read-write';
  /** API functions keep the defaults; a Cognito trigger must answer within 5 s. */
  readonly timeout?: Duration;
  readonly memorySize?: number;
  /** Settings of the function besides TABLE_NAME and NODE_OPTIONS, which are always set. */
  readonly environment?: Readonly<Record<string, string>>;
}

/**
 * Every Lambda of the service, with its defaults in one place: newest Node.js runtime on
 * arm64, an esbuild ESM bundle (minified, source-mapped), its own log group and role.
 */
export class ServiceFunction extends NodejsFunction {
  constructor(scope: Construct, id: string, props: ServiceFunctionProps) {
    const logGroup = serviceLogGroup(scope, `${id}Logs`);
    // An own role instead of the default one with AWSLambdaBasicExecutionRole, whose
    // logs permissions reach every log group of the account; this one writes to its own.
    const role = new Role(scope, `${id}Role`, {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `Runs the ${props.name} function`,
    });
    super(scope, id, {
      entry: handlerEntry(props.name),
      handler: 'handler',
      projectRoot: REPO_ROOT,
      depsLockFilePath: LOCK_FILE,
      description: props.description,
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout ?? Duration.seconds(10),
      role,
      logGroup,
      // The runtime's own lines (START/REPORT, console.*) as JSON, like the request log.
      loggingFormat: LoggingFormat.JSON,
      tracing: Tracing.ACTIVE,
      environment: {
        ...props.environment,
        NODE_OPTIONS: '--enable-source-maps',
        ...(props.table ? { TABLE_NAME: props.table.tableName } : {}),
      },
      bundling: {
        minify: true,
        sourceMap: true,
        // The map only has to turn positions into file:line; the sources would double the asset.
        sourcesContent: false,
        format: OutputFormat.ESM,
        target: 'node24',
        mainFields: ['module', 'main'],
        banner: REQUIRE_BANNER,
        esbuildArgs: {
          '--alias': Object.entries(BUNDLE_ALIASES).map(([name, path]) => `${name}=${path}`),
        },
        // Bundle the AWS SDK too: the function then runs the exact SDK version that
        // package-lock.json pins and the tests ran against, not whatever version the
        // runtime ships that month. It is still most of a cold start (`npm run bench`:
        // sdk_only_cold_init_ratio), hence the aliases of infra/bundling.ts.
        externalModules: [],
        // esbuild's size table on every synth is noise; its warnings still show.
        logLevel: LogLevel.WARNING,
        // Bundle with the esbuild from package.json; never fall back to a Docker build.
        forceDockerBundling: false,
        ...bundleFiles(props.name),
      },
    });
    logGroup.grantWrite(role);
    if (props.table && props.tableAccess === 'read') props.table.grantReadData(this);
    else if (props.table) props.table.grantReadWriteData(this);
    this.acknowledgeWildcards(role, props.table);
  }

  /** The wildcards CDK's own grants put in the role's policy, each with the reason it stays. */
  private acknowledgeWildcards(role: Role, table: ITableV2 | undefined): void {
    Validations.of(role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'Active tracing needs xray:PutTraceSegments and xray:PutTelemetryRecords, which X-Ray ' +
        'only grants on "*" (the actions have no resource-level permissions).',
    });
    if (!table) return;
    const arn = Stack.of(this).resolve(table.tableArn) as { 'Fn::GetAtt'?: [string, string] };
    const logicalId = arn['Fn::GetAtt']?.[0];
    if (!logicalId) return;
    Validations.of(role).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${logicalId}.Arn>/index/*]`,
      reason:
        'grantReadData/grantReadWriteData add <table>/index/*: the wildcard reaches only the secondary ' +
        'indexes of the service table (declared in shared/store/table.ts), which the ' +
        'functions query; no other table or account resource matches it.',
    });
  }
}

/** Copies the files a function reads at run time (BUNDLE_FILES) into its asset, after esbuild. */
function bundleFiles(name: string) {
  const files = BUNDLE_FILES[name];
  if (!files?.length) return {};
  return {
    commandHooks: {
      beforeBundling: () => [],
      beforeInstall: () => [],
      afterBundling: (_input: string, output: string) => files.map((file) => `cp "${file}" "${output}/"`),
    },
  };
}
