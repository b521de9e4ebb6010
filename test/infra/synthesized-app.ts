import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { buildCivicApp } from '../../infra/app';

export interface ValidationReport {
  pluginReports: {
    pluginName: string;
    conclusion: string;
    violations: unknown[];
    suppressedViolations: {
      ruleName: string;
      violatingConstructs: { constructPath: string; acknowledgeReason?: string }[];
    }[];
  }[];
}

/**
 * Synthesizes the app once per test file, as `npm run synth` does (cdk-nag included). Bundling is
 * skipped unless asked for: template assertions do not need the code, and bundling costs seconds.
 */
export function synthesize(options: { bundle?: boolean } = {}) {
  const outdir = mkdtempSync(join(tmpdir(), 'civicline-test-synth-'));
  const app = new App({ outdir, context: options.bundle ? {} : { 'aws:cdk:bundling-stacks': [] } });
  const stacks = buildCivicApp(app);
  app.synth();
  return {
    outdir,
    data: Template.fromStack(stacks.data),
    api: Template.fromStack(stacks.api),
    stacks,
    validationReport: () =>
      JSON.parse(readFileSync(join(outdir, 'validation-report.json'), 'utf8')) as ValidationReport,
  };
}
