import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Client, createClient } from '@libsql/client';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { assignArm } from '../../core/decide/index.js';
import { experiments } from '../../drizzle/schema.js';
import { openDatabase } from '../../server/db/client.js';
import { GroupCommit } from '../../server/db/group-commit.js';
import { sqlRunnerFor } from '../../server/db/sql-runner.js';
import { eventWriterFor, planEventWrites } from '../../server/domain/ingest-event-writes.js';
import { pixelWriterFor } from '../../server/domain/pixel-events.js';
import { webhookWriterFor } from '../../server/domain/webhooks/process-webhook.js';
import { adminCall, crossSellInput, type JsonBody } from '../helpers/offers.js';
import { orderPayload } from '../helpers/order-payloads.js';
import { createTestApp, SHOP_A, type TestApp } from '../helpers/test-app.js';

// Groups are written when the test says so: it can look at requests while their group waits.
const flushes: (() => void)[] = [];
const schedule = (flush: () => void) => {
  flushes.push(flush);
};
function writeWaitingGroups() {
  for (const flush of flushes.splice(0)) flush();
}

const dir = mkdtempSync(join(tmpdir(), 'closer-group-commit-'));
const url = `file:${join(dir, 'closer.db')}`;
let t: TestApp;
/** A second connection to the same file: it sees only what was committed. */
let observer: Client;
let offerId: string;
let experiment: typeof experiments.$inferSelect;

beforeAll(async () => {
  t = await createTestApp({ databaseUrl: url, groupCommit: { schedule } });
  await t.install(SHOP_A);
  const created = await adminCall(t, SHOP_A, 'POST', '/offers', crossSellInput({ holdout: 0.5 }));
  offerId = created.body.offer.id;
  const [row] = await t.db
    .select()
    .from(experiments)
    .where(eq(experiments.key, created.body.offer.experiment.key));
  if (!row) throw new Error('no experiment');
  experiment = row;
  observer = createClient({ url });
});
afterAll(() => {
  observer.close();
  t.close();
  rmSync(dir, { recursive: true, force: true });
});

function event(unit: string, type = 'impression') {
  const arm = assignArm(experiment, unit)?.key;
  if (!arm) throw new Error('unit not in experiment');
  return {
    id: randomUUID(),
    type,
    offerId,
    experimentKey: experiment.key,
    arm,
    unit,
    at: Date.now(),
  };
}

