import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { targetFeatures } from './deploy-target';
import { ensureWebBuild } from './local/web-build';
import { CivicDataStack } from './stateful/civic-data-stack';
import { CivicApiStack } from './stateless/civic-api-stack';
import { CivicWebStack } from './stateless/civic-web-stack';

export interface CivicApp {
  readonly app: App;
  readonly data: CivicDataStack;
  readonly api: CivicApiStack;
  readonly web?: CivicWebStack;
}

export interface CivicAppOptions {
  /**
   * The built pages to publish. Without them the app has no web stack: the local runtime and the
   * API's own tests need only the data and API stacks, and need not build the pages first.
   */
  readonly pages?: string;
}

/** The whole deployable app; `cdk synth`, the tests and the local runtime all build it here. */
export function buildCivicApp(app = new App(), options: CivicAppOptions = {}): CivicApp {
  // Cross-stack references protect the tables' exports while the API stack uses them.
  app.node.setContext('@aws-cdk/core:defaultCrossStackReferences', 'strong');
  const data = new CivicDataStack(app, 'CivicLine-Data', {
    description: 'CivicLine stateful resources: case tables, keys, staff directory',
  });
  const api = new CivicApiStack(app, 'CivicLine-Api', {
    description: 'CivicLine stateless resources: HTTP API and functions',
    data,
  });
  // The pages' CloudFront site relies on CloudFront Functions and response-header policies, which
  // the China regions do not offer: there the pages are published behind the city's ICP-filed domain.
  const web =
    options.pages && targetFeatures(app.node).cloudFrontSite
      ? new CivicWebStack(app, 'CivicLine-Web', {
          description: 'CivicLine pages: citizen H5 and staff console on CloudFront',
          data,
          api,
          pages: options.pages,
        })
      : undefined;
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { app, data, api, ...(web ? { web } : {}) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  // `cdk synth` publishes the pages as built from web/ now (rebuilt only when their sources changed).
  const pages = await ensureWebBuild((line) => process.stderr.write(`${line}\n`));
  buildCivicApp(new App(), { pages }).app.synth();
}
