import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { assignArm } from '../../core/decide/index.js';
import {
  signAdminIdToken,
  signCheckoutSessionToken,
  webhookHeaders,
} from '../../server/demo/shopify-signatures.js';
import { SHOP_STATE_RECHECK_MS } from '../../server/domain/shop-cache.js';
import { startDemoServer } from '../helpers/demo-server.js';
import { crossSellInput, type JsonBody } from '../helpers/offers.js';

/*
 * Two server processes over one libSQL file: this test's own (A) and a child (B). What one
 * process changes, the other's shop cache notices by the shop's state row, which it reads again
 * at most SHOP_STATE_RECHECK_MS after the last read (domain/shop-cache.ts): any request sent that
 * long after the change is answered by the new state. The process that made the change sees it
 * at once.
 */
const HERE = import.meta.dirname;
let a: Awaited<ReturnType<typeof startDemoServer>>;
let b: ChildProcess;
let bUrl: string;
let secrets: { shop: string; apiKey: string; apiSecret: string };

beforeAll(async () => {
  a = await startDemoServer('closer-two-processes-');
  const demo = a.server.ctx.demo;
  if (!demo) throw new Error('demo mode expected');
  secrets = demo;
  b = spawn(
    process.execPath,
    ['--import', 'tsx', resolve(HERE, 'second-server-process.ts'), a.dataDir],
    {
      cwd: resolve(HERE, '../..'),
      stdio: ['pipe', 'pipe', 'inherit'],
    },
  );
  bUrl = await new Promise<string>((done, fail) => {
    let out = '';
    b.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line) done((JSON.parse(line) as { url: string }).url);
    });
    b.once('exit', (code) => fail(new Error(`second server exited with ${code}`)));
  });
}, 90_000);

afterAll(async () => {
  if (b?.exitCode === null) {
    const exited = new Promise((done) => b.once('exit', done));
    b.stdin?.end();
    await exited;
  }
  await a?.close();
}, 30_000);

async function admin(method: string, path: string, body?: unknown) {
  const res = await fetch(`${a.server.url}/api/admin${path}`, {
    method,
    headers: {
      Authorization: `Bearer ${await signAdminIdToken(secrets, secrets.shop)}`,
      'Content-Type': 'application/json',
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json()) as JsonBody };
}

async function sendEvent(baseUrl: string, offer: JsonBody) {
  const unit = `two-processes-${randomUUID()}`;
  const arm = assignArm(offer.experiment, unit)?.key;
  const res = await fetch(`${baseUrl}/api/checkout/events`, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${await signCheckoutSessionToken(secrets, secrets.shop)}`,
      'Content-Type': 'application/json',
    },
    body: JSON.stringify({
      events: [
        {
          id: randomUUID(),
          type: 'exposure',
          offerId: offer.id,
          experimentKey: offer.experiment.key,
          arm,
          unit,
          at: Date.now(),
        },
      ],
    }),
  });
  return { status: res.status, body: (await res.json()) as JsonBody };
}

const pastTheBound = () => new Promise((done) => setTimeout(done, SHOP_STATE_RECHECK_MS + 50));

describe('two server processes on one libSQL file', () => {
  test('an offer archived through one is refused by the other within the recheck interval', async () => {
    const created = await admin('POST', '/offers', crossSellInput({ holdout: 0.5 }));
    const activated = await admin('POST', `/offers/${created.body.offer.id}/activate`);
    expect(activated.status).toBe(200);
    const offer = activated.body.offer;
    // B loads and keeps the shop's catalog.
    expect((await sendEvent(bUrl, offer)).status).toBe(202);
    expect((await sendEvent(bUrl, offer)).status).toBe(202);

    expect((await admin('POST', `/offers/${offer.id}/archive`)).status).toBe(200);
    // A, which archived it, refuses at once.
    expect((await sendEvent(a.server.url, offer)).body.error?.code).toBe('offer_archived');
    await pastTheBound();
    const refused = await sendEvent(bUrl, offer);
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('offer_archived');
  });

  test('an uninstall delivered to one is seen by the other within the recheck interval', async () => {
    const created = await admin(
      'POST',
      '/offers',
      crossSellInput({ name: 'Second', holdout: 0.5 }),
    );
    const offer = (await admin('POST', `/offers/${created.body.offer.id}/activate`)).body.offer;
    expect((await sendEvent(a.server.url, offer)).status).toBe(202);

    const body = JSON.stringify({ id: 1 });
    const delivered = await fetch(`${bUrl}/webhooks/app/uninstalled`, {
      method: 'POST',
      headers: webhookHeaders(secrets.apiSecret, secrets.shop, 'app/uninstalled', body),
      body,
    });
    expect(delivered.status).toBe(200);
    // B, which took the delivery, refuses at once.
    expect((await sendEvent(bUrl, offer)).body.error?.code).toBe('shop_not_installed');
    await pastTheBound();
    const refused = await sendEvent(a.server.url, offer);
    expect(refused.status).toBe(401);
    expect(refused.body.error.code).toBe('shop_not_installed');
  });
});
