/**
 * The layer rules of the code (ARCHITECTURE.md, "Dependency direction"), checked by
 * dependency-cruiser in `npm test` (`npm run layers`). Each rule names the layer it guards
 * and why; docs/adr/0001-domain-takes-types-from-schemas.md explains the one exception.
 */

/** Packages and Node.js modules that reach AWS, the HTTP framework, zod or the network. */
const OUTSIDE_WORLD = [
  'node_modules/(@aws-sdk|@smithy|@aws-lambda-powertools|aws-lambda|aws-cdk-lib|constructs|cdk-nag)/',
  'node_modules/@middy/',
  'node_modules/zod/',
  'node_modules/jose/',
  // The Lambda event types: a package of types only (@types/aws-lambda), named as imported.
  '^aws-lambda$',
];
const NETWORK_MODULES = '^(node:)?(http|https|http2|net|tls|dgram|dns)$';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'domain-imports-no-adapter',
      comment:
        'shared/domain holds the rules and is tested without AWS: it may not reach the store, ' +
        'the HTTP layer, the functions, the stack or the local runtime.',
      severity: 'error',
      from: { path: '^shared/domain/' },
      to: { path: '^(shared/(store|http|observability)|functions|infra|local|bench|soak|scripts|test)/' },
    },
    {
      name: 'domain-imports-no-outside-world',
      comment: 'shared/domain imports nothing from AWS, middy, zod or the network.',
      severity: 'error',
      from: { path: '^shared/domain/' },
      to: { path: OUTSIDE_WORLD },
    },
    {
      name: 'domain-uses-no-network',
      comment: 'shared/domain opens no connection: the network belongs to the adapters.',
      severity: 'error',
      from: { path: '^shared/domain/' },
      to: { dependencyTypes: ['core'], path: NETWORK_MODULES },
    },
    {
      name: 'domain-takes-only-types-from-schemas',
      comment:
        'The schemas build on the domain, so the domain may take from them only types, which ' +
        'vanish at compile time (docs/adr/0001-domain-takes-types-from-schemas.md).',
      severity: 'error',
      from: { path: '^shared/domain/' },
      to: { path: '^shared/schemas/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'schemas-build-on-the-domain-only',
      comment: 'shared/schemas describe requests and answers; they reach no adapter.',
      severity: 'error',
      from: { path: '^shared/schemas/' },
      to: { path: '^(shared/(store|http)|functions|infra|local)/' },
    },
    {
      name: 'store-is-no-http',
      comment: 'The DynamoDB adapter knows nothing of HTTP or of the functions that use it.',
      severity: 'error',
      from: { path: '^shared/store/' },
      to: { path: '^(shared/http|functions|infra|local)/' },
    },
    {
      name: 'functions-run-without-the-stack',
      comment: 'A function is bundled for Lambda: it may not import the CDK stack or the local runtime.',
      severity: 'error',
      from: { path: '^functions/' },
      to: { path: '^(infra|local)/' },
    },
    {
      name: 'web-stands-alone',
      comment: 'The website is static files served as they are: it imports nothing outside web/.',
      severity: 'error',
      from: { path: '^web/' },
      to: { pathNot: '^web/' },
    },
    {
      name: 'no-circular-at-run-time',
      comment:
        'Modules that load each other load in an order that depends on who came first. Cycles ' +
        'through `import type` only are erased at compile time and allowed (the field words ' +
        'are typed by the schemas that read them).',
      severity: 'error',
      from: {},
      to: {
        circular: true,
        dependencyTypesNot: ['type-only'],
        viaOnly: { dependencyTypesNot: ['type-only'] },
      },
    },
    {
      name: 'no-unresolvable-import',
      comment: 'An import that resolves to nothing is a typo or a file moved without its users.',
      severity: 'error',
      from: {},
      // aws-lambda is only ever imported for its types, which @types/aws-lambda supplies.
      to: { couldNotResolve: true, pathNot: '^aws-lambda$' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(cdk\\.out|\\.data|coverage|test-results)/' },
    // `import type` counts as a dependency (of type 'type-only'), so the rules above can tell it apart.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.js', '.mjs', '.cjs', '.json'],
    },
  },
};
