import { existsSync, readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { fileURLToPath } from 'node:url';

/**
 * A stack trace of the minified bundle told in the source files' lines (`shared/…/x.ts:3:11`), for
 * the logs. Node's `--enable-source-maps` would do it for every error, but it parses each bundle's
 * map at load: +18 to +57 ms on every cold start (submit-letter, rate-case; medians of 9 and 15
 * fresh processes with and without the flag). Errors are rare, so the map is read here, once per
 * bundle, when the first error is logged. A frame without a map beside its file (the local runtime
 * runs the sources themselves) stays as it is.
 */
export function sourceStackTrace(stack: string): string {
  return stack.replace(BUNDLE_FRAME, (frame, url: string, line: string, column: string) => {
    const origin = sourceMapOf(url)?.findOrigin(Number(line), Number(column));
    if (!origin || !('fileName' in origin)) return frame;
    return `${readablePath(origin.fileName)}:${origin.lineNumber}:${origin.columnNumber}`;
  });
}

/** `file:///var/task/index.mjs:1:2345` — a location in a bundled ESM file. */
const BUNDLE_FRAME = /(file:\/\/[^\s()]+\.mjs):(\d+):(\d+)/g;

const sourceMaps = new Map<string, SourceMap | undefined>();

function sourceMapOf(url: string): SourceMap | undefined {
  if (!sourceMaps.has(url)) {
    const mapFile = `${fileURLToPath(url)}.map`;
    sourceMaps.set(
      url,
      existsSync(mapFile) ? new SourceMap(JSON.parse(readFileSync(mapFile, 'utf8'))) : undefined,
    );
  }
  return sourceMaps.get(url);
}

/** Sources are recorded relative to the bundle (`../../shared/x.ts`): the project path reads better. */
function readablePath(fileName: string): string {
  const dependency = fileName.lastIndexOf('node_modules/');
  return dependency >= 0 ? fileName.slice(dependency) : fileName.replace(/^(?:\.\.\/)+/, '');
}
