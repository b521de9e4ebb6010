import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cdkJsonContext } from '../infra/cdk-json-context';
import { chinaSite, nginxHeaders } from '../infra/china-site';
import { IDENTITY_CONTEXT_KEY, parseIdentitySettings } from '../infra/identity-settings';
import { ensureWebBuild } from '../infra/local/web-build';
import { PROJECT_ROOT } from '../infra/project-paths';

/**
 * `npm run site:china [-- https://api.example.gov.cn]`: the pages for the China stack, into
 * cdk.out/china/site/ — the build, its /config.json (the API's address, empty where the city's
 * gateway serves the API under the pages' own domain; the console's sign-in at the identity platform
 * of cdk.json's `civicline:identity`) and security-headers.conf for the web server.
 */
const apiUrl = process.argv[2] ?? '';
const identity = parseIdentitySettings(cdkJsonContext()[IDENTITY_CONTEXT_KEY]);
if (!identity)
  throw new Error(`The China site signs staff in at the platform of cdk.json "${IDENTITY_CONTEXT_KEY}"`);
const site = chinaSite(identity, apiUrl);
const out = join(PROJECT_ROOT, 'cdk.out', 'china', 'site');
const build = await ensureWebBuild((line) => console.log(line));
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
cpSync(build, out, { recursive: true, filter: (source) => !source.endsWith('.build-stamp.json') });
writeFileSync(join(out, 'config.json'), `${JSON.stringify(site.config, null, 2)}\n`);
writeFileSync(join(out, 'security-headers.conf'), nginxHeaders(site.headers));
console.log(`The China site is in ${out}:
  pages:   index.html (citizens), console/index.html (staff), assets/ — serve each app's index.html for its unknown paths
  config:  config.json (API ${apiUrl || 'under the same domain'}; staff sign in at ${identity.issuer})
  headers: security-headers.conf (nginx add_header lines; every response of the site needs them)`);
