import { mkdtempSync, rmSync } from 'node:fs';
import { registerHooks } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Run as a child process (`node --import tsx report-loaded-modules.ts shopify demo`): for each
 * mode in turn, starts the real server, answers one request, stops, and notes every module URL
 * the process has resolved so far. Prints `[{mode, health, modules}]` as JSON on stdout, so a
 * test can prove what a mode never loads (a later mode's list includes the earlier ones').
 */
const resolved = new Set<string>();
registerHooks({
  resolve(specifier, context, nextResolve) {
    const result = nextResolve(specifier, context);
    resolved.add(result.url);
    return result;
  },
});

const { parseEnv } = await import('../../server/env.js');
const { createLogger } = await import('../../server/logger.js');
const { startServer } = await import('../../server/boot.js');

const SHOPIFY_CREDENTIALS = {
  SHOPIFY_API_KEY: 'module-check-key',
  SHOPIFY_API_SECRET: 'module-check-secret',
  SHOPIFY_APP_URL: 'https://closer.example.com',
  TOKEN_ENCRYPTION_KEY: Buffer.alloc(32, 1).toString('base64'),
  HOST: '127.0.0.1',
};

const reports = [];
for (const mode of process.argv.slice(2)) {
  const dataDir = mkdtempSync(join(tmpdir(), 'closer-modules-'));
  try {
    const env = parseEnv({
      ...(mode === 'shopify' ? SHOPIFY_CREDENTIALS : {}),
      PORT: '0',
      DATA_DIR: dataDir,
      DATABASE_URL: `file:${join(dataDir, 'closer.db')}`,
    });
    const server = await startServer(env, createLogger('silent'));
    const health = await fetch(`${server.url}/health`);
    await server.close();
    reports.push({ mode: env.mode, health: health.status, modules: [...resolved] });
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
process.stdout.write(`${JSON.stringify(reports)}\n`);
