import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { webhookHeaders } from '../../server/demo/shopify-signatures.js';
import { isNestedDeeperThan, MAX_PAYLOAD_DEPTH } from '../../server/domain/invalid-payload.js';
import { isJsonDeeperThan, MAX_JSON_DEPTH } from '../../server/http/json-depth.js';
import { adminCall, crossSellInput, type JsonBody } from '../helpers/offers.js';
import { orderPayload } from '../helpers/order-payloads.js';
import { createTestApp, SHOP_A, SHOP_B, type TestApp } from '../helpers/test-app.js';
import { snapshotStore } from './harness.js';

/**
 * Each defect the hostile-input suite found, pinned by the smallest request that showed it, so a
 * change of seed or generators cannot lose the case.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await t.install(SHOP_A);
  await t.install(SHOP_B);
});
afterAll(() => t.close());

const nestedArrays = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

describe('deeply nested JSON (found by the fuzzer: POST /api/admin/offers answered 500)', () => {
  test('an offer whose condition nests 20,000 arrays is refused with 400 json_too_deep, storing nothing', async () => {
    const body = JSON.stringify(crossSellInput()).replace(
      '"condition":null',
      `"condition":{"x":${nestedArrays(20_000)}}`,
    );
    const before = await snapshotStore(t);
    const res = await t.app.request('/api/admin/offers', {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${await t.idToken(SHOP_A)}`,
        'Content-Type': 'application/json',
      },
      body,
    });
    expect(res.status).toBe(400);
    const answer = (await res.json()) as JsonBody;
    expect(answer.error.code).toBe('json_too_deep');
    expect(answer.error.requestId).toBe(res.headers.get('x-request-id'));
    expect(await snapshotStore(t)).toEqual(before);
  });

  test('an ordinary condition with a few levels is still accepted', async () => {
    const created = await adminCall(
      t,
      SHOP_A,
      'POST',
      '/offers',
      crossSellInput({ condition: { all: [{ any: [{ cartSubtotalAtLeast: 1000 }] }] } }),
    );
    expect(created.status).toBe(201);
  });

  test.each([
    ['PATCH', '/api/admin/settings', 'admin'],
    ['POST', '/api/checkout/events', 'checkout'],
    ['POST', '/api/pixel/events', 'none'],
  ])('%s %s refuses the same body with 400, not 500', async (method, path, auth) => {
    const headers: Record<string, string> = { 'Content-Type': 'application/json' };
    if (auth === 'admin') headers.Authorization = `Bearer ${await t.idToken(SHOP_A)}`;
    if (auth === 'checkout') headers.Authorization = `Bearer ${await t.checkoutToken(SHOP_A)}`;
    const res = await t.app.request(path, {
      method,
      headers,
      body: `{"events":${nestedArrays(5_000)}}`,
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as JsonBody).error.code).toBe('json_too_deep');
  });

  test('the depth scan counts structure only, not brackets inside strings', () => {
    const inString = JSON.stringify({ text: '['.repeat(1_000), escaped: '\\"[[[[' });
    expect(isJsonDeeperThan(inString)).toBe(false);
    expect(isJsonDeeperThan(nestedArrays(MAX_JSON_DEPTH))).toBe(false);
    expect(isJsonDeeperThan(nestedArrays(MAX_JSON_DEPTH + 1))).toBe(true);
    expect(
      isJsonDeeperThan(`[${'{"a":'.repeat(MAX_JSON_DEPTH)}1${'}'.repeat(MAX_JSON_DEPTH)}]`),
    ).toBe(true);
  });
});

describe('a signed webhook nested thousands deep (found by the fuzzer: 500, which Shopify retries)', () => {
  test.each([
    [
      'a note attribute',
      (deep: string) => ['"note_attributes":[', `"note_attributes":[{"name":"n","value":${deep}},`],
    ],
    [
      'a line item property',
      (deep: string) => ['"properties":[]', `"properties":[{"name":"p","value":${deep}}]`],
    ],
  ])(
    'an order with %s 20,000 arrays deep is acknowledged and quarantined, not stored',
    async (_, place) => {
      const payload = orderPayload();
      const [from, to] = place(nestedArrays(20_000)) as [string, string];
      const body = JSON.stringify(payload).replace(from, to);
      const res = await t.app.request('/webhooks/orders/create', {
        method: 'POST',
        headers: webhookHeaders(t.secrets.apiSecret, SHOP_A, 'orders/create', body),
        body,
      });
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ ok: true, duplicate: false, quarantined: true });
      const stored = await t.ctx.dbClient.execute({
        sql: 'select count(*) from orders where shop = ? and order_id = ?',
        args: [SHOP_A, String(payload.id)],
      });
      expect(stored.rows[0]?.[0]).toBe(0);
      const quarantined = await t.ctx.dbClient.execute({
        sql: 'select reason from quarantined_webhooks where shop = ? and resource_id = ?',
        args: [SHOP_A, String(payload.id)],
      });
      expect(String(quarantined.rows[0]?.[0])).toContain('deeper than');
    },
  );

  test('the depth check on parsed payloads counts levels like the text scan', () => {
    const nested = (depth: number) => JSON.parse(nestedArrays(depth)) as unknown;
    expect(isNestedDeeperThan(nested(MAX_PAYLOAD_DEPTH), MAX_PAYLOAD_DEPTH)).toBe(false);
    expect(isNestedDeeperThan(nested(MAX_PAYLOAD_DEPTH + 1), MAX_PAYLOAD_DEPTH)).toBe(true);
    expect(isNestedDeeperThan(orderPayload(), MAX_PAYLOAD_DEPTH)).toBe(false);
  });
});

describe('shop/redact (found by the fuzzer: it left the shop in the publication outbox)', () => {
  test('erases every row naming the shop, the publication outbox included', async () => {
    const created = await adminCall(t, SHOP_B, 'POST', '/offers', crossSellInput());
    await adminCall(t, SHOP_B, 'POST', `/offers/${created.body.offer.id}/activate`);
    const res = await t.deliver('shop/redact', SHOP_B, { shop_id: 1, shop_domain: SHOP_B });
    expect(res.status).toBe(200);
    const tables = await t.ctx.dbClient.execute(
      "select name from sqlite_master where type = 'table' and sql like '%shop%' and name not like 'sqlite_%' and name not like '%drizzle%'",
    );
    for (const row of tables.rows) {
      const table = String(row[0]);
      const left = await t.ctx.dbClient.execute({
        sql: `select count(*) from "${table}" where shop = ?`,
        args: [SHOP_B],
      });
      expect(left.rows[0]?.[0], table).toBe(0);
    }
    expect(tables.rows.map((row) => row[0])).toContain('shop_publications');
  });
});

describe('note attribute and line property values that are objects (found by the fuzzer, seed 2: 500)', () => {
  test.each([
    ['{"toString":1}', '{"toString":1}'],
    ['[{"valueOf":{},"toString":"x"}]', '[{"valueOf":{},"toString":"x"}]'],
    ['{"toJSON":"x"}', '{"toJSON":"x"}'],
  ])(
    'a signed order whose values are %s is stored, the value kept as its JSON',
    async (value, kept) => {
      const payload = orderPayload();
      const body = JSON.stringify(payload)
        .replace('"note_attributes":[', `"note_attributes":[{"name":"odd","value":${value}},`)
        .replace('"properties":[]', `"properties":[{"name":"odd","value":${value}}]`);
      const res = await t.app.request('/webhooks/orders/create', {
        method: 'POST',
        headers: webhookHeaders(t.secrets.apiSecret, SHOP_A, 'orders/create', body),
        body,
      });
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ ok: true, duplicate: false });
      const stored = await t.ctx.dbClient.execute({
        sql: 'select attributes, lines from orders where shop = ? and order_id = ?',
        args: [SHOP_A, String(payload.id)],
      });
      expect(JSON.parse(String(stored.rows[0]?.[0])).odd).toBe(kept);
      expect(JSON.parse(String(stored.rows[0]?.[1]))[0].properties.odd).toBe(kept);
    },
  );
});

describe('pixel event ids the store cannot give back (found by the fuzzer: stored, yet answered "duplicate")', () => {
  const send = (id: string) =>
    t.app.request('/api/pixel/events', {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain' },
      body: JSON.stringify({
        shop: SHOP_A,
        events: [{ id, name: 'checkout_completed', checkoutToken: 'ct-1', at: 1 }],
      }),
    });

  test.each([['a\u0000b'], ['\uD800'], ['x\uDFFFy']])(
    'an id with NUL or an unpaired surrogate (%j) is refused with 400, storing nothing',
    async (id) => {
      const before = await snapshotStore(t);
      const res = await send(id);
      expect(res.status).toBe(400);
      expect(((await res.json()) as JsonBody).error.code).toBe('invalid_pixel_events');
      expect(await snapshotStore(t)).toEqual(before);
    },
  );

  test('any other text is an id: stored once, then recognised as a duplicate', async () => {
    const id = `ﷺ‮-😀-${Date.now()}`;
    const first = await send(id);
    expect(await first.json()).toEqual({ accepted: 1, duplicates: 0 });
    const again = await send(id);
    expect(await again.json()).toEqual({ accepted: 0, duplicates: 1 });
  });
});
