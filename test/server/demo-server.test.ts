import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { orders } from '../../drizzle/schema.js';
import { sampleOrder, sendDemoWebhook } from '../../scripts/send-demo-webhook.js';
import type { RunningServer } from '../../server/boot.js';
import { startDemoServer } from '../helpers/demo-server.js';

let demo: Awaited<ReturnType<typeof startDemoServer>>;
let server: RunningServer;
let dataDir: string;

beforeAll(async () => {
  demo = await startDemoServer('closer-demo-');
  server = demo.server;
  dataDir = demo.dataDir;
});
afterAll(() => demo.close());

describe('the demo server over real HTTP', () => {
  test('binds to loopback, serves /health and installs the demo shop at start', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const res = await fetch(`${server.url}/health`);
    expect(await res.json()).toEqual({ status: 'ok', mode: 'demo' });
    const demo = JSON.parse(readFileSync(join(dataDir, 'demo-shop.json'), 'utf8'));
    const shop = await server.ctx.db.query.shops.findFirst();
    expect(shop?.shop).toBe(demo.shop);
  });

  test('an orders/create webhook signed with data/demo-shop.json is accepted once', async () => {
    const order = sampleOrder(424242);
    const first = await sendDemoWebhook({
      baseUrl: server.url,
      dataDir,
      topic: 'orders/create',
      payload: order,
      webhookId: 'wh-1',
    });
    const second = await sendDemoWebhook({
      baseUrl: server.url,
      dataDir,
      topic: 'orders/create',
      payload: order,
      webhookId: 'wh-1',
    });
    expect(first).toEqual({ status: 200, body: { ok: true, duplicate: false } });
    expect(second).toEqual({ status: 200, body: { ok: true, duplicate: true } });
    const rows = await server.ctx.db.select().from(orders).where(eq(orders.orderId, '424242'));
    expect(rows).toHaveLength(1);
    expect(rows[0]?.subtotal).toBe(3400);
  });

  test('the demo admin document bounces to the App Bridge shim, which mints a verifiable id token', async () => {
    const shop = server.ctx.demo?.shop ?? '';
    const res = await fetch(`${server.url}/app?shop=${shop}`, { redirect: 'manual' });
    expect(res.status).toBe(302);
    const bounce = await (
      await fetch(new URL(res.headers.get('location') ?? '', server.url))
    ).text();
    expect(bounce).toContain('/dev/app-bridge.js');
    const { idToken } = (await (await fetch(`${server.url}/dev/id-token`)).json()) as {
      idToken: string;
    };
    const admin = await fetch(`${server.url}/api/admin/shop`, {
      headers: { Authorization: `Bearer ${idToken}` },
    });
    expect(admin.status).toBe(200);
    expect(((await admin.json()) as { shop: string }).shop).toBe(shop);
  });
});
