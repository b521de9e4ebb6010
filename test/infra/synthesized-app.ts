import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, type Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { buildCivicApp } from '../../infra/app';
import { cdkJsonContext } from '../../infra/cdk-json-context';
import { type DeployTarget, TARGET_CONTEXT_KEY } from '../../infra/deploy-target';

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
export function synthesize(options: { bundle?: boolean; target?: DeployTarget } = {}) {
  const outdir = mkdtempSync(join(tmpdir(), 'civicline-test-synth-'));
  const context = {
    ...cdkJsonContext(),
    ...(options.bundle ? {} : { 'aws:cdk:bundling-stacks': [] }),
    ...(options.target ? { [TARGET_CONTEXT_KEY]: options.target } : {}),
  };
  const app = new App({ outdir, context });
  const stacks = buildCivicApp(app, { pages: pagesStandIn() });
  app.synth();
  return {
    outdir,
    data: Template.fromStack(stacks.data),
    api: Template.fromStack(stacks.api),
    /** The pages' stack, where the target has a CloudFront site (not in China). */
    web: stacks.web ? Template.fromStack(stacks.web as Stack) : (undefined as unknown as Template),
    stacks,
    validationReport: () =>
      JSON.parse(readFileSync(join(outdir, 'validation-report.json'), 'utf8')) as ValidationReport,
  };
}

/**
 * The two apps' entry pages, standing in for the Vite build: the web stack publishes whatever
 * folder it is given, and its template does not depend on the pages' content.
 */
function pagesStandIn(): string {
  const pages = mkdtempSync(join(tmpdir(), 'civicline-test-pages-'));
  mkdirSync(join(pages, 'console'));
  writeFileSync(join(pages, 'index.html'), '<!doctype html><title>CivicLine</title>');
  writeFileSync(join(pages, 'console', 'index.html'), '<!doctype html><title>CivicLine 工作台</title>');
  return pages;
}
