import { readFileSync, writeFileSync } from 'node:fs';
import type { IdentityShape } from './local-identity';
import {
  deserializeApp,
  type SerializedApp,
  type SynthesizedApp,
  serializeApp,
  synthesizeApp,
} from './synthesized-app';

/**
 * `CIVICLINE_SYNTHESIZED_APP`: a file holding the app synthesized earlier from the same sources, for
 * a run that starts many servers from one checkout (the e2e and browser tests synthesize once and
 * hand the file to every server they start, instead of each spending seconds on it). A server
 * whose staff tokens take another shape than the file's synthesizes its own.
 */
export const SYNTHESIZED_APP_FILE_ENV = 'CIVICLINE_SYNTHESIZED_APP';

interface SynthesizedAppFile {
  readonly identity: IdentityShape;
  readonly app: SerializedApp;
}

export function writeSynthesizedApp(file: string, identity: IdentityShape): void {
  const content: SynthesizedAppFile = { identity, app: serializeApp(synthesizeApp({ identity })) };
  writeFileSync(file, JSON.stringify(content));
}

/** The app for this identity shape: the file's where it was synthesized for it, else synthesized now. */
export function synthesizedAppFor(
  identity: IdentityShape,
  log: (line: string) => void = () => {},
): SynthesizedApp {
  const file = process.env[SYNTHESIZED_APP_FILE_ENV];
  if (file) {
    const stored = JSON.parse(readFileSync(file, 'utf8')) as SynthesizedAppFile;
    if (stored.identity === identity) {
      log(`Using the CDK app synthesized in ${file}`);
      return deserializeApp(stored.app);
    }
  }
  log('Synthesizing the CDK app…');
  return synthesizeApp({ identity });
}
