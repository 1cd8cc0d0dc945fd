import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { startServer } from '../../server/boot.js';
import { parseEnv } from '../../server/env.js';
import { DEFAULT_RATE_LIMITS } from '../../server/http/rate-limit.js';
import { createLogger } from '../../server/logger.js';

/*
 * The rate limiter's client key in the real server (boot.ts, node adapter, real sockets): the
 * configured trusted proxy header, or else the socket's address. Kept apart from the test-app
 * suites: the demo server runs its own msw emulator, and two in one file would share requests.
 */
async function expectLimited(res: Response) {
  expect(res.status).toBe(429);
  expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
  expect((await res.json()).error.code).toBe('rate_limited');
}

describe('the running server', () => {
  test('TRUSTED_PROXY_HEADER reaches the limiter; without it the socket address is the key', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'closer-rate-'));
    const start = (extra: Record<string, string>) =>
      startServer(
        parseEnv({
          PORT: '0',
          DATA_DIR: dataDir,
          DATABASE_URL: `file:${join(dataDir, 'closer.db')}`,
          ...extra,
        }),
        createLogger('silent'),
      );
    const post = (url: string, client: string) =>
      fetch(`${url}/api/pixel/events`, {
        method: 'POST',
        headers: { 'Content-Type': 'text/plain', 'X-Forwarded-For': client },
        body: '{}',
      });
    const max = DEFAULT_RATE_LIMITS.pixelPerClient.max;
    const proxied = await start({ TRUSTED_PROXY_HEADER: 'X-Forwarded-For' });
    try {
      for (let i = 0; i < max; i++)
        expect((await post(proxied.url, '203.0.113.1')).status).toBe(400);
      await expectLimited(await post(proxied.url, '203.0.113.1'));
      expect((await post(proxied.url, '203.0.113.2')).status).toBe(400);
    } finally {
      await proxied.close();
    }
    const direct = await start({});
    try {
      // The header is not trusted here: every request comes from 127.0.0.1's one budget.
      for (let i = 0; i < max; i++)
        expect((await post(direct.url, `203.0.113.${i}`)).status).toBe(400);
      await expectLimited(await post(direct.url, '203.0.113.200'));
    } finally {
      await direct.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
