import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import {
  experiments,
  offers,
  orders,
  pixelEvents,
  quarantinedWebhooks,
  refunds,
  shopifySessions,
  shops,
  webhookDeliveries,
} from '../../drizzle/schema.js';
import { signWebhookBody, webhookHeaders } from '../../server/demo/shopify-signatures.js';
import { adminCall, crossSellInput } from '../helpers/offers.js';
import { orderPayload, refundPayload } from '../helpers/order-payloads.js';
import { createTestApp, SHOP_A, SHOP_B, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());
beforeEach(async () => {
  await t.install(SHOP_A);
  await t.install(SHOP_B);
});

const ordersOf = (shop: string) => t.db.select().from(orders).where(eq(orders.shop, shop));

describe('webhook HMAC', () => {
  test('a correctly signed delivery is accepted', async () => {
    const res = await t.deliver('orders/create', SHOP_A, orderPayload());
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, duplicate: false });
  });

  test('a wrong HMAC is refused with 401 and stores nothing', async () => {
    const payload = orderPayload();
    const body = JSON.stringify(payload);
    const headers = webhookHeaders(t.secrets.apiSecret, SHOP_A, 'orders/create', body);
    headers['x-shopify-hmac-sha256'] = signWebhookBody('wrong-secret', body);
    const res = await t.app.request('/webhooks/orders/create', { method: 'POST', headers, body });
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe('invalid_webhook_hmac');
    const stored = await t.db
      .select()
      .from(orders)
      .where(eq(orders.orderId, String(payload.id)));
    expect(stored).toHaveLength(0);
  });

  test('a body changed after signing is refused', async () => {
    const body = JSON.stringify(orderPayload());
    const headers = webhookHeaders(t.secrets.apiSecret, SHOP_A, 'orders/create', body);
    const res = await t.app.request('/webhooks/orders/create', {
      method: 'POST',
      headers,
      body: body.replace('"64.00"', '"1.00"'),
    });
    expect(res.status).toBe(401);
  });

  test('a missing HMAC is refused with 401', async () => {
    const body = JSON.stringify(orderPayload());
    const headers = webhookHeaders(t.secrets.apiSecret, SHOP_A, 'orders/create', body);
    delete headers['x-shopify-hmac-sha256'];
    const res = await t.app.request('/webhooks/orders/create', { method: 'POST', headers, body });
    expect(res.status).toBe(401);
  });

  test('a signed delivery sent to another topic’s route is refused', async () => {
    const body = JSON.stringify({ id: 1 });
    const headers = webhookHeaders(t.secrets.apiSecret, SHOP_A, 'shop/redact', body);
    const res = await t.app.request('/webhooks/orders/create', { method: 'POST', headers, body });
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe('topic_mismatch');
  });

  test('a signed but invalid order payload is quarantined (200), naming the field', async () => {
    // A 4xx would have Shopify retry a payload that can never parse; see webhook-quarantine.test.
    const res = await t.deliver('orders/create', SHOP_A, { id: 5, currency: 'USD' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, duplicate: false, quarantined: true });
    const [row] = await t.db
      .select()
      .from(quarantinedWebhooks)
      .where(and(eq(quarantinedWebhooks.shop, SHOP_A), eq(quarantinedWebhooks.resourceId, '5')));
    expect(row?.reason).toContain('invalid_order_payload');
    expect(row?.reason).toContain('line_items');
  });
});

