import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  attributedLines,
  orders,
  quarantinedWebhooks,
  refunds,
  webhookDeliveries,
} from '../../drizzle/schema.js';
import { orderPayload, refundPayload } from '../helpers/order-payloads.js';
import { createTestApp, SHOP_A, SHOP_B, type TestApp } from '../helpers/test-app.js';

/*
 * Signed webhooks whose money or quantities can never be accepted are answered 200 (so Shopify
 * stops retrying), recorded in quarantined_webhooks without their body, logged, and change
 * nothing else. Today's code stored them as garbage (−5000, 0, 1200) or answered 500.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await t.install(SHOP_A);
  await t.install(SHOP_B);
});
afterAll(() => t.close());

const usd = (amount: string) => ({ shop_money: { amount, currency_code: 'USD' } });

async function storedOrder(shop: string, id: number | string) {
  return t.db
    .select()
    .from(orders)
    .where(and(eq(orders.shop, shop), eq(orders.orderId, String(id))))
    .get();
}

async function quarantined(shop: string, webhookId: string) {
  return t.db
    .select()
    .from(quarantinedWebhooks)
    .where(and(eq(quarantinedWebhooks.shop, shop), eq(quarantinedWebhooks.webhookId, webhookId)))
    .get();
}

describe('orders/create with money that does not parse', () => {
  test.each(['-50.00', 'NaN', 'abc', '1e400', '12abc', '1e307', '19.999'])(
    'subtotal %j is quarantined: 200, a row and a log line, no order',
    async (amount) => {
      const payload = orderPayload({ subtotal_price_set: usd(amount) });
      const webhookId = randomUUID();
      const res = await t.deliver('orders/create', SHOP_A, payload, { webhookId });
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ ok: true, duplicate: false, quarantined: true });
      expect(await storedOrder(SHOP_A, payload.id)).toBeUndefined();
      const row = await quarantined(SHOP_A, webhookId);
      expect(row).toMatchObject({ topic: 'orders/create', resourceId: String(payload.id) });
      expect(row?.reason).toContain('subtotal_price_set.shop_money.amount');
      const logged = t.logLines.find(
        (line) => line.includes('webhook quarantined') && line.includes(webhookId),
      );
      expect(logged).toBeDefined();
      // Neither the row nor the log line keeps the body or shopper details.
      expect(JSON.stringify(row)).not.toContain('shopper@example.com');
      expect(logged).not.toContain('shopper@example.com');
    },
  );

  test('a bad line price, discount or total is caught as well, naming the field', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ total_price_set: usd('abc') }, 'total_price_set'],
      [{ total_tax_set: usd('-1.00') }, 'total_tax_set'],
      [
        {
          line_items: [{ ...orderPayload().line_items[0], price_set: usd('NaN'), price: 'NaN' }],
        },
        'line_items.0.price',
      ],
      [
        {
          line_items: [
            {
              ...orderPayload().line_items[0],
              discount_allocations: [{ amount: '-5.00', amount_set: usd('-5.00') }],
            },
          ],
        },
        'line_items.0.discount_allocations.0.amount',
      ],
    ];
    for (const [overrides, field] of cases) {
      const payload = orderPayload(overrides);
      const webhookId = randomUUID();
      const res = await t.deliver('orders/create', SHOP_A, payload, { webhookId });
      expect(await res.json()).toMatchObject({ quarantined: true });
      expect((await quarantined(SHOP_A, webhookId))?.reason).toContain(field);
      expect(await storedOrder(SHOP_A, payload.id)).toBeUndefined();
    }
  });

  test('a quantity of 10⁹ is out of range: quarantined, nothing attributed', async () => {
    const payload = orderPayload();
    const line = { ...payload.line_items[1], quantity: 1_000_000_000, price_set: usd('0.01') };
    const webhookId = randomUUID();
    const res = await t.deliver(
      'orders/create',
      SHOP_A,
      { ...payload, line_items: [line], subtotal_price_set: usd('10000000.00') },
      { webhookId },
    );
    expect(await res.json()).toMatchObject({ quarantined: true });
    expect((await quarantined(SHOP_A, webhookId))?.reason).toContain('line_items.0.quantity');
    expect(await storedOrder(SHOP_A, payload.id)).toBeUndefined();
    const lines = await t.db
      .select()
      .from(attributedLines)
      .where(eq(attributedLines.orderId, String(payload.id)));
    expect(lines).toHaveLength(0);
  });

  test('price × quantity above the maximum is refused even when each is in range', async () => {
    const payload = orderPayload();
    const line = { ...payload.line_items[0], quantity: 1_000_000, price_set: usd('100000.00') };
    const webhookId = randomUUID();
    const res = await t.deliver(
      'orders/create',
      SHOP_A,
      { ...payload, line_items: [line] },
      { webhookId },
    );
    expect(await res.json()).toMatchObject({ quarantined: true });
    expect((await quarantined(SHOP_A, webhookId))?.reason).toContain('line_items.0');
  });

  test('a payload that fails validation is quarantined too, naming the field', async () => {
    const webhookId = randomUUID();
    const res = await t.deliver('orders/create', SHOP_A, { id: 5, currency: 'USD' }, { webhookId });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ quarantined: true });
    const row = await quarantined(SHOP_A, webhookId);
    expect(row?.reason).toContain('invalid_order_payload');
    expect(row?.reason).toContain('line_items');
    expect(row?.resourceId).toBe('5');
  });

  test('Shopify retrying a quarantined delivery gets a duplicate, and nothing changes', async () => {
    const payload = orderPayload({ subtotal_price_set: usd('NaN') });
    const webhookId = randomUUID();
    await t.deliver('orders/create', SHOP_A, payload, { webhookId });
    const again = await t.deliver('orders/create', SHOP_A, payload, { webhookId });
    expect(await again.json()).toEqual({ ok: true, duplicate: true });
    const rows = await t.db
      .select()
      .from(quarantinedWebhooks)
      .where(eq(quarantinedWebhooks.webhookId, webhookId));
    expect(rows).toHaveLength(1);
  });

  test('a JPY order padded to two places is stored, not quarantined', async () => {
    const yen = (amount: string) => ({ shop_money: { amount, currency_code: 'JPY' } });
    const payload = orderPayload({
      currency: 'JPY',
      subtotal_price_set: yen('6400.00'),
      total_price_set: yen('7040.00'),
      total_discounts_set: yen('600.00'),
      total_tax_set: yen('640.00'),
      line_items: [
        { ...orderPayload().line_items[1], price: '1000.00', price_set: yen('1000.00') },
      ],
    });
    const res = await t.deliver('orders/create', SHOP_A, payload);
    expect(await res.json()).toEqual({ ok: true, duplicate: false });
    expect(await storedOrder(SHOP_A, payload.id)).toMatchObject({
      currency: 'JPY',
      subtotal: 6400,
      total: 7040,
    });
  });
});

describe('refunds/create with money that does not parse', () => {
  test('a negative refund never raises net revenue: quarantined, refunded unchanged', async () => {
    const payload = orderPayload();
    await t.deliver('orders/create', SHOP_A, payload);
    await t.deliver('refunds/create', SHOP_A, refundPayload(payload.id, '10.00'));
    const webhookId = randomUUID();
    const res = await t.deliver('refunds/create', SHOP_A, refundPayload(payload.id, '-50.00'), {
      webhookId,
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ quarantined: true });
    const order = await storedOrder(SHOP_A, payload.id);
    expect(order?.refunded).toBe(1000);
    expect(order ? order.subtotal - order.refunded : null).toBe(5400);
    const rows = await t.db
      .select()
      .from(refunds)
      .where(and(eq(refunds.shop, SHOP_A), eq(refunds.orderId, String(payload.id))));
    expect(rows.map((r) => r.amount)).toEqual([1000]);
    expect((await quarantined(SHOP_A, webhookId))?.reason).toContain(
      'refund_line_items.0.subtotal',
    );
  });

  test.each(['NaN', '1e307', '12abc'])(
    'refund %j is quarantined, nothing stored',
    async (amount) => {
      const payload = orderPayload();
      await t.deliver('orders/create', SHOP_A, payload);
      const res = await t.deliver('refunds/create', SHOP_A, refundPayload(payload.id, amount));
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ quarantined: true });
      expect((await storedOrder(SHOP_A, payload.id))?.refunded).toBe(0);
    },
  );
});

describe('quarantine is per shop and goes with the shop', () => {
  test('shop/redact deletes the shop’s quarantined rows and no other shop’s', async () => {
    const idA = randomUUID();
    const idB = randomUUID();
    await t.deliver('orders/create', SHOP_A, orderPayload({ subtotal_price_set: usd('x') }), {
      webhookId: idA,
    });
    await t.deliver('orders/create', SHOP_B, orderPayload({ subtotal_price_set: usd('x') }), {
      webhookId: idB,
    });
    await t.deliver('shop/redact', SHOP_B, { shop_id: 2, shop_domain: SHOP_B });
    expect(await quarantined(SHOP_A, idA)).toBeDefined();
    expect(await quarantined(SHOP_B, idB)).toBeUndefined();
    const deliveriesB = await t.db
      .select()
      .from(webhookDeliveries)
      .where(eq(webhookDeliveries.shop, SHOP_B));
    expect(deliveriesB).toHaveLength(0);
  });
});
