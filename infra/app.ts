import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { CivicDataStack } from './stateful/civic-data-stack';
import { CivicApiStack } from './stateless/civic-api-stack';

export interface CivicApp {
  readonly app: App;
  readonly data: CivicDataStack;
  readonly api: CivicApiStack;
}

/** The whole deployable app; `cdk synth`, the tests and the local runtime all build it here. */
export function buildCivicApp(app = new App()): CivicApp {
  // Cross-stack references protect the tables' exports while the API stack uses them.
  app.node.setContext('@aws-cdk/core:defaultCrossStackReferences', 'strong');
  const data = new CivicDataStack(app, 'CivicLine-Data', {
    description: 'CivicLine stateful resources: case tables, keys, staff directory',
  });
  const api = new CivicApiStack(app, 'CivicLine-Api', {
    description: 'CivicLine stateless resources: HTTP API and functions',
    data,
  });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { app, data, api };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  buildCivicApp().app.synth();
}
