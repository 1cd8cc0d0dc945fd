import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '@libsql/client';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { assignArm } from '../../core/decide/index.js';
import { type DemoShop, loadOrCreateDemoShop } from '../../server/demo/demo-shop.js';
import {
  signAdminIdToken,
  signCheckoutSessionToken,
  webhookHeaders,
} from '../../server/demo/shopify-signatures.js';
import {
  type DemoProcess,
  type PlainAnswer,
  postOnce,
  startDemoProcess,
} from '../helpers/demo-process.js';
import { crossSellInput } from '../helpers/offers.js';
import { orderPayload } from '../helpers/order-payloads.js';

/**
 * kill -9 under load. The real demo server runs as its own process on a file database; a stream
 * of signed orders/create webhooks and checkout event batches is sent over 127.0.0.1 by several
 * clients at once, and the process is SIGKILLed while requests are in flight. Whatever the server
 * acknowledged (2xx) must be on disk at that moment, exactly once; after a restart on the same
 * database and port, replays of the same webhook ids and event ids change nothing, and the
 * report rollups still equal the rows they summarise.
 */
const ORDERS = 300;
const BATCHES = 150;
const CLIENTS = 8;
/** Acknowledgements after which the server is killed, with the stream still running. */
const KILL_AFTER = Math.floor((ORDERS + BATCHES) * 0.4);

let dataDir: string;
let server: DemoProcess | undefined;
let account: DemoShop;
let experiment: {
  key: string;
  seed: string;
  coverage: number;
  arms: { key: string; weight: number; holdout: boolean }[];
};
let offerId: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'closer-kill-'));
  server = await startDemoProcess(dataDir);
  account = loadOrCreateDemoShop(dataDir);
  const created = await postJson('/api/admin/offers', crossSellInput({ holdout: 0.5 }));
  offerId = created.offer.id;
  experiment = created.offer.experiment;
  await postJson(`/api/admin/offers/${offerId}/activate`, {});
}, 120_000);

afterAll(async () => {
  if (server && server.child.exitCode === null && server.child.signalCode === null) {
    server.child.kill('SIGKILL');
    await server.exited;
  }
  rmSync(dataDir, { recursive: true, force: true });
});

// biome-ignore lint/suspicious/noExplicitAny: admin answers are read field by field below
async function postJson(path: string, body: unknown): Promise<any> {
  const answer = await postOnce(
    `${server?.url}${path}`,
    {
      authorization: `Bearer ${await signAdminIdToken(account, account.shop)}`,
      'content-type': 'application/json',
    },
    JSON.stringify(body),
  );
  if (answer.status >= 300) throw new Error(`setup ${path}: ${answer.status} ${answer.body}`);
  return JSON.parse(answer.body);
}

interface Job {
  name: string;
  kind: 'order' | 'batch';
  path: string;
  body: string;
  /** Webhook headers are signed once: a replay carries the same webhook and event ids. */
  headers?: Record<string, string>;
  events: number;
}

const unitOf = (i: number) => `unit-${i}`;
const subtotalOf = (i: number) => 100 + (i % 37) * 125;

function plannedJobs(): Job[] {
  const jobs: Job[] = [];
  for (let i = 1; i <= ORDERS; i++) {
    const amount = (subtotalOf(i) / 100).toFixed(2);
    const money = { shop_money: { amount, currency_code: 'USD' } };
    // Half the orders come from units that were exposed, so the rollups have something to join.
    const body = JSON.stringify(
      orderPayload({
        id: 8_000_000 + i,
        checkout_token: i <= BATCHES ? unitOf(i) : `ct-${i}`,
        subtotal_price: amount,
        subtotal_price_set: money,
      }),
    );
    jobs.push({
      name: `order ${i}`,
      kind: 'order',
      path: '/webhooks/orders/create',
      body,
      headers: webhookHeaders(account.apiSecret, account.shop, 'orders/create', body, {
        webhookId: `kill-wh-${i}`,
        eventId: `kill-ev-${i}`,
      }),
      events: 0,
    });
  }
  for (let i = 1; i <= BATCHES; i++) {
    const unit = unitOf(i);
    const arm = assignArm(experiment, unit)?.key ?? 'none';
    const types = ['exposure', 'impression', ...(i % 3 === 0 ? ['add'] : [])];
    const events = types.map((type, j) => ({
      id: `kill-event-${i}-${j}`,
      type,
      offerId,
      experimentKey: experiment.key,
      arm,
      unit,
      at: Date.now(),
    }));
    jobs.push({
      name: `batch ${i}`,
      kind: 'batch',
      path: '/api/checkout/events',
      body: JSON.stringify({ events }),
      events: events.length,
    });
  }
  // Interleaved, as orders and checkouts arrive together.
  return jobs.sort((a, b) => hashOf(a.name) - hashOf(b.name));
}

