// What each kind earns on the order lines it touched, through the signed orders/create webhook.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { attributedLines } from '../../drizzle/schema.js';
import {
  adminCall,
  CARE_KIT,
  COFFEE_2PACK,
  COFFEE_BAG,
  crossSellInput,
  ctaInput,
  upsellInput,
} from '../helpers/offers.js';
import { orderPayload } from '../helpers/order-payloads.js';
import { createTestApp, SHOP_A, SHOP_B, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await t.install(SHOP_A);
  await t.install(SHOP_B);
});
afterAll(() => t.close());

const money = (amount: string) => ({ shop_money: { amount, currency_code: 'USD' } });
function line(
  id: number,
  variant: string,
  quantity: number,
  price: string,
  properties: { name: string; value: string }[],
  discount = '0.00',
) {
  return {
    id,
    product_id: 1,
    variant_id: Number(variant.split('/').pop()),
    quantity,
    price,
    price_set: money(price),
    discount_allocations:
      discount === '0.00' ? [] : [{ amount: discount, amount_set: money(discount) }],
    properties,
  };
}

async function credited(shop: string, orderId: number) {
  return t.db
    .select()
    .from(attributedLines)
    .where(and(eq(attributedLines.shop, shop), eq(attributedLines.orderId, String(orderId))));
}

test('an upgraded line credits the upsell only the price difference, net of its discount', async () => {
  const offer = (await adminCall(t, SHOP_A, 'POST', '/offers', upsellInput())).body.offer;
  // Two 2-packs at $26.00 replaced two $18.00 bags; $2.00 off each through the offer's code.
  const order = orderPayload({
    line_items: [
      line(
        1,
        COFFEE_2PACK,
        2,
        '26.00',
        [
          { name: '_closer_offer', value: `${offer.id}:treatment` },
          { name: '_closer_from', value: COFFEE_BAG },
        ],
        '4.00',
      ),
    ],
  });
  expect((await t.deliver('orders/create', SHOP_A, order)).status).toBe(200);
  const [row] = await credited(SHOP_A, order.id);
  // (2 × 26.00 − 4.00) − 2 × 18.00 = 12.00
  expect(row).toMatchObject({ offerId: offer.id, arm: 'treatment', amount: 1200 });
});

test('a cross-sell line is credited whole (after its line discount); a banner adds no line', async () => {
  const offer = (await adminCall(t, SHOP_A, 'POST', '/offers', crossSellInput())).body.offer;
  const banner = (await adminCall(t, SHOP_A, 'POST', '/offers', ctaInput())).body.offer;
  const order = orderPayload({
    line_items: [
      line(
        1,
        CARE_KIT,
        1,
        '19.00',
        [{ name: '_closer_offer', value: `${offer.id}:treatment` }],
        '2.85',
      ),
      line(2, COFFEE_BAG, 1, '18.00', [{ name: '_closer_offer', value: `${banner.id}:treatment` }]),
    ],
  });
  await t.deliver('orders/create', SHOP_A, order);
  const rows = await credited(SHOP_A, order.id);
  expect(rows.find((r) => r.offerId === offer.id)?.amount).toBe(1615);
  expect(rows.find((r) => r.offerId === banner.id)?.amount).toBe(0);
});

test("another shop's offer id in a line property credits nothing", async () => {
  const offer = (await adminCall(t, SHOP_A, 'POST', '/offers', crossSellInput())).body.offer;
  const order = orderPayload({
    line_items: [
      line(1, CARE_KIT, 1, '19.00', [{ name: '_closer_offer', value: `${offer.id}:treatment` }]),
    ],
  });
  await t.deliver('orders/create', SHOP_B, order);
  expect(await credited(SHOP_B, order.id)).toEqual([]);
});

test('a multi-line order stores exactly its credited lines, once; a redelivery adds nothing', async () => {
  // Three credited lines (written as multi-row inserts of 2 + 1 rows), two of them one offer's,
  // beside a plain line, a forged property and an unknown offer id, which credit nothing.
  const crossSell = (await adminCall(t, SHOP_A, 'POST', '/offers', crossSellInput())).body.offer;
  const upsell = (await adminCall(t, SHOP_A, 'POST', '/offers', upsellInput())).body.offer;
  const order = orderPayload({
    line_items: [
      line(1, CARE_KIT, 1, '19.00', [
        { name: '_closer_offer', value: `${crossSell.id}:treatment` },
      ]),
      line(2, COFFEE_BAG, 1, '18.00', []),
      line(
        3,
        COFFEE_2PACK,
        1,
        '26.00',
        [
          { name: '_closer_offer', value: `${upsell.id}:treatment_b` },
          { name: '_closer_from', value: COFFEE_BAG },
        ],
        '1.00',
      ),
      line(4, CARE_KIT, 2, '19.00', [{ name: '_closer_offer', value: `${crossSell.id}:holdout` }]),
      line(5, CARE_KIT, 1, '19.00', [{ name: '_closer_offer', value: 'not an offer property' }]),
      line(6, CARE_KIT, 1, '19.00', [{ name: '_closer_offer', value: 'no_such_offer:treatment' }]),
    ],
  });
  const expected = [
    { lineId: '1', offerId: crossSell.id, arm: 'treatment', amount: 1900 },
    // (26.00 − 1.00) − 18.00
    { lineId: '3', offerId: upsell.id, arm: 'treatment_b', amount: 700 },
    { lineId: '4', offerId: crossSell.id, arm: 'holdout', amount: 3800 },
  ].map((row) => ({ shop: SHOP_A, orderId: String(order.id), ...row }));
  const byLine = (rows: { lineId: string }[]) =>
    [...rows].sort((a, b) => a.lineId.localeCompare(b.lineId));

  expect((await t.deliver('orders/create', SHOP_A, order, { webhookId: 'multi-1' })).status).toBe(
    200,
  );
  expect(byLine(await credited(SHOP_A, order.id))).toEqual(expected);

  const again = await t.deliver('orders/create', SHOP_A, order, { webhookId: 'multi-1' });
  expect(await again.json()).toMatchObject({ duplicate: true });
  // The same order under a new webhook id (another delivery of it) credits nothing twice either.
  expect((await t.deliver('orders/create', SHOP_A, order, { webhookId: 'multi-2' })).status).toBe(
    200,
  );
  expect(byLine(await credited(SHOP_A, order.id))).toEqual(expected);
});
