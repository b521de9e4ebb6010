import { rmSync } from 'node:fs';
import { localDataDir } from '../project-paths';

/** `npm run reset`: forgets every local case, key and token (stop `npm start` first). */
const dataDir = localDataDir();
rmSync(dataDir, { recursive: true, force: true });
console.log(`Removed ${dataDir}. The next npm start begins with empty tables and new keys.`);
