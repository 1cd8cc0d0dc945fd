import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { decideOffers, type PublishedConfig } from '../../core/decide/index.js';
import { attributedLines, events, exposures } from '../../drizzle/schema.js';
import type { JsonBody } from '../helpers/offers.js';
import { adminCall, crossSellInput } from '../helpers/offers.js';
import { orderPayload } from '../helpers/order-payloads.js';
import { createTestApp, SHOP_A, SHOP_B, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
let offerId: string;
let experimentKey: string;
let config: PublishedConfig;

beforeAll(async () => {
  t = await createTestApp();
  await t.install(SHOP_A);
  await t.install(SHOP_B);
  const created = await adminCall(t, SHOP_A, 'POST', '/offers', crossSellInput({ holdout: 0.5 }));
  offerId = created.body.offer.id;
  experimentKey = created.body.offer.experiment.key;
  await adminCall(t, SHOP_A, 'POST', `/offers/${offerId}/activate`);
  config = JSON.parse(
    t.emulator.state(SHOP_A).metafields.get('$app.closer_config')?.value ?? 'null',
  );
});
afterAll(() => t.close());

/** The arm the extension would compute for this checkout token, from the published config. */
function armFor(unit: string): string {
  const [decision] = decideOffers(
    config,
    {
      cartLines: [],
      subtotal: 5000,
      currency: 'USD',
      loggedIn: false,
      customerTags: [],
      now: Date.now(),
    },
    unit,
  );
  if (!decision?.arm) throw new Error('unit not in experiment');
  return decision.arm;
}

function unitInArm(arm: string): string {
  for (let i = 0; i < 1000; i++) {
    const unit = `checkout-${arm}-${i}`;
    if (armFor(unit) === arm) return unit;
  }
  throw new Error(`no unit found for ${arm}`);
}

function event(unit: string, type: string, extra: Record<string, unknown> = {}) {
  return {
    id: randomUUID(),
    type,
    offerId,
    experimentKey,
    arm: armFor(unit),
    unit,
    at: Date.now(),
    ...extra,
  };
}

async function send(body: unknown, shop = SHOP_A, token?: string) {
  const res = await t.app.request('/api/checkout/events', {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${token ?? (await t.checkoutToken(shop))}`,
      'Content-Type': 'application/json',
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return {
    status: res.status,
    body: (await res.json()) as JsonBody,
    cors: res.headers.get('access-control-allow-origin'),
  };
}

const countEvents = async () => (await t.db.select().from(events)).length;

describe('POST /api/checkout/events', () => {
  test('accepts a batch with 202, records one exposure per unit and every event once', async () => {
    const unit = unitInArm('treatment');
    const batch = {
      events: [
        event(unit, 'exposure'),
        event(unit, 'impression'),
        event(unit, 'exposure'),
        event(unit, 'click'),
      ],
    };
    const res = await send(batch);
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ accepted: 4, duplicates: 0 });
    expect(res.cors).toBe('*');
    const rows = await t.db.select().from(exposures).where(eq(exposures.unit, unit));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ arm: 'treatment', experimentKey, offerId });
  });

  test('a replayed batch stores nothing new', async () => {
    const unit = unitInArm('holdout');
    const batch = { events: [event(unit, 'exposure')] };
    expect((await send(batch)).body).toEqual({ accepted: 1, duplicates: 0 });
    const before = await countEvents();
    expect((await send(batch)).body).toEqual({ accepted: 0, duplicates: 1 });
    expect(await countEvents()).toBe(before);
  });

  test.each([
    ['malformed JSON', '{"events": [', 400, 'malformed_json'],
    ['no events', { events: [] }, 400, 'invalid_events'],
    [
      'an unknown event type',
      {
        events: [
          {
            ...{ id: 'abcdefgh1', offerId: 'x', experimentKey: 'y', arm: 'z', unit: 'u', at: 1 },
            type: 'purchase',
          },
        ],
      },
      400,
      'invalid_events',
    ],
    [
      'an overlong unit',
      {
        events: [
          {
            id: 'abcdefgh2',
            type: 'click',
            offerId: 'x',
            experimentKey: 'y',
            arm: 'z',
            unit: 'u'.repeat(500),
            at: 1,
          },
        ],
      },
      400,
      'invalid_events',
    ],
    [
      'an extra field',
      {
        events: [
          {
            id: 'abcdefgh3',
            type: 'click',
            offerId: 'x',
            experimentKey: 'y',
            arm: 'z',
            unit: 'u',
            at: 1,
            email: 'a@b.c',
          },
        ],
      },
      400,
      'invalid_events',
    ],
  ])('refuses %s and stores nothing', async (_name, body, status, code) => {
    const before = await countEvents();
    const res = await send(body);
    expect(res.status).toBe(status);
    expect(res.body.error.code).toBe(code);
    expect(await countEvents()).toBe(before);
  });

  test('refuses more than 50 events per batch', async () => {
    const unit = unitInArm('treatment');
    const res = await send({ events: Array.from({ length: 51 }, () => event(unit, 'impression')) });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('50');
  });

  test('refuses an oversized body with 413', async () => {
    const res = await send(JSON.stringify({ events: [], pad: 'x'.repeat(70_000) }));
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('batch_too_large');
  });

  test('refuses an unknown offer, and one good event does not sneak through', async () => {
    const unit = unitInArm('treatment');
    const before = await countEvents();
    const res = await send({
      events: [event(unit, 'impression'), event(unit, 'click', { offerId: 'off_nothere' })],
    });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('unknown_offer');
    expect(await countEvents()).toBe(before);
  });

  test('refuses another shop’s offer (wrong shop)', async () => {
    const unit = unitInArm('treatment');
    const res = await send({ events: [event(unit, 'impression')] }, SHOP_B);
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('unknown_offer');
  });

  test('refuses an arm the unit is not assigned to', async () => {
    const unit = unitInArm('holdout');
    const res = await send({ events: [event(unit, 'exposure', { arm: 'treatment' })] });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('arm_mismatch');
  });

  test('refuses an expired session token', async () => {
    const unit = unitInArm('treatment');
    const res = await send(
      { events: [event(unit, 'impression')] },
      SHOP_A,
      await t.checkoutToken(SHOP_A, { expiresIn: -10 }),
    );
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('invalid_session_token');
  });
});

describe('attribution and per-arm results', () => {
  test('an order joins its unit by checkout token and offer lines are attributed', async () => {
    const treated = unitInArm('treatment');
    const control = unitInArm('holdout');
    await send({ events: [event(treated, 'exposure'), event(treated, 'add', { value: 1900 })] });
    await send({ events: [event(control, 'exposure')] });

    const order = orderPayload({ checkout_token: treated });
    (order.line_items[1] as { properties: { name: string; value: string }[] }).properties = [
      { name: '_closer_offer', value: `${offerId}:treatment` },
    ];
    await t.deliver('orders/create', SHOP_A, order);
    await t.deliver(
      'orders/create',
      SHOP_A,
      orderPayload({ checkout_token: control, line_items: [orderPayload().line_items[0]] }),
    );

    const lines = await t.db
      .select()
      .from(attributedLines)
      .where(eq(attributedLines.orderId, String(order.id)));
    expect(lines).toEqual([
      {
        shop: SHOP_A,
        orderId: String(order.id),
        lineId: '2',
        offerId,
        arm: 'treatment',
        amount: 1000,
      },
    ]);

    const { status, body } = await adminCall(t, SHOP_A, 'GET', `/offers/${offerId}/results`);
    expect(status).toBe(200);
    const treatment = body.arms.find((a: { arm: string }) => a.arm === 'treatment');
    const holdout = body.arms.find((a: { arm: string }) => a.arm === 'holdout');
    expect(treatment).toMatchObject({
      holdout: false,
      orders: 1,
      revenue: 6400,
      attributedRevenue: 1000,
      attributedOrders: 1,
    });
    expect(holdout).toMatchObject({
      holdout: true,
      orders: 1,
      revenue: 6400,
      attributedRevenue: 0,
    });
    expect(treatment.units).toBeGreaterThanOrEqual(1);
    expect(treatment.conversionRate).toBeCloseTo(treatment.orders / treatment.units, 10);
  });

  test('a _closer_offer property naming another shop’s or no offer attributes nothing', async () => {
    const order = orderPayload();
    (order.line_items[1] as { properties: { name: string; value: string }[] }).properties = [
      { name: '_closer_offer', value: 'off_forged:treatment' },
    ];
    await t.deliver('orders/create', SHOP_A, order);
    expect(
      await t.db
        .select()
        .from(attributedLines)
        .where(eq(attributedLines.orderId, String(order.id))),
    ).toEqual([]);
  });

  test('a malformed _closer_offer value attributes nothing', async () => {
    const order = orderPayload();
    (order.line_items[1] as { properties: { name: string; value: string }[] }).properties = [
      { name: '_closer_offer', value: `${offerId}` },
    ];
    await t.deliver('orders/create', SHOP_A, order);
    expect(
      await t.db
        .select()
        .from(attributedLines)
        .where(eq(attributedLines.orderId, String(order.id))),
    ).toEqual([]);
  });
});
