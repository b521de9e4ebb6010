import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bundleFunction } from '../../../infra/stateless/function-bundle';
import { sourceStackTrace } from '../../../shared/runtime/source-stack-trace';

/** A function bundled as the stack ships it (minified, with its map) that fails on line 4. */
async function failingBundle(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'civicline-stack-'));
  const source = join(dir, 'failing-step.ts');
  writeFileSync(
    source,
    [
      'export function failingStep(value: number): number {',
      '  if (value > 1) {',
      '    // the error is thrown here',
      "    throw new Error('步骤失败');",
      '  }',
      '  return value;',
      '}',
      'export const handler = () => failingStep(2);',
      '',
    ].join('\n'),
  );
  await bundleFunction(source, join(dir, 'out'));
  return pathToFileURL(join(dir, 'out', 'index.mjs')).href;
}

/** The stack as Lambda's Node prints it: a fresh process without source maps (vitest applies its own). */
function stackOf(bundle: string): string {
  const script = `const { handler } = await import(${JSON.stringify(bundle)}); try { handler() } catch (error) { process.stdout.write(error.stack) }`;
  return execFileSync(process.execPath, ['--input-type=module', '-e', script]).toString();
}

describe('a stack trace from a bundled function', () => {
  it('names the source file and line instead of the minified bundle', async () => {
    const stack = stackOf(await failingBundle());
    expect(stack).toMatch(/index\.mjs:\d+:\d+/);
    const readable = sourceStackTrace(stack);
    expect(readable).toContain('步骤失败');
    expect(readable).toMatch(/failing-step\.ts:4:\d+/);
    expect(readable).not.toMatch(/index\.mjs:\d+:\d+/);
  });

  it('leaves frames without a source map beside their file as they are', () => {
    const stack = 'Error: x\n    at step (file:///nowhere/index.mjs:1:20)\n    at other (/work/a.ts:3:4)';
    expect(sourceStackTrace(stack)).toBe(stack);
  });
});
