import { join } from 'node:path';
import { EnvError, loadEnv } from './env.js';
import { createLogger, flushStdout } from './logger.js';

/** Process entry point: parse the environment, start, print where to go, stop cleanly. */
async function main() {
  let env: ReturnType<typeof loadEnv>;
  try {
    env = loadEnv();
  } catch (error) {
    if (error instanceof EnvError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger(env.logLevel);
  // Loaded only once the environment is known to be valid: a refused start loads no app code.
  const { startServer } = await import('./boot.js');
  const running = await startServer(env, logger);
  logger.info('closer started', { mode: env.mode, url: running.url });
  if (env.mode === 'demo') {
    // Log lines are buffered; the banner goes after the ones logged so far.
    flushStdout();
    const shop = running.ctx.demo?.shop ?? '';
    process.stdout.write(
      [
        '',
        `  Closer is running in DEMO mode (no Shopify credentials set) for ${shop}`,
        `  Demo home        ${running.url}/`,
        `  Merchant admin   ${running.url}/app?shop=${shop}`,
        `  Checkout sandbox ${running.url}/sandbox`,
        `  Health           ${running.url}/health`,
        `  Credentials for signing tokens and webhooks: ${join(env.dataDir, 'demo-shop.json')}`,
        '',
      ].join('\n'),
    );
  }

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info('shutting down', { signal });
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    await running.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

void main();