async function send(events: unknown[]) {
  const res = await t.app.request('/api/checkout/events', {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${await t.checkoutToken(SHOP_A)}`,
      'Content-Type': 'application/json',
    },
    body: JSON.stringify({ events }),
  });
  return { status: res.status, body: (await res.json()) as JsonBody };
}

/** Lets the requests in flight run until `count` of them wait for their group. */
async function untilWaiting(writer: { waiting: number }, count: number) {
  for (let turn = 0; turn < 10_000 && writer.waiting < count; turn++) {
    await new Promise((resolve) => setImmediate(resolve));
  }
  expect(writer.waiting).toBe(count);
}

async function committedEvents(unit: string): Promise<number> {
  const result = await observer.execute({
    sql: 'select count(*) as n from events where unit = ?',
    args: [unit],
  });
  return Number(result.rows[0]?.n);
}

describe('group commit of checkout events', () => {
  test('batches sent together are answered only after the COMMIT that holds their rows', async () => {
    const units = ['gc-unit-1', 'gc-unit-2', 'gc-unit-3'];
    let answered = 0;
    const responses = units.map((unit) =>
      send([event(unit, 'exposure'), event(unit)]).then(async (res) => {
        answered++;
        return { ...res, committed: await committedEvents(unit) };
      }),
    );
    await untilWaiting(eventWriterFor(t.ctx), 3);
    expect(answered).toBe(0);
    for (const unit of units) expect(await committedEvents(unit)).toBe(0);

    writeWaitingGroups();
    for (const res of await Promise.all(responses)) {
      expect(res.status).toBe(202);
      expect(res.body).toEqual({ accepted: 2, duplicates: 0 });
      expect(res.committed).toBe(2);
    }
    expect(eventWriterFor(t.ctx).waiting).toBe(0);
  });

  test('a batch the database refuses fails alone; the rest of its group is stored', async () => {
    await t.ctx.dbClient.execute(`create trigger refuse_poison before insert on events
      when new.unit = 'gc-poison' begin select raise(abort, 'refused'); end`);
    try {
      const good = ['gc-good-1', 'gc-good-2', 'gc-good-3'];
      const responses = [...good, 'gc-poison'].map((unit) => send([event(unit), event(unit)]));
      await untilWaiting(eventWriterFor(t.ctx), 4);
      writeWaitingGroups();
      const [first, second, third, poisoned] = await Promise.all(responses);
      for (const res of [first, second, third]) {
        expect(res?.status).toBe(202);
        expect(res?.body).toEqual({ accepted: 2, duplicates: 0 });
      }
      expect(poisoned?.status).toBe(500);
      expect(poisoned?.body.error.code).toBe('internal_error');
      for (const unit of good) expect(await committedEvents(unit)).toBe(2);
      expect(await committedEvents('gc-poison')).toBe(0);
    } finally {
      await t.ctx.dbClient.execute('drop trigger refuse_poison');
    }
  });

  test('a batch replayed within one group and in a later one is stored and counted once', async () => {
    const batch = [event('gc-replay', 'exposure'), event('gc-replay'), event('gc-replay', 'click')];
    const together = [send(batch), send(batch)];
    await untilWaiting(eventWriterFor(t.ctx), 2);
    writeWaitingGroups();
    const answers = (await Promise.all(together)).map((res) => res.body);
    expect(answers).toEqual([
      { accepted: 3, duplicates: 0 },
      { accepted: 0, duplicates: 3 },
    ]);
    const later = send(batch);
    await untilWaiting(eventWriterFor(t.ctx), 1);
    writeWaitingGroups();
    expect((await later).body).toEqual({ accepted: 0, duplicates: 3 });
    expect(await committedEvents('gc-replay')).toBe(3);
    const exposures = await observer.execute({
      sql: 'select count(*) as n from exposures where unit = ?',
      args: ['gc-replay'],
    });
    expect(Number(exposures.rows[0]?.n)).toBe(1);
  });
});

describe('group commit of pixel events and webhooks', () => {
  test('pixel batches of one group are answered after it commits, duplicates credited once', async () => {
    const pixel = (id: string) => ({
      id,
      name: 'checkout_completed',
      checkoutToken: 'gc-pixel-token',
      orderId: '1',
      value: 100,
      currency: 'USD',
      at: Date.now(),
    });
    const post = async (events: unknown[]) => {
      const res = await t.app.request('/api/pixel/events', {
        method: 'POST',
        headers: { 'Content-Type': 'text/plain' },
        body: JSON.stringify({ shop: SHOP_A, events }),
      });
      return { status: res.status, body: await res.json() };
    };
    const shared = pixel(randomUUID());
    const responses = [post([shared]), post([shared, pixel(randomUUID())])];
    await untilWaiting(pixelWriterFor(t.ctx), 2);
    writeWaitingGroups();
    expect(await Promise.all(responses)).toEqual([
      { status: 202, body: { accepted: 1, duplicates: 0 } },
      { status: 202, body: { accepted: 1, duplicates: 1 } },
    ]);
    const stored = await observer.execute({
      sql: 'select count(*) as n from pixel_events where checkout_token = ?',
      args: ['gc-pixel-token'],
    });
    expect(Number(stored.rows[0]?.n)).toBe(2);
  });

  test('a delivery the database refuses fails alone, is not recorded, and is processed on retry', async () => {
    const good = [orderPayload(), orderPayload()];
    const poisoned = orderPayload();
    await t.ctx.dbClient.execute(`create trigger refuse_order before insert on orders
      when new.order_id = '${poisoned.id}' begin select raise(abort, 'refused'); end`);
    const poisonedIds = { webhookId: randomUUID() };
    try {
      const deliveries = [
        t.deliver('orders/create', SHOP_A, good[0]),
        t.deliver('orders/create', SHOP_A, poisoned, poisonedIds),
        t.deliver('orders/create', SHOP_A, good[1]),
      ];
      await untilWaiting(webhookWriterFor(t.ctx), 3);
      writeWaitingGroups();
      const statuses = (await Promise.all(deliveries)).map((res) => res.status);
      expect(statuses).toEqual([200, 500, 200]);
    } finally {
      await t.ctx.dbClient.execute('drop trigger refuse_order');
    }
    const stored = async (id: unknown) =>
      Number(
        (
          await observer.execute({
            sql: 'select count(*) as n from orders where order_id = ?',
            args: [String(id)],
          })
        ).rows[0]?.n,
      );
    expect(await stored(good[0]?.id)).toBe(1);
    expect(await stored(good[1]?.id)).toBe(1);
    expect(await stored(poisoned.id)).toBe(0);

    // Shopify retries a 500 with the same webhook id: nothing marked it delivered.
    const retry = t.deliver('orders/create', SHOP_A, poisoned, poisonedIds);
    await untilWaiting(webhookWriterFor(t.ctx), 1);
    writeWaitingGroups();
    expect(await (await retry).json()).toEqual({ ok: true, duplicate: false });
    expect(await stored(poisoned.id)).toBe(1);
  });
});

describe('group commit through the client batch API (as against a remote libSQL server)', () => {
  test('answers after the batch commits and isolates a refused request', async () => {
    const fileUrl = `file:${join(dir, 'remote-like.db')}`;
    (await openDatabase(fileUrl)).close();
    // A client this code did not open: its runner is the batch API a remote URL uses.
    const client = createClient({ url: fileUrl });
    try {
      const flushLater: (() => void)[] = [];
      const writer = new GroupCommit(sqlRunnerFor(client), planEventWrites, {
        windowMs: 0,
        maxRequests: 100,
        schedule: (flush) => {
          flushLater.push(flush);
        },
      });
      const row = (id: string, unit: string | null) => [
        SHOP_A,
        id,
        unit,
        'off',
        'exp',
        'holdout',
        'impression',
        null,
        1,
        1,
      ];
      const answers = [
        writer.submit({ shop: SHOP_A, events: [row('a1', 'u'), row('a2', 'u')], exposures: [] }),
        // NOT NULL unit: the database refuses this one.
        writer.submit({ shop: SHOP_A, events: [row('b1', null)], exposures: [] }),
        writer.submit({ shop: SHOP_A, events: [row('a2', 'u'), row('c1', 'u')], exposures: [] }),
      ];
      const settled = Promise.allSettled(answers);
      // One flush for the group, however many requests joined it.
      expect(flushLater).toHaveLength(1);
      for (const flush of flushLater.splice(0)) flush();
      const [first, refused, third] = await settled;
      expect(first).toEqual({ status: 'fulfilled', value: { accepted: 2, duplicates: 0 } });
      expect(refused?.status).toBe('rejected');
      expect(third).toEqual({ status: 'fulfilled', value: { accepted: 1, duplicates: 1 } });
      const ids = await client.execute('select event_id from events order by event_id');
      expect(ids.rows.map((r) => r.event_id)).toEqual(['a1', 'a2', 'c1']);
    } finally {
      client.close();
    }
  });

  test('a group that meets a lock held elsewhere fails together, without retrying each request', async () => {
    const fileUrl = `file:${join(dir, 'locked.db')}`;
    (await openDatabase(fileUrl)).close();
    const holder = createClient({ url: fileUrl });
    const client = createClient({ url: fileUrl, timeout: 20 });
    const lock = await holder.transaction('write');
    try {
      const runner = sqlRunnerFor(client);
      let attempts = 0;
      const counted = {
        read: runner.read.bind(runner),
        write: (statements: Parameters<typeof runner.write>[0]) => {
          attempts++;
          return runner.write(statements);
        },
      };
      const flushLater: (() => void)[] = [];
      const writer = new GroupCommit(counted, planEventWrites, {
        windowMs: 0,
        maxRequests: 100,
        schedule: (flush) => {
          flushLater.push(flush);
        },
      });
      const row = (id: string) => [
        SHOP_A,
        id,
        'u',
        'off',
        'exp',
        'holdout',
        'impression',
        null,
        1,
        1,
      ];
      const settled = Promise.allSettled(
        ['l1', 'l2', 'l3'].map((id) =>
          writer.submit({ shop: SHOP_A, events: [row(id)], exposures: [] }),
        ),
      );
      for (const flush of flushLater.splice(0)) flush();
      const results = await settled;
      expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
      expect(String((results[0] as PromiseRejectedResult).reason?.code)).toMatch(/^SQLITE_BUSY/);
      expect(attempts).toBe(1);
    } finally {
      await lock.rollback();
      holder.close();
      client.close();
    }
  });
});
