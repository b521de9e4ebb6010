import { join } from 'node:path';
import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { type ICommandHooks, NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { targetFeatures } from '../deploy-target';
import { PROJECT_ROOT } from '../project-paths';

/** Bundling shared by the stack and `npm run bench`, so the bench measures what would be deployed. */
/**
 * Packages replaced at bundle time (esbuild `alias`), by the stack and by `npm run bench` alike: the
 * SDK's default credential chain by the environment provider Lambda's credentials come from
 * (infra/lambda-credentials.ts) — a third of a small function's bundle and cold start.
 */
export const BUNDLE_ALIASES: Readonly<Record<string, string>> = {
  '@aws-sdk/credential-provider-node': join(PROJECT_ROOT, 'infra', 'lambda-credentials.ts'),
};

export const BUNDLING = {
  format: OutputFormat.ESM,
  target: 'node24',
  minify: true,
  sourceMap: true,
  sourcesContent: false,
  mainFields: ['module', 'main'],
  // The AWS SDK is bundled too (tree-shaken, minified): the version in package-lock.json is the
  // version deployed, not whatever the runtime ships that day — and one minified file loads
  // faster than the SDK's hundreds of modules (npm run bench prints the ratio per function).
  externalModules: [],
  // Some dependencies still call require(); ESM bundles need it defined.
  banner: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
  esbuildArgs: Object.fromEntries(
    Object.entries(BUNDLE_ALIASES).map(([module, replacement]) => [`--alias:${module}`, replacement]),
  ),
};

/**
 * What every function's environment starts with (`npm run bench` starts its cold inits with it
 * too). No `NODE_OPTIONS=--enable-source-maps`: it parses each bundle's map at every cold start
 * (+18 to +57 ms); the logger reads the map itself when an error is logged (source-stack-trace.ts).
 */
export const FUNCTION_ENVIRONMENT: Readonly<Record<string, string>> = {
  POWERTOOLS_SERVICE_NAME: 'civicline',
};

export interface CivicFunctionProps {
  /** The file in functions/ (kebab-case). */
  readonly functionName: string;
  readonly environment?: Record<string, string>;
  readonly timeout?: Duration;
}

/**
 * The house Lambda: arm64, the newest Node runtime, minified ESM with source maps, its own log
 * group with 180-day retention, X-Ray tracing (where the partition has it), and a role that starts
 * with no managed policy.
 */
export class CivicFunction extends NodejsFunction {
  constructor(scope: Construct, id: string, props: CivicFunctionProps) {
    const logGroup = new LogGroup(scope, `${id}Logs`, {
      retention: RetentionDays.SIX_MONTHS,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const role = new Role(scope, `${id}Role`, { assumedBy: new ServicePrincipal('lambda.amazonaws.com') });
    const entry = join(PROJECT_ROOT, 'functions', `${props.functionName}.ts`);
    super(scope, id, {
      entry,
      projectRoot: PROJECT_ROOT,
      depsLockFilePath: join(PROJECT_ROOT, 'package-lock.json'),
      handler: 'handler',
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      memorySize: 1024,
      timeout: props.timeout ?? Duration.seconds(10),
      // X-Ray is not available to Lambda in the China regions: logs and metrics carry the story there.
      tracing: targetFeatures(scope.node).tracing ? Tracing.ACTIVE : Tracing.DISABLED,
      logGroup,
      role,
      environment: { ...FUNCTION_ENVIRONMENT, ...props.environment },
      bundling: { ...BUNDLING, commandHooks: splitBundle(entry) },
    });
    logGroup.grantWrite(role);
    Validations.of(role).acknowledge({
      id: 'AwsSolutions::AwsSolutions-IAM5[Resource::*]',
      reason:
        'Active tracing adds xray:PutTraceSegments and xray:PutTelemetryRecords, and a stream event source adds dynamodb:ListStreams: none of them has resource-level permissions.',
    });
  }
}

/**
 * NodejsFunction bundles into one file; its output is then replaced by the split bundle
 * (function-bundle.ts: an entry and the chunks it imports lazily), which is what Lambda loads.
 */
function splitBundle(entry: string): ICommandHooks {
  const tsx = join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx');
  const script = join(PROJECT_ROOT, 'scripts', 'bundle-function.ts');
  return {
    beforeBundling: () => [],
    beforeInstall: () => [],
    afterBundling: (_inputDir, outputDir) => [`"${tsx}" "${script}" "${entry}" "${outputDir}"`],
  };
}
