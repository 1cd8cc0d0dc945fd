// A group of orders/create deliveries is written as a few multi-row inserts (planDeliveries in
// server/domain/webhooks/process-webhook.ts). It must store exactly what delivering them one by
// one stores: orders, unit links, credited lines, delivery records and the arm_daily rollup.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { experiments } from '../../drizzle/schema.js';
import { planDeliveries, webhookWriterFor } from '../../server/domain/webhooks/process-webhook.js';
import { RowInsert, type RowShape } from '../../server/domain/webhooks/types.js';
import { adminCall, CARE_KIT, crossSellInput } from '../helpers/offers.js';
import { orderPayload } from '../helpers/order-payloads.js';
import { createTestApp, SHOP_A, SHOP_B, type TestApp } from '../helpers/test-app.js';

// Groups are written when the test says so, so the grouped shop's deliveries share one group.
const flushes: (() => void)[] = [];
let t: TestApp;
const offers: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp({ groupCommit: { schedule: (flush) => void flushes.push(flush) } });
  for (const shop of [SHOP_A, SHOP_B]) {
    await t.install(shop);
    offers[shop] = (await adminCall(t, shop, 'POST', '/offers', crossSellInput())).body.offer.id;
    // The same experiments and exposures in both shops, so arm_daily has something to count.
    for (const unitKind of ['checkout', 'visitor', 'customer'] as const) {
      await t.db.insert(experiments).values({
        shop,
        key: `merge_${unitKind}`,
        offerId: offers[shop] as string,
        seed: `merge_${unitKind}`,
        coverage: 1,
        arms: [
          { key: 'holdout', weight: 0.5, holdout: true },
          { key: 'treatment', weight: 0.5, holdout: false },
        ],
        unitKind,
        outcomeWindowMs: null,
        startedAt: 0,
      });
    }
    const exposures: [string, string, string][] = [
      ['merge_checkout', 'ct_merge_1', 'treatment'],
      ['merge_checkout', 'ct_merge_2', 'holdout'],
      ['merge_visitor', 'vid_merge_shared_1', 'treatment'],
      ['merge_customer', '4401', 'holdout'],
      ['merge_customer', '4402', 'treatment'],
    ];
    for (const [experimentKey, unit, arm] of exposures) {
      await t.db.run(sql`insert into exposures
        (shop, experiment_key, unit, offer_id, arm, first_exposed_at)
        values (${shop}, ${experimentKey}, ${unit}, ${offers[shop]}, ${arm}, 0)`);
    }
  }
});
afterAll(() => t.close());

/** Orders that share units (a visitor, a customer, a resent checkout), one with an offer line. */
function deliveries(shop: string) {
  const order = (id: number, overrides: Record<string, unknown>) =>
    orderPayload({ id, name: `#${id}`, created_at: '2026-11-20T10:00:00Z', ...overrides });
  const visitor = [{ name: '_closer_vid', value: 'vid_merge_shared_1' }];
  const first = order(71001, { checkout_token: 'ct_merge_1', customer: { id: 4401 } });
  return [
    { payload: first, ids: { webhookId: 'm-1', eventId: 'e-1' } },
    {
      payload: order(71002, {
        checkout_token: 'ct_merge_2',
        customer: { id: 4401 },
        note_attributes: visitor,
        line_items: [
          {
            id: 1,
            product_id: 1,
            variant_id: 20081,
            quantity: 1,
            price: '19.00',
            price_set: { shop_money: { amount: '19.00', currency_code: 'USD' } },
            discount_allocations: [],
            properties: [{ name: '_closer_offer', value: `${offers[shop]}:treatment` }],
          },
        ],
      }),
      ids: { webhookId: 'm-2', eventId: 'e-2' },
    },
    // The same order again under a new webhook id, and a retry of the first delivery.
    { payload: first, ids: { webhookId: 'm-3', eventId: 'e-3' } },
    { payload: first, ids: { webhookId: 'm-1', eventId: 'e-1' } },
    {
      payload: order(71003, {
        checkout_token: null,
        customer: { id: 4402 },
        note_attributes: visitor,
      }),
      ids: { webhookId: 'm-4', eventId: 'e-4' },
    },
    {
      payload: order(71004, { checkout_token: 'ct_merge_1', customer: null, line_items: [] }),
      ids: { webhookId: 'm-5', eventId: 'e-5' },
    },
    // A care-kit order whose property names another shop's offer: credits nothing.
    {
      payload: order(71005, {
        checkout_token: 'ct_merge_3',
        customer: { id: 4402 },
        line_items: [
          {
            id: 1,
            product_id: 1,
            variant_id: Number(CARE_KIT.split('/').pop()),
            quantity: 2,
            price: '19.00',
            price_set: { shop_money: { amount: '19.00', currency_code: 'USD' } },
            discount_allocations: [],
            properties: [{ name: '_closer_offer', value: 'foreign_offer:treatment' }],
          },
        ],
      }),
      ids: { webhookId: 'm-6', eventId: 'e-6' },
    },
  ];
}

