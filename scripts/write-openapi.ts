import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { PROJECT_ROOT } from '../infra/project-paths';
import { openApiDocument } from '../shared/contract/openapi-document';

/**
 * `npm run openapi [file]`: writes the OpenAPI 3.1 document the API serves at GET /v1/openapi.json
 * (default cdk.out/openapi.json), for code generators and `redocly lint`.
 */
const file = process.argv[2] ?? join(PROJECT_ROOT, 'cdk.out', 'openapi.json');
mkdirSync(dirname(file), { recursive: true });
writeFileSync(file, `${JSON.stringify(openApiDocument('/'), null, 2)}\n`);
console.log(`OpenAPI document written to ${file}`);
