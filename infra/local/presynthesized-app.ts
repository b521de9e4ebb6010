import { readFileSync, writeFileSync } from 'node:fs';
import type { IdentityShape } from './local-identity';
import type { SynthesizedApp } from './synthesized-app';

/**
 * `CIVICLINE_SYNTHESIZED_APP`: a file holding the app synthesized earlier from the same sources, for
 * a run that starts many servers from one checkout (the e2e and browser tests synthesize once and
 * hand the file to every server they start, instead of each spending seconds on it). A server
 * whose staff tokens take another shape than the file's synthesizes its own.
 *
 * Synthesis loads the CDK (about a second of a server's start-up): only a server that synthesizes
 * imports it.
 */
export const SYNTHESIZED_APP_FILE_ENV = 'CIVICLINE_SYNTHESIZED_APP';

/** A SynthesizedApp as JSON carries it (its map as entries). */
export type SerializedApp = Omit<SynthesizedApp, 'functionLogicalIds'> & {
  functionLogicalIds: [string, string][];
};

export function serializeApp(app: SynthesizedApp): SerializedApp {
  return { ...app, functionLogicalIds: [...app.functionLogicalIds] };
}

export function deserializeApp(serialized: SerializedApp): SynthesizedApp {
  return { ...serialized, functionLogicalIds: new Map(serialized.functionLogicalIds) };
}

interface SynthesizedAppFile {
  readonly identity: IdentityShape;
  readonly app: SerializedApp;
}

export async function writeSynthesizedApp(file: string, identity: IdentityShape): Promise<void> {
  const { synthesizeApp } = await import('./synthesized-app');
  const content: SynthesizedAppFile = { identity, app: serializeApp(synthesizeApp({ identity })) };
  writeFileSync(file, JSON.stringify(content));
}

/** The app for this identity shape: the file's where it was synthesized for it, else synthesized now. */
export async function synthesizedAppFor(
  identity: IdentityShape,
  log: (line: string) => void = () => {},
): Promise<SynthesizedApp> {
  const file = process.env[SYNTHESIZED_APP_FILE_ENV];
  if (file) {
    const stored = JSON.parse(readFileSync(file, 'utf8')) as SynthesizedAppFile;
    if (stored.identity === identity) {
      log(`Using the CDK app synthesized in ${file}`);
      return deserializeApp(stored.app);
    }
  }
  log('Synthesizing the CDK app…');
  const { synthesizeApp } = await import('./synthesized-app');
  return synthesizeApp({ identity });
}
