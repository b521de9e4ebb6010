import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../stateless/civic-function';

/** `npm run reset`: forgets every local case, key and token (stop `npm start` first). */
const dataDir = process.env.CIVICLINE_DATA_DIR ?? join(PROJECT_ROOT, '.civicline');
rmSync(dataDir, { recursive: true, force: true });
console.log(`Removed ${dataDir}. The next npm start begins with empty tables and new keys.`);
