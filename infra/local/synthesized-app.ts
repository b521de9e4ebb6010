import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, type CfnResource, type Stack } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import type { TableRole } from '../../shared/runtime/environment';
import { buildCivicApp } from '../app';
import { cdkJsonContext } from '../cdk-json-context';
import { TARGET_CONTEXT_KEY } from '../deploy-target';
import type { IdentityShape } from './local-identity';

/** A CloudFormation template as JSON. */
export interface Template {
  readonly Resources: Record<string, { Type: string; Properties?: Record<string, unknown> }>;
  readonly Outputs?: Record<string, { Value: unknown; Export?: { Name: string } }>;
}

/**
 * The app exactly as `cdk synth` builds it (without bundling: the local runtime runs the
 * handler sources), plus the logical ids that tie template resources to their roles.
 */
export interface SynthesizedApp {
  readonly data: Template;
  readonly api: Template;
  readonly tableLogicalIds: Readonly<Record<TableRole, string>>;
  readonly functionLogicalIds: ReadonlyMap<string, string>;
  /** The bucket of attached files, in the data stack. */
  readonly attachmentBucketLogicalId: string;
}

export function synthesizeApp(options: { identity?: IdentityShape } = {}): SynthesizedApp {
  const outdir = mkdtempSync(join(tmpdir(), 'civicline-synth-'));
  try {
    const context = {
      ...cdkJsonContext(),
      'aws:cdk:bundling-stacks': [],
      // Tokens of the city's identity platform: the China stack, with cdk.json's `civicline:identity`.
      ...(options.identity === 'oidc' ? { [TARGET_CONTEXT_KEY]: 'china' } : {}),
    };
    const app = new App({ outdir, context });
    const { data, api } = buildCivicApp(app);
    const assembly = app.synth();
    const logicalId = (stack: Stack, construct: IConstruct) =>
      stack.resolve((construct.node.defaultChild as CfnResource).logicalId) as string;
    const tableLogicalIds = Object.fromEntries(
      Object.entries(data.tables).map(([role, table]) => [role, logicalId(data, table)]),
    ) as Record<TableRole, string>;
    const functionLogicalIds = new Map(
      [...api.functions].map(([name, fn]) => [name, logicalId(api, fn)] as const),
    );
    return {
      data: assembly.getStackByName(data.stackName).template as Template,
      api: assembly.getStackByName(api.stackName).template as Template,
      tableLogicalIds,
      functionLogicalIds,
      attachmentBucketLogicalId: logicalId(data, data.attachments.bucket),
    };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}
