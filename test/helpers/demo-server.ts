import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RunningServer, startServer } from '../../server/boot.js';
import { parseEnv } from '../../server/env.js';
import { createLogger } from '../../server/logger.js';

/**
 * The real demo server exactly as `npm start` runs it — loopback listener on a free port, libSQL
 * file, msw emulator, demo shop installed by token exchange — over a temporary data folder.
 */
export async function startDemoServer(prefix = 'closer-test-') {
  const dataDir = mkdtempSync(join(tmpdir(), prefix));
  const env = parseEnv({
    PORT: '0',
    DATA_DIR: dataDir,
    DATABASE_URL: `file:${join(dataDir, 'closer.db')}`,
  });
  const server: RunningServer = await startServer(env, createLogger('silent'));
  return {
    server,
    dataDir,
    async close() {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