describe('orders/create', () => {
  test('stores the order in shop currency with lines and their properties', async () => {
    const payload = orderPayload();
    await t.deliver('orders/create', SHOP_A, payload);
    const [row] = await t.db
      .select()
      .from(orders)
      .where(and(eq(orders.shop, SHOP_A), eq(orders.orderId, String(payload.id))));
    expect(row).toMatchObject({
      checkoutToken: payload.checkout_token,
      customerId: '777',
      currency: 'USD',
      subtotal: 6400,
      total: 7040,
      totalDiscounts: 600,
      totalTax: 640,
      refunded: 0,
      createdAt: Date.parse('2026-11-20T15:00:00Z'),
    });
    expect(row?.lines).toEqual([
      { id: '1', productId: '1005', variantId: '20041', quantity: 2, amount: 5400, properties: {} },
      {
        id: '2',
        productId: '1009',
        variantId: '20081',
        quantity: 1,
        amount: 1000,
        properties: { _closer_offer: 'off_1:treatment' },
      },
    ]);
    expect(row?.attributes).toEqual({ _closer_visitor: 'v_123' });
  });

  test('a redelivery with the same webhook id changes nothing', async () => {
    const payload = orderPayload();
    const webhookId = randomUUID();
    const first = await t.deliver('orders/create', SHOP_A, payload, { webhookId });
    const before = (await ordersOf(SHOP_A)).length;
    const again = await t.deliver(
      'orders/create',
      SHOP_A,
      { ...payload, subtotal_price_set: null, subtotal_price: '1.00' },
      { webhookId },
    );
    expect(first.status).toBe(200);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ ok: true, duplicate: true });
    expect((await ordersOf(SHOP_A)).length).toBe(before);
    const [row] = await t.db
      .select()
      .from(orders)
      .where(eq(orders.orderId, String(payload.id)));
    expect(row?.subtotal).toBe(6400);
  });

  test('the same event delivered under a new webhook id is counted once', async () => {
    const payload = orderPayload();
    const eventId = randomUUID();
    await t.deliver('orders/create', SHOP_A, payload, { eventId });
    const again = await t.deliver('orders/create', SHOP_A, payload, { eventId });
    expect(await again.json()).toEqual({ ok: true, duplicate: true });
  });

  test('de-duplication is per shop: another shop’s delivery with the same ids is processed', async () => {
    const webhookId = randomUUID();
    const eventId = randomUUID();
    const forA = orderPayload();
    const forB = orderPayload();
    const first = await t.deliver('orders/create', SHOP_A, forA, { webhookId, eventId });
    const second = await t.deliver('orders/create', SHOP_B, forB, { webhookId, eventId });
    expect(await first.json()).toEqual({ ok: true, duplicate: false });
    expect(await second.json()).toEqual({ ok: true, duplicate: false });
    const storedB = await t.db
      .select()
      .from(orders)
      .where(and(eq(orders.shop, SHOP_B), eq(orders.orderId, String(forB.id))));
    expect(storedB).toHaveLength(1);
    const deliveries = await t.db
      .select()
      .from(webhookDeliveries)
      .where(eq(webhookDeliveries.webhookId, webhookId));
    expect(deliveries.map((d) => d.shop).sort()).toEqual([SHOP_A, SHOP_B]);
    // …and each shop's own retry is still recognised.
    const retryB = await t.deliver('orders/create', SHOP_B, forB, { webhookId });
    expect(await retryB.json()).toEqual({ ok: true, duplicate: true });
  });

  test('the same order in a different delivery is still stored once', async () => {
    const payload = orderPayload();
    await t.deliver('orders/create', SHOP_A, payload);
    await t.deliver('orders/create', SHOP_A, payload);
    const rows = await t.db
      .select()
      .from(orders)
      .where(eq(orders.orderId, String(payload.id)));
    expect(rows).toHaveLength(1);
  });
});

describe('refunds/create', () => {
  test('nets refunds off the order once per refund, in any arrival order', async () => {
    const payload = orderPayload();
    const early = refundPayload(payload.id, '10.00');
    await t.deliver('refunds/create', SHOP_A, early);
    await t.deliver('orders/create', SHOP_A, payload);
    const late = refundPayload(payload.id, '5.50');
    await t.deliver('refunds/create', SHOP_A, late);
    await t.deliver('refunds/create', SHOP_A, late); // new webhook id, same refund
    const [row] = await t.db
      .select()
      .from(orders)
      .where(eq(orders.orderId, String(payload.id)));
    expect(row?.refunded).toBe(1550);
    const rows = await t.db
      .select()
      .from(refunds)
      .where(eq(refunds.orderId, String(payload.id)));
    expect(rows).toHaveLength(2);
  });
});

describe('app lifecycle', () => {
  test('app/uninstalled deletes that shop’s sessions and marks it uninstalled', async () => {
    await t.deliver('app/uninstalled', SHOP_B, { id: 2, domain: SHOP_B });
    const sessionsB = await t.db
      .select()
      .from(shopifySessions)
      .where(eq(shopifySessions.shop, SHOP_B));
    const sessionsA = await t.db
      .select()
      .from(shopifySessions)
      .where(eq(shopifySessions.shop, SHOP_A));
    expect(sessionsB).toHaveLength(0);
    expect(sessionsA).toHaveLength(1);
    const shopB = await t.db.query.shops.findFirst({ where: eq(shops.shop, SHOP_B) });
    expect(shopB?.uninstalledAt).not.toBeNull();
    // Re-opening the app reinstalls it through token exchange.
    await t.install(SHOP_B);
    const again = await t.db.query.shops.findFirst({ where: eq(shops.shop, SHOP_B) });
    expect(again?.uninstalledAt).toBeNull();
  });

  test('app/scopes_update records the granted scopes on the offline session', async () => {
    await t.deliver('app/scopes_update', SHOP_A, {
      id: 1,
      previous: ['read_products'],
      current: ['read_products', 'read_orders'],
      updated_at: '2026-11-22T00:00:00Z',
    });
    const [session] = await t.db
      .select()
      .from(shopifySessions)
      .where(eq(shopifySessions.shop, SHOP_A));
    expect(session?.scope).toBe('read_products,read_orders');
  });
});

