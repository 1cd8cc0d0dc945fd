import { describe, expect, test } from 'vitest';
import type { PublishedConfig } from '../../core/offers/published-config.js';
import {
  findDiscount,
  lineAllocations,
  lineDiscount,
} from '../../server/demo/sandbox/client/discounts.js';
import { buildSandboxOrder, sandboxOrderSchema } from '../../server/demo/sandbox/sandbox-order.js';
import { orderPayloadSchema, toOrderRow } from '../../server/domain/order-payload.js';
import { COFFEE_2_PACK, COFFEE_BAG, SHOES_42, SPRAY_VARIANT } from './offer-fixture.js';

const product = (variantId: string, amount: number) => ({
  variantId,
  productId: 'gid://shopify/Product/1',
  title: 't',
  price: { amount, currencyCode: 'USD' },
  available: true,
});

const CONFIG = {
  v: 2,
  shop: 'closer-demo.myshopify.com',
  currency: 'USD',
  publishedAt: 1,
  offers: [
    {
      id: 'off_cross',
      kind: 'cross_sell',
      target: 'checkout_block',
      priority: 0,
      experiment: { key: 'e1', seed: 'e1', coverage: 1, arms: [] },
      variants: {},
      products: [product(SPRAY_VARIANT, 1200)],
      discount: { code: 'CLOSER-SPRAY15', type: 'percentage', value: 15 },
    },
    {
      id: 'off_up',
      kind: 'upsell',
      target: 'checkout_block',
      priority: 0,
      experiment: { key: 'e2', seed: 'e2', coverage: 1, arms: [] },
      variants: {},
      products: [product(COFFEE_2_PACK, 2600)],
      requiresInCart: [COFFEE_BAG],
      discount: { code: 'CLOSER-COFFEE', type: 'fixed', value: 200 },
    },
  ],
} as PublishedConfig;

describe('sandbox discounts', () => {
  test('a code is found case-insensitively and is limited to its offer’s variants', () => {
    const found = findDiscount(CONFIG, 'closer-spray15');
    expect(found).toMatchObject({ code: 'CLOSER-SPRAY15', variantIds: [SPRAY_VARIANT] });
    expect(findDiscount(CONFIG, 'NOPE')).toBeNull();
    expect(findDiscount(null, 'CLOSER-SPRAY15')).toBeNull();
    expect(lineDiscount(found!, { variantId: SHOES_42, unitPrice: 12900, quantity: 1 })).toBe(0);
  });

  test('percentage of the line price; fixed off each item; never below zero', () => {
    const pct = findDiscount(CONFIG, 'CLOSER-SPRAY15')!;
    expect(lineDiscount(pct, { variantId: SPRAY_VARIANT, unitPrice: 1200, quantity: 3 })).toBe(540);
    const fixed = findDiscount(CONFIG, 'CLOSER-COFFEE')!;
    expect(lineDiscount(fixed, { variantId: COFFEE_2_PACK, unitPrice: 2600, quantity: 2 })).toBe(
      400,
    );
    expect(
      lineDiscount(
        { ...fixed, value: 5000 },
        { variantId: COFFEE_2_PACK, unitPrice: 2600, quantity: 2 },
      ),
    ).toBe(5200);
    const twice = lineAllocations(
      [
        { ...fixed, value: 2000 },
        { ...fixed, code: 'B', value: 2000 },
      ],
      {
        variantId: COFFEE_2_PACK,
        unitPrice: 2600,
        quantity: 1,
      },
    );
    expect(twice).toEqual([
      { code: 'CLOSER-COFFEE', amount: 2000 },
      { code: 'B', amount: 600 },
    ]);
  });
});

describe('buildSandboxOrder with discounts and an upgraded line', () => {
  const input = sandboxOrderSchema.parse({
    checkoutToken: 'sbx-1',
    lines: [
      { variantId: SHOES_42, quantity: 1 },
      {
        variantId: COFFEE_2_PACK,
        quantity: 2,
        attributes: [
          { key: '_closer_offer', value: 'off_up:treatment' },
          { key: '_closer_from', value: COFFEE_BAG },
        ],
      },
    ],
    discountCodes: ['closer-coffee'],
  });
  const payload = buildSandboxOrder(
    input,
    { currency: 'USD' },
    { orderId: 7, createdAt: new Date(0) },
    CONFIG,
  );

  test('is in the REST webhook shape the server reads, with subtotal after discounts', () => {
    expect(payload).toMatchObject({
      total_line_items_price: '181.00',
      total_discounts: '4.00',
      subtotal_price: '177.00',
      total_price: '177.00',
      discount_codes: [{ code: 'CLOSER-COFFEE', amount: '4.00', type: 'fixed_amount' }],
      discount_applications: [
        {
          type: 'discount_code',
          code: 'CLOSER-COFFEE',
          value: '2.00',
          value_type: 'fixed_amount',
          allocation_method: 'each',
          target_selection: 'entitled',
          target_type: 'line_item',
        },
      ],
    });
    const [shoes, coffee] = payload.line_items;
    expect(shoes?.discount_allocations).toEqual([]);
    expect(coffee?.discount_allocations).toEqual([
      {
        amount: '4.00',
        amount_set: {
          shop_money: { amount: '4.00', currency_code: 'USD' },
          presentment_money: { amount: '4.00', currency_code: 'USD' },
        },
        discount_application_index: 0,
      },
    ]);
    expect(coffee?.properties).toEqual([
      { name: '_closer_offer', value: 'off_up:treatment' },
      { name: '_closer_from', value: COFFEE_BAG },
    ]);
  });

  test('the server reads it back: line amounts net of the discount, total discounts, properties', () => {
    const row = toOrderRow('closer-demo.myshopify.com', orderPayloadSchema.parse(payload), 0);
    expect(row).toMatchObject({ subtotal: 17700, totalDiscounts: 400, total: 17700 });
    expect(row.lines.map((l) => [l.variantId, l.amount, l.properties])).toEqual([
      ['20071', 12900, {}],
      ['20202', 4800, { _closer_offer: 'off_up:treatment', _closer_from: COFFEE_BAG }],
    ]);
  });

  test('line ids stay distinct safe integers with a real order id (ms clock × 100)', () => {
    const real = buildSandboxOrder(
      input,
      { currency: 'USD' },
      { orderId: Date.UTC(2026, 10, 30) * 100 + 7, createdAt: new Date(0) },
      CONFIG,
    );
    const ids = real.line_items.map((l) => l.id);
    expect(ids.every(Number.isSafeInteger)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });

  test('a code no published offer carries is refused, not ignored', () => {
    const bad = sandboxOrderSchema.parse({ ...input, discountCodes: ['FREE-STUFF'] });
    expect(() =>
      buildSandboxOrder(bad, { currency: 'USD' }, { orderId: 8, createdAt: new Date(0) }, CONFIG),
    ).toThrow(/not a published offer's code/);
  });
});