function hashOf(text: string): number {
  let h = 2166136261;
  for (const c of text) h = Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0;
  return h;
}

async function send(job: Job, url: string): Promise<PlainAnswer> {
  const headers = job.headers ?? {
    authorization: `Bearer ${await signCheckoutSessionToken(account, account.shop)}`,
    'content-type': 'application/json',
  };
  return postOnce(`${url}${job.path}`, headers, job.body);
}

const acknowledged = (answer: PlainAnswer) => answer.status >= 200 && answer.status < 300;

/** What the database file holds (no server running): read with a connection of our own. */
async function readStore() {
  const client = createClient({ url: `file:${join(dataDir, 'closer.db')}` });
  try {
    const rows = async (sql: string) => (await client.execute(sql)).rows;
    return {
      orders: (await rows('select order_id from orders')).map((r) => String(r.order_id)),
      deliveries: (await rows('select webhook_id from webhook_deliveries')).map((r) =>
        String(r.webhook_id),
      ),
      events: (await rows('select event_id from events')).map((r) => String(r.event_id)),
      exposures: Number((await rows('select count(*) as n from exposures'))[0]?.n),
      subtotal: Number((await rows('select total(subtotal) as s from orders'))[0]?.s),
      rollup: (
        await rows(
          'select total(units) as units, total(orders) as orders, total(revenue) as revenue from arm_daily',
        )
      )[0],
      joined: (
        await rows(`select count(*) as orders, total(o.subtotal) as revenue from exposures e
          join orders o on o.shop = e.shop and o.checkout_token = e.unit`)
      )[0],
    };
  } finally {
    client.close();
  }
}

/** Sends jobs from a shared queue with several clients; stops taking jobs once `stop()` is true. */
async function stream(
  jobs: Job[],
  url: string,
  onAnswer: (job: Job, answer: PlainAnswer | null) => void,
  stop = () => false,
) {
  let next = 0;
  const client = async () => {
    while (!stop() && next < jobs.length) {
      const job = jobs[next++] as Job;
      let answer: PlainAnswer | null;
      try {
        answer = await send(job, url);
      } catch {
        answer = null; // connection refused or cut: not acknowledged
      }
      onAnswer(job, answer);
    }
  };
  await Promise.all(Array.from({ length: CLIENTS }, client));
  return next;
}

