import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../../infra/project-paths';

/** Every TypeScript file below a folder of the project. */
function sources(folder: string): string[] {
  return readdirSync(join(PROJECT_ROOT, folder), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts'))
    .map((file) => join(PROJECT_ROOT, folder, file));
}

function importsOf(file: string): string[] {
  return [...readFileSync(file, 'utf8').matchAll(/^import[^'"]*['"]([^'"]+)['"]/gm)].map(
    (match) => match[1] ?? '',
  );
}

describe('the layers (STYLE.md: handler → use case → port ← adapter)', () => {
  it('keep the domain, the use cases and the adapters out of the composition root', () => {
    const offenders = ['shared/domain', 'shared/use-cases', 'shared/adapters'].flatMap((folder) =>
      sources(folder)
        .filter((file) => importsOf(file).some((path) => path.includes('/runtime/')))
        .map((file) => relative(PROJECT_ROOT, file)),
    );
    expect(offenders).toEqual([]);
  });

  it('keep AWS out of the domain', () => {
    const offenders = sources('shared/domain').filter((file) =>
      importsOf(file).some((path) => path.startsWith('@aws-sdk') || path.startsWith('aws-cdk-lib')),
    );
    expect(offenders).toEqual([]);
  });

  it('let handlers name use cases and factories, never an adapter', () => {
    const offenders = sources('functions').filter((file) =>
      importsOf(file).some((path) => path.includes('/adapters/')),
    );
    expect(offenders).toEqual([]);
  });
});
