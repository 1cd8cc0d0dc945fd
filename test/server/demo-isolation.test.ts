import { spawnSync } from 'node:child_process';
import { request } from 'node:http';
import { resolve } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { orders } from '../../drizzle/schema.js';
import { startDemoServer } from '../helpers/demo-server.js';

const ROOT = resolve(import.meta.dirname, '../..');

let demo: Awaited<ReturnType<typeof startDemoServer>>;
let port: number;
beforeAll(async () => {
  demo = await startDemoServer('closer-isolation-');
  port = Number(new URL(demo.server.url).port);
});
afterAll(() => demo.close());

/** A raw HTTP/1.1 request to the demo listener, with whatever Host and headers a test sets. */
function send(
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; body: string }> {
  return new Promise((done, fail) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: options.method ?? 'GET',
        headers: { Host: `127.0.0.1:${port}`, ...options.headers },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => {
          body += chunk;
        });
        res.on('end', () => done({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', fail);
    req.end(options.body);
  });
}

const errorCode = (body: string) => (JSON.parse(body) as { error: { code: string } }).error.code;

describe('dev routes answer only their own loopback host (DNS rebinding)', () => {
  test('/dev/id-token mints a token for the listener’s own host:port and for localhost:port', async () => {
    const own = await send('/dev/id-token');
    expect(own.status).toBe(200);
    expect(JSON.parse(own.body).idToken).toMatch(/^ey/);
    const named = await send('/dev/id-token', { headers: { Host: `localhost:${port}` } });
    expect(named.status).toBe(200);
  });

  test('a rebound domain pointing at 127.0.0.1 gets no admin token', async () => {
    const res = await send('/dev/id-token', { headers: { Host: `attacker.example:${port}` } });
    expect(res.status).toBe(403);
    expect(errorCode(res.body)).toBe('host_not_allowed');
    expect(res.body).not.toContain('idToken');
  });

  test('a loopback name with another port, or no port, is refused', async () => {
    for (const host of [`127.0.0.1:${port + 1}`, '127.0.0.1', `127.0.0.1.nip.io:${port}`]) {
      const res = await send('/dev/id-token', { headers: { Host: host } });
      expect(res.status, host).toBe(403);
    }
  });

  test('the sandbox, its session token, the shim and the demo home check Host too', async () => {
    for (const path of [
      '/dev/sandbox/session-token',
      '/dev/app-bridge.js',
      '/sandbox/frame',
      '/sandbox/assets/page.js',
      '/',
    ]) {
      const res = await send(path, { headers: { Host: `attacker.example:${port}` } });
      expect(res.status, path).toBe(403);
    }
    expect((await send('/dev/sandbox/session-token')).status).toBe(200);
  });

  test('app routes outside the demo set are not affected', async () => {
    const res = await send('/health', { headers: { Host: 'closer.example.com' } });
    expect(res.status).toBe(200);
  });
});

describe('state-changing dev routes refuse other origins (CSRF)', () => {
  const order = (checkoutToken: string) =>
    JSON.stringify({
      checkoutToken,
      lines: [{ variantId: 'gid://shopify/ProductVariant/20071', quantity: 1, attributes: [] }],
    });
  const storedOrders = async (checkoutToken: string) =>
    demo.server.ctx.db.select().from(orders).where(eq(orders.checkoutToken, checkoutToken));

  test('a cross-site text/plain form POST creates no order', async () => {
    const res = await send('/dev/sandbox/orders', {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain', Origin: 'https://attacker.example' },
      body: order('csrf-text-plain'),
    });
    expect(res.status).toBe(403);
    expect(errorCode(res.body)).toBe('cross_site_request');
    expect(await storedOrders('csrf-text-plain')).toHaveLength(0);
  });

  test('a foreign origin is refused whatever the content type, as is Origin: null', async () => {
    for (const [origin, type] of [
      ['https://attacker.example', 'application/json'],
      [`http://localhost:${port + 1}`, 'application/json'],
      ['null', 'text/plain'],
    ] as const) {
      const res = await send('/dev/sandbox/orders', {
        method: 'POST',
        headers: { 'Content-Type': type, Origin: origin },
        body: order('csrf-other'),
      });
      expect(res.status, origin).toBe(403);
    }
    expect(await storedOrders('csrf-other')).toHaveLength(0);
  });

  test('a browser request marked cross-site without an Origin is refused', async () => {
    const res = await send('/dev/sandbox/orders', {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain', 'Sec-Fetch-Site': 'cross-site' },
      body: order('csrf-fetch-site'),
    });
    expect(res.status).toBe(403);
    expect(await storedOrders('csrf-fetch-site')).toHaveLength(0);
  });

  test('the sandbox page’s own same-origin POST still creates the order', async () => {
    const res = await send('/dev/sandbox/orders', {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Origin: `http://127.0.0.1:${port}`,
        'Sec-Fetch-Site': 'same-origin',
      },
      body: order('same-origin-order'),
    });
    expect(res.status).toBe(201);
    expect(await storedOrders('same-origin-order')).toHaveLength(1);
  });
});

describe('demo-only code is loaded in demo mode only', () => {
  const demoOnly = (path: string) =>
    path.startsWith('server/demo/') || path.startsWith('node_modules/msw/');

  test('a Shopify-mode server never loads server/demo or msw; a demo-mode one does', () => {
    // One fresh process starts the real server in Shopify mode, then in demo mode, and lists
    // the modules resolved after each; the demo run proves the check can see what it looks for.
    const result = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'test/helpers/report-loaded-modules.ts', 'shopify', 'demo'],
      { cwd: ROOT, encoding: 'utf8', timeout: 120_000, env: { PATH: process.env.PATH } },
    );
    expect(result.status, result.stderr).toBe(0);
    const [shopify, demoMode] = (
      JSON.parse(result.stdout.trim().split('\n').at(-1) ?? '[]') as {
        mode: string;
        health: number;
        modules: string[];
      }[]
    ).map((report) => ({
      ...report,
      modules: report.modules.map((url) => url.replace(`file://${ROOT}/`, '')),
    }));

    expect(shopify).toMatchObject({ mode: 'shopify', health: 200 });
    expect(shopify?.modules).toContain('server/boot.ts');
    expect(shopify?.modules).toContain('server/app.ts');
    expect(shopify?.modules.filter(demoOnly)).toEqual([]);

    expect(demoMode).toMatchObject({ mode: 'demo', health: 200 });
    expect(demoMode?.modules).toContain('server/demo/demo-mode.ts');
    expect(demoMode?.modules).toContain('server/demo/emulator/index.ts');
    expect(demoMode?.modules.some((path) => path.startsWith('node_modules/msw/'))).toBe(true);
  }, 120_000);
});
