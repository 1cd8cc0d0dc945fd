import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { createApp } from '../../server/app.js';
import { startServer } from '../../server/boot.js';
import { mountDevRoutes } from '../../server/demo/dev-routes.js';
import { mountSandboxRoutes } from '../../server/demo/sandbox/index.js';
import { parseEnv } from '../../server/env.js';
import { createLogger } from '../../server/logger.js';

/**
 * The real demo server (startServer: libSQL file, msw emulator, demo shop installed by token
 * exchange) plus a loopback listener serving the same context with the sandbox mounted, whose
 * published config the test sets. Until boot.ts mounts the sandbox itself, this is the wrapper.
 */
export async function startSandboxServer() {
  const dataDir = mkdtempSync(join(tmpdir(), 'closer-sandbox-'));
  const env = parseEnv({
    PORT: '0',
    DATA_DIR: dataDir,
    DATABASE_URL: `file:${join(dataDir, 'closer.db')}`,
  });
  const server = await startServer(env, createLogger('silent'));
  let published: string | null = null;
  const app = createApp(server.ctx, [
    mountDevRoutes(server.ctx),
    mountSandboxRoutes(server.ctx, { readPublishedConfig: async () => published }),
  ]);
  const listener = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((ready) => listener.once('listening', () => ready()));
  const { port } = listener.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    ctx: server.ctx,
    setPublishedConfig(value: string | null) {
      published = value;
    },
    async close() {
      await new Promise<void>((done) => listener.close(() => done()));
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
