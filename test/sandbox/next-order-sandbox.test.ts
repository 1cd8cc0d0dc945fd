// The checkout sandbox's side of the next-order coupon: the buyer's customer id reaches the signed
// order as `customer.id` (the unit the Thank you page exposed), and a code handed out from an
// offer's pool — never in the published config — is accepted on the whole order when the server
// vouches for it, and refused otherwise.
import { describe, expect, test } from 'vitest';
import type { SandboxDiscount } from '../../server/demo/sandbox/client/discounts.js';
import { buildSandboxOrder, sandboxOrderSchema } from '../../server/demo/sandbox/sandbox-order.js';
import { orderPayloadSchema, toOrderRow } from '../../server/domain/order-payload.js';
import { SHOES_42 } from './offer-fixture.js';

const POOLED: SandboxDiscount = {
  code: 'EXIT-ABCDEFGHJK',
  type: 'percentage',
  value: 10,
  appliesTo: 'order',
  minimumSubtotal: null,
  variantIds: [],
};

function order(input: Record<string, unknown>, pooled: SandboxDiscount[] = []) {
  const parsed = sandboxOrderSchema.parse({
    checkoutToken: 'tok-1',
    lines: [{ variantId: SHOES_42, quantity: 1 }],
    ...input,
  });
  return buildSandboxOrder(
    parsed,
    { currency: 'USD' },
    { orderId: 170_000_000_000_001, createdAt: new Date(1_800_000_000_000) },
    null,
    pooled,
  );
}

describe('the sandbox order of a customer', () => {
  test('carries the customer id as Shopify does, and the app reads it back', () => {
    const payload = order({ customerId: '500123' });
    expect(payload.customer).toEqual({ id: 500123 });
    const row = toOrderRow('closer-demo.myshopify.com', orderPayloadSchema.parse(payload), 0);
    expect(row.customerId).toBe('500123');
  });

  test('is a guest order without one, and a customer id must be digits', () => {
    expect(order({}).customer).toBeNull();
    expect(
      sandboxOrderSchema.safeParse({
        checkoutToken: 't',
        lines: [{ variantId: SHOES_42, quantity: 1 }],
        customerId: 'gid://shopify/Customer/1',
      }).success,
    ).toBe(false);
  });

  test('redeems a pooled code on the whole order when the server vouches for it', () => {
    const payload = order({ customerId: '500123', discountCodes: [POOLED.code] }, [POOLED]);
    expect(payload.discount_codes).toEqual([
      expect.objectContaining({ code: POOLED.code, type: 'percentage' }),
    ]);
    expect(Number(payload.total_discounts)).toBeGreaterThan(0);
    expect(Number(payload.subtotal_price)).toBeCloseTo(
      Number(payload.total_line_items_price) - Number(payload.total_discounts),
      2,
    );
  });

  test('refuses a code nobody handed out', () => {
    expect(() => order({ discountCodes: [POOLED.code] })).toThrow(/not a published offer's code/);
  });
});
