/**
 * Run as a child process (`node --import tsx second-server-process.ts <data dir>`): a second
 * Closer server over the same data folder and libSQL file as the test's own, in demo mode (so
 * both share `demo-shop.json`'s secrets). Prints `{"url": …}` once listening; stops when its
 * stdin closes.
 */
import { startServer } from '../../server/boot.js';
import { parseEnv } from '../../server/env.js';
import { createLogger } from '../../server/logger.js';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: second-server-process.ts <data dir>');
const env = parseEnv({ PORT: '0', DATA_DIR: dataDir, DATABASE_URL: `file:${dataDir}/closer.db` });
const server = await startServer(env, createLogger('silent'));
process.stdout.write(`${JSON.stringify({ url: server.url })}\n`);
process.stdin.resume();
process.stdin.on('end', async () => {
  await server.close();
  process.exit(0);
});