/** What a shop's deliveries left, with the shop and the shop's own offer id taken out. */
async function stored(shop: string) {
  const rows = async (query: ReturnType<typeof sql>) =>
    (await t.db.all<Record<string, unknown>>(query)).map((row) =>
      JSON.parse(JSON.stringify(row).replaceAll(offers[shop] as string, 'OFFER')),
    );
  return {
    orders: await rows(sql`select order_id, name, checkout_token, customer_id, subtotal, total,
      total_discounts, refunded, lines, attributes, created_at
      from orders where shop = ${shop} order by order_id`),
    links: await rows(sql`select order_id, unit_kind, unit from order_units
      where shop = ${shop} order by order_id, unit_kind, unit`),
    credited: await rows(sql`select order_id, line_id, offer_id, arm, amount
      from attributed_lines where shop = ${shop} order by order_id, line_id`),
    deliveries: await rows(sql`select webhook_id, topic, event_id from webhook_deliveries
      where shop = ${shop} and webhook_id like 'm-%' order by webhook_id`),
    rollup: await rows(sql`select experiment_key, arm, day, units, orders, revenue,
      revenue_squares, discounts, refunded from arm_daily where shop = ${shop}
      order by experiment_key, arm, day`),
  };
}

test('a group of orders written as multi-row inserts stores what one-by-one delivery stores', async () => {
  const writer = webhookWriterFor(t.ctx);
  // SHOP_A one by one: each delivery's group is written before the next is sent.
  for (const { payload, ids } of deliveries(SHOP_A)) {
    const answer = t.deliver('orders/create', SHOP_A, payload, ids);
    for (let turn = 0; turn < 10_000 && writer.waiting === 0 && flushes.length === 0; turn++)
      await new Promise((resolve) => setImmediate(resolve));
    for (const flush of flushes.splice(0)) flush();
    expect((await answer).status).toBe(200);
  }
  // SHOP_B all at once: they wait in one group, written when the test flushes it.
  const sent = deliveries(SHOP_B).map(({ payload, ids }) =>
    t.deliver('orders/create', SHOP_B, payload, ids),
  );
  // The retry of m-1 is recognised only after m-1 commits; sent together, it is in the group too.
  for (let turn = 0; turn < 10_000 && writer.waiting < sent.length; turn++)
    await new Promise((resolve) => setImmediate(resolve));
  expect(writer.waiting).toBe(sent.length);
  for (const flush of flushes.splice(0)) flush();
  for (const res of await Promise.all(sent)) expect(res.status).toBe(200);

  const one = await stored(SHOP_A);
  const grouped = await stored(SHOP_B);
  expect(grouped).toEqual(one);
  // The comparison has something in it: orders linked to shared units, a credited line, counts.
  expect(one.orders).toHaveLength(5);
  expect(one.links.length).toBeGreaterThan(5);
  expect(one.credited).toEqual([
    { order_id: '71002', line_id: '1', offer_id: 'OFFER', arm: 'treatment', amount: 1900 },
  ]);
  expect(one.rollup.some((row) => Number(row.orders) > 1)).toBe(true);
});

test('a run is planned as one multi-row insert per table, unless its deliveries disagree on order', () => {
  const shape = (table: string) => ({
    into: `insert into ${table} (x)`,
    row: '(?)',
    tail: 'on conflict do nothing',
  });
  const [a, b] = [shape('a'), shape('b')];
  const insert = (s: RowShape, x: number) => new RowInsert(s, [x]);
  const merged = planDeliveries([
    [insert(a, 1), insert(b, 1)],
    [insert(a, 2), insert(b, 2), insert(b, 3)],
    [insert(a, 3)],
  ]).statements;
  // Three rows each: statements of 2 and 1 rows, a's before b's, rows in arrival order.
  expect(merged.map((s) => [s.sql, s.args])).toEqual([
    ['insert into a (x) values (?), (?) on conflict do nothing', [1, 2]],
    ['insert into a (x) values (?) on conflict do nothing', [3]],
    ['insert into b (x) values (?), (?) on conflict do nothing', [1, 2]],
    ['insert into b (x) values (?) on conflict do nothing', [3]],
  ]);
  // b before a in the second delivery: merging would move its b row before the first's a row.
  const apart = planDeliveries([
    [insert(a, 1), insert(b, 1)],
    [insert(b, 2), insert(a, 2)],
  ]).statements;
  expect(apart.map((s) => s.args)).toEqual([[1], [1], [2], [2]]);
  expect(apart.map((s) => s.sql.split(' ')[2])).toEqual(['a', 'b', 'b', 'a']);
  // Any other write (here plain SQL) keeps its place and ends the run before it.
  const mixed = planDeliveries([
    [insert(a, 1)],
    [{ sql: 'delete from a', args: [] }],
    [insert(a, 2)],
  ]).statements;
  expect(mixed.map((s) => s.sql)).toEqual([
    'insert into a (x) values (?) on conflict do nothing',
    'delete from a',
    'insert into a (x) values (?) on conflict do nothing',
  ]);
});
