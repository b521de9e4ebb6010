import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { COGNITO_CLAIMS } from '../../shared/http/staff-claims';
import { localDataDir } from '../project-paths';
import { DEMO_DEPARTMENTS, DEMO_USERS } from './demo-directory';
import { startLocalStack } from './local-stack';
import { LocalStackError } from './local-stack-error';
import { ensureWebBuild } from './web-build';

/** `npm start`: the whole backend on this machine, on the embedded defaults. */
async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? 3000);
  const dataDir = localDataDir();
  const log = (line: string) => console.log(line);
  const databaseInMemory = databaseInMemoryFromEnvironment();
  const webBuildDir = await ensureWebBuild(log);
  const stack = await startLocalStack({ port, dataDir, databaseInMemory, log, webBuildDir });
  // Lets `npm run stats:verify` use this server instead of opening the same data a second time.
  const runningFile = join(dataDir, 'running.json');
  writeFileSync(runningFile, JSON.stringify({ url: stack.url, pid: process.pid }));
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping CivicLine (API, DynamoDB Local, S3 stand-in)…');
    rmSync(runningFile, { force: true });
    await stack.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);

  console.log(`
CivicLine is running at ${stack.url}
  citizen:   ${stack.url}/            (写信 · 咨询 · 查询 · 公开信件; mobile first)
  console:   ${stack.url}/console/    (staff: ${stack.issuer.claims === COGNITO_CLAIMS ? 'sign in with a demo account below' : "统一身份认证登录 → pick a demo account on the platform's page (authorization code + PKCE)"})
  health:    curl ${stack.url}/v1/health
  API docs:  ${stack.url}/docs (OpenAPI 3.1: ${stack.url}/v1/openapi.json)
  database:  DynamoDB Local ${stack.dynamoDbEndpoint}
  files:     S3 stand-in ${stack.s3Endpoint}, bucket ${stack.attachmentBucket} (附件)
  texts:     ${stack.sms ? `Alibaba Cloud SMS stand-in ${stack.sms.endpoint}; what it sent: curl ${stack.url}/local/sms` : `the outbox is the delivery: curl ${stack.url}/local/outbox`}
  staff:     ${stack.issuer.claims === COGNITO_CLAIMS ? "tokens shaped as Cognito's (the global stack)" : "tokens shaped as the city's identity platform's (the China stack; CIVICLINE_IDENTITY=oidc)"}
  data kept: ${dataDir} (reset: npm run reset)${databaseInMemory ? '; the database in memory (CIVICLINE_DATABASE=memory): its cases end with this server' : ''}

Demo staff accounts (get a token: curl -X POST ${stack.url}/local/login -H 'content-type: application/json' -d '{"username":"dispatcher1"}'):
${DEMO_USERS.map((u) => `  ${u.username.padEnd(12)} ${u.roles.join(',')}${u.departmentId ? ` · ${u.departmentId} ${DEMO_DEPARTMENTS.find((d) => d.departmentId === u.departmentId)?.name ?? ''}` : ''}`).join('\n')}

Press Ctrl-C to stop.`);
}

/** CIVICLINE_DATABASE: `file` (the default, in the data dir) or `memory`. */
function databaseInMemoryFromEnvironment(): boolean {
  const database = process.env.CIVICLINE_DATABASE ?? 'file';
  if (database !== 'file' && database !== 'memory')
    throw new LocalStackError(`CIVICLINE_DATABASE must be file or memory, not ${database}`);
  return database === 'memory';
}

main().catch((error: unknown) => {
  if (error instanceof LocalStackError) {
    console.error(`CivicLine could not start: ${error.message}`);
  } else {
    console.error('CivicLine could not start:', error);
  }
  process.exit(1);
});