describe('compliance webhooks', () => {
  test('customers/data_request is acknowledged and deletes nothing', async () => {
    const payload = orderPayload({ customer: { id: 4242 } });
    await t.deliver('orders/create', SHOP_A, payload);
    const res = await t.deliver('customers/data_request', SHOP_A, {
      shop_domain: SHOP_A,
      customer: { id: 4242, email: 'x@example.com' },
      orders_requested: [payload.id],
      data_request: { id: 9 },
    });
    expect(res.status).toBe(200);
    expect(await t.db.select().from(orders).where(eq(orders.customerId, '4242'))).toHaveLength(1);
    expect(t.logLines.join('\n')).not.toContain('x@example.com');
  });

  test('customers/redact deletes exactly that customer’s orders in that shop', async () => {
    const mine = orderPayload({ customer: { id: 9001 } });
    const named = orderPayload({ customer: null });
    const someoneElse = orderPayload({ customer: { id: 9002 } });
    const sameIdOtherShop = orderPayload({ customer: { id: 9001 } });
    await t.deliver('orders/create', SHOP_A, mine);
    await t.deliver('refunds/create', SHOP_A, refundPayload(mine.id, '1.00'));
    await t.deliver('orders/create', SHOP_A, named);
    await t.deliver('orders/create', SHOP_A, someoneElse);
    await t.deliver('orders/create', SHOP_B, sameIdOtherShop);
    await t.deliver('customers/redact', SHOP_A, {
      shop_domain: SHOP_A,
      customer: { id: 9001, email: 'x@example.com', phone: null },
      orders_to_redact: [named.id],
    });
    const idsA = (await ordersOf(SHOP_A)).map((o) => o.orderId);
    expect(idsA).not.toContain(String(mine.id));
    expect(idsA).not.toContain(String(named.id));
    expect(idsA).toContain(String(someoneElse.id));
    expect((await ordersOf(SHOP_B)).map((o) => o.orderId)).toContain(String(sameIdOtherShop.id));
    expect(
      await t.db
        .select()
        .from(refunds)
        .where(eq(refunds.orderId, String(mine.id))),
    ).toHaveLength(0);
  });

  test('shop/redact deletes every row of that shop and nothing of another', async () => {
    await t.deliver('orders/create', SHOP_A, orderPayload());
    const orderB = orderPayload();
    await t.deliver('orders/create', SHOP_B, orderB);
    await t.deliver('refunds/create', SHOP_B, refundPayload(orderB.id, '2.00'));
    const offer = await adminCall(t, SHOP_B, 'POST', '/offers', crossSellInput());
    expect(offer.status).toBe(201);
    await t.app.request('/api/pixel/events', {
      method: 'POST',
      body: JSON.stringify({
        shop: SHOP_B,
        events: [{ id: 'p1', name: 'checkout_completed', checkoutToken: 'tb', at: 1 }],
      }),
    });
    expect(await t.db.select().from(pixelEvents).where(eq(pixelEvents.shop, SHOP_B))).toHaveLength(
      1,
    );
    const res = await t.deliver('shop/redact', SHOP_B, { shop_id: 2, shop_domain: SHOP_B });
    expect(res.status).toBe(200);
    for (const table of [
      orders,
      refunds,
      shopifySessions,
      shops,
      offers,
      experiments,
      pixelEvents,
    ]) {
      const rows = await t.db.select().from(table).where(eq(table.shop, SHOP_B));
      expect(rows).toHaveLength(0);
    }
    const deliveriesB = await t.db
      .select()
      .from(webhookDeliveries)
      .where(eq(webhookDeliveries.shop, SHOP_B));
    expect(deliveriesB.every((d) => d.topic === 'shop/redact')).toBe(true);
    expect((await ordersOf(SHOP_A)).length).toBeGreaterThan(0);
    expect(
      await t.db.select().from(shopifySessions).where(eq(shopifySessions.shop, SHOP_A)),
    ).toHaveLength(1);
  });
});