describe('kill -9 under a stream of webhooks and event batches', () => {
  test('every acknowledged write survives exactly once, and replays after a restart change nothing', async () => {
    const jobs = plannedJobs();
    const running = server as DemoProcess;
    const acked = new Set<Job>();
    let killed = false;
    const sentCount = await stream(
      jobs,
      running.url,
      (job, answer) => {
        // No answer: in flight when the server died; it may or may not have been stored.
        if (answer && acknowledged(answer)) acked.add(job);
        else if (answer)
          throw new Error(`${job.name} refused before the kill: ${answer.status} ${answer.body}`);
        if (!killed && acked.size >= KILL_AFTER) {
          killed = true;
          running.child.kill('SIGKILL');
        }
      },
      () => killed,
    );
    expect(await running.exited).toBe('SIGKILL');
    const sent = jobs.slice(0, sentCount);
    const neverSent = jobs.slice(sentCount);
    expect(acked.size).toBeGreaterThanOrEqual(KILL_AFTER);
    expect(neverSent.length).toBeGreaterThan(0);

    // On disk right after the kill: every acknowledged write, once (keys are unique by schema,
    // so "once" is also checked by counting against the list of ids).
    const afterKill = await readStore();
    const ackedOrders = [...acked].filter((j) => j.kind === 'order');
    const ackedBatches = [...acked].filter((j) => j.kind === 'batch');
    for (const job of ackedOrders) {
      const id = String(JSON.parse(job.body).id);
      expect(
        afterKill.orders.filter((o) => o === id),
        job.name,
      ).toHaveLength(1);
      expect(afterKill.deliveries, job.name).toContain(job.headers?.['x-shopify-webhook-id']);
    }
    for (const job of ackedBatches) {
      for (const event of JSON.parse(job.body).events as { id: string }[])
        expect(
          afterKill.events.filter((e) => e === event.id),
          job.name,
        ).toHaveLength(1);
    }
    // Nothing unacknowledged and unsent can be there, and nothing twice.
    expect(new Set(afterKill.orders).size).toBe(afterKill.orders.length);
    expect(afterKill.orders.length).toBeLessThanOrEqual(
      sent.filter((j) => j.kind === 'order').length,
    );

    // Restart on the same database and port; replay everything sent before the kill (same webhook
    // ids, same event ids), then send what was never sent.
    server = await startDemoProcess(dataDir, running.port);
    const restarted = server;
    expect(restarted.url).toBe(running.url);
    const replayAnswers = new Map<Job, PlainAnswer | null>();
    await stream(sent, restarted.url, (job, answer) => replayAnswers.set(job, answer));
    for (const job of sent) {
      const answer = replayAnswers.get(job);
      expect(answer && acknowledged(answer), `${job.name} replay`).toBe(true);
      const body = JSON.parse(answer?.body ?? '{}');
      if (acked.has(job)) {
        // Already stored: the replay is recognised and changes nothing.
        if (job.kind === 'order') expect(body, job.name).toEqual({ ok: true, duplicate: true });
        else expect(body, job.name).toEqual({ accepted: 0, duplicates: job.events });
      }
    }
    const restAnswers = new Map<Job, PlainAnswer | null>();
    await stream(neverSent, restarted.url, (job, answer) => restAnswers.set(job, answer));
    for (const job of neverSent) {
      const answer = restAnswers.get(job);
      expect(answer && acknowledged(answer), job.name).toBe(true);
      const body = JSON.parse(answer?.body ?? '{}');
      if (job.kind === 'order') expect(body, job.name).toEqual({ ok: true, duplicate: false });
      else expect(body, job.name).toEqual({ accepted: job.events, duplicates: 0 });
    }
    // And once more, everything: all duplicates now.
    const again = new Map<Job, PlainAnswer | null>();
    await stream(jobs, restarted.url, (job, answer) => again.set(job, answer));
    for (const job of jobs) {
      const body = JSON.parse(again.get(job)?.body ?? '{}');
      if (job.kind === 'order') expect(body, job.name).toEqual({ ok: true, duplicate: true });
      else expect(body, job.name).toEqual({ accepted: 0, duplicates: job.events });
    }

    // Stop cleanly and read the final store: every write once, totals and rollups exact.
    restarted.child.kill('SIGTERM');
    expect(await restarted.exited).toBe(0);
    const final = await readStore();
    expect(final.orders).toHaveLength(ORDERS);
    expect(new Set(final.orders).size).toBe(ORDERS);
    expect(final.deliveries.filter((id) => id.startsWith('kill-wh-'))).toHaveLength(ORDERS);
    const plannedEvents = jobs.filter((j) => j.kind === 'batch').reduce((n, j) => n + j.events, 0);
    expect(final.events).toHaveLength(plannedEvents);
    expect(final.exposures).toBe(BATCHES);
    let expectedSubtotal = 0;
    for (let i = 1; i <= ORDERS; i++) expectedSubtotal += subtotalOf(i);
    expect(final.subtotal).toBe(expectedSubtotal);
    expect(Number(final.rollup?.units)).toBe(BATCHES);
    expect(Number(final.rollup?.orders)).toBe(Number(final.joined?.orders));
    expect(Number(final.rollup?.revenue)).toBe(Number(final.joined?.revenue));
    expect(Number(final.joined?.orders)).toBe(BATCHES);
  }, 240_000);
});
