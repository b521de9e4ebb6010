import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ensureWebBuild } from '../infra/local/web-build';

interface ManifestChunk {
  readonly file: string;
  readonly imports?: readonly string[];
  readonly css?: readonly string[];
  readonly isEntry?: boolean;
}

export interface WebFigure {
  readonly app: string;
  readonly initialJsKbGzip: number;
  readonly initialCssKbGzip: number;
  readonly files: number;
}

/**
 * What each app loads before its first page shows: its entry chunk and every chunk it imports
 * statically (routes and the dashboard's charts load later), gzip-compressed as a server sends them.
 */
export async function webFigures(): Promise<WebFigure[]> {
  const dir = await ensureWebBuild(() => {});
  const manifest = JSON.parse(readFileSync(join(dir, '.vite', 'manifest.json'), 'utf8')) as Record<
    string,
    ManifestChunk
  >;
  const gzipKb = (file: string) => gzipSync(readFileSync(join(dir, file))).length / 1024;
  return Object.entries(manifest)
    .filter(([, chunk]) => chunk.isEntry)
    .map(([source]) => {
      const seen = new Set<string>();
      const visit = (key: string) => {
        if (seen.has(key)) return;
        seen.add(key);
        for (const imported of manifest[key]?.imports ?? []) visit(imported);
      };
      visit(source);
      const chunks = [...seen].map((key) => manifest[key]).filter((c): c is ManifestChunk => c !== undefined);
      const round = (n: number) => Math.round(n * 10) / 10;
      return {
        app: source.includes('console') ? 'console (/console/)' : 'citizen (/)',
        initialJsKbGzip: round(chunks.reduce((sum, c) => sum + gzipKb(c.file), 0)),
        initialCssKbGzip: round(chunks.flatMap((c) => c.css ?? []).reduce((sum, f) => sum + gzipKb(f), 0)),
        files: chunks.length,
      };
    });
}
