import { describe, expect, test } from 'vitest';
import type { PublishedConfig } from '../../core/offers/published-config.js';
import {
  cartAllocations,
  findDiscount,
  SHOP_CODES,
} from '../../server/demo/sandbox/client/discounts.js';
import { buildSandboxOrder } from '../../server/demo/sandbox/sandbox-order.js';
import { orderPayloadSchema, toOrderRow } from '../../server/domain/order-payload.js';
import { SHOES_42, SOCKS_M, SPRAY_VARIANT } from './offer-fixture.js';

// Order-level codes in the sandbox: a hesitation coupon's discount (the whole order, from a
// minimum subtotal up) and the shop's own codes, beside the codes limited to an offer's variants.

const experiment = { key: 'e', seed: 'e', coverage: 1, arms: [] };
const CONFIG = {
  v: 2,
  shop: 'closer-demo.myshopify.com',
  currency: 'USD',
  publishedAt: 1,
  offers: [
    {
      id: 'off_coupon',
      kind: 'hesitation_coupon',
      target: 'checkout_block',
      priority: 0,
      experiment,
      variants: {},
      products: [],
      trigger: { afterSeconds: 45, unlessCodeApplied: true },
      discount: { code: 'CLOSER-PCT', type: 'percentage', value: 10, appliesTo: 'order' },
    },
    {
      id: 'off_fixed',
      kind: 'hesitation_coupon',
      target: 'cart_line_list_after',
      priority: 0,
      experiment,
      variants: {},
      products: [],
      discount: {
        code: 'CLOSER-FIVE',
        type: 'fixed',
        value: 500,
        appliesTo: 'order',
        minimumSubtotal: 10_000,
      },
    },
    {
      id: 'off_cross',
      kind: 'cross_sell',
      target: 'checkout_block',
      priority: 0,
      experiment,
      variants: {},
      products: [
        {
          variantId: SPRAY_VARIANT,
          productId: 'gid://shopify/Product/1',
          title: 'Spray',
          price: { amount: 1200, currencyCode: 'USD' },
          available: true,
        },
      ],
      discount: { code: 'CLOSER-SPRAY', type: 'percentage', value: 50 },
    },
  ],
} as PublishedConfig;

const line = (variantId: string, unitPrice: number, quantity = 1) => ({
  variantId,
  unitPrice,
  quantity,
});
const sums = (allocations: { amount: number }[][]) =>
  allocations.map((a) => a.reduce((sum, x) => sum + x.amount, 0));

describe('order codes in the sandbox', () => {
  test("an order code names no variants; the shop's own codes are found after the offers'", () => {
    expect(findDiscount(CONFIG, 'closer-pct')).toMatchObject({
      appliesTo: 'order',
      variantIds: [],
    });
    expect(findDiscount(CONFIG, ' spring10 ')).toEqual(SHOP_CODES[0]);
    expect(findDiscount(null, 'SPRING10')?.appliesTo).toBe('order');
    expect(findDiscount(CONFIG, 'NOPE')).toBeNull();
  });

  test('a percentage is taken off every line', () => {
    const pct = findDiscount(CONFIG, 'CLOSER-PCT')!;
    const allocations = cartAllocations([pct], [line(SHOES_42, 12900), line(SOCKS_M, 1400, 2)]);
    expect(allocations).toEqual([
      [{ code: 'CLOSER-PCT', amount: 1290 }],
      [{ code: 'CLOSER-PCT', amount: 280 }],
    ]);
  });

  test('a fixed amount is taken once, split by line so the parts add up to it exactly', () => {
    const five = findDiscount(CONFIG, 'CLOSER-FIVE')!;
    const lines = [line(SHOES_42, 10_001), line(SOCKS_M, 3333), line(SPRAY_VARIANT, 3333)];
    const parts = sums(cartAllocations([five], lines));
    expect(parts.reduce((a, b) => a + b, 0)).toBe(500);
    // In proportion to each line: 300.0…, 99.99…, 99.99… → 300, 100, 100.
    expect(parts).toEqual([300, 100, 100]);
  });

  test('an order code below its minimum subtotal takes nothing', () => {
    const five = findDiscount(CONFIG, 'CLOSER-FIVE')!;
    expect(sums(cartAllocations([five], [line(SOCKS_M, 1400, 2)]))).toEqual([0]);
    expect(sums(cartAllocations([five], [line(SHOES_42, 10_000)]))).toEqual([500]);
  });

  test('codes limited to variants come first; the order code takes its share of what is left', () => {
    const pct = findDiscount(CONFIG, 'CLOSER-PCT')!;
    const spray = findDiscount(CONFIG, 'CLOSER-SPRAY')!;
    // Applied coupon first, product code second: Shopify still discounts the product first.
    const allocations = cartAllocations([pct, spray], [line(SPRAY_VARIANT, 1200)]);
    expect(allocations).toEqual([
      [
        { code: 'CLOSER-SPRAY', amount: 600 },
        { code: 'CLOSER-PCT', amount: 60 },
      ],
    ]);
  });

  test('a fixed amount never takes more than the order costs', () => {
    const big = { ...findDiscount(CONFIG, 'CLOSER-FIVE')!, value: 50_000, minimumSubtotal: null };
    expect(sums(cartAllocations([big], [line(SOCKS_M, 1400, 2)]))).toEqual([2800]);
  });

  test('the signed order carries an order code as Shopify writes one: across all lines', () => {
    const payload = buildSandboxOrder(
      {
        checkoutToken: 'ct_order_code',
        lines: [
          { variantId: SHOES_42, quantity: 1, attributes: [] },
          { variantId: SOCKS_M, quantity: 2, attributes: [] },
        ],
        discountCodes: ['closer-five'],
      },
      { currency: 'USD' },
      { orderId: 170_000_000_000_001, createdAt: new Date(0) },
      CONFIG,
    );
    expect(payload.discount_applications).toEqual([
      expect.objectContaining({
        code: 'CLOSER-FIVE',
        value: '5.00',
        value_type: 'fixed_amount',
        allocation_method: 'across',
        target_selection: 'all',
      }),
    ]);
    expect(payload.discount_codes).toEqual([
      { code: 'CLOSER-FIVE', amount: '5.00', type: 'fixed_amount' },
    ]);
    expect(payload.total_discounts).toBe('5.00');
    const row = toOrderRow('closer-demo.myshopify.com', orderPayloadSchema.parse(payload), 0);
    expect(row).toMatchObject({ subtotal: 15_700 - 500, totalDiscounts: 500 });
    // The lines carry the allocations, so they add up to the subtotal after the code.
    expect(row.lines.reduce((sum, l) => sum + l.amount, 0)).toBe(15_700 - 500);
  });
});
