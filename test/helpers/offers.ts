import type { TestApp } from './test-app.js';

/**
 * A parsed JSON response body. Tests read deep fields of many different answers and assert on
 * them; a wrong path fails the assertion, which is the type check that matters here.
 */
// biome-ignore lint/suspicious/noExplicitAny: see above
export type JsonBody = Record<string, any>;

export const TOTE = 'gid://shopify/ProductVariant/20001';
export const CARE_KIT = 'gid://shopify/ProductVariant/20081';
export const SPRAY = 'gid://shopify/ProductVariant/20091';
export const LACES = 'gid://shopify/ProductVariant/20191';
/** House Coffee Beans: one bag (the upsell trigger) and the 2-pack (the upgrade). */
export const COFFEE_BAG = 'gid://shopify/ProductVariant/20201';
export const COFFEE_2PACK = 'gid://shopify/ProductVariant/20202';

export function crossSellInput(overrides: Record<string, unknown> = {}) {
  return {
    name: 'Protect your new shoes',
    kind: 'cross_sell',
    target: 'checkout_block',
    variants: [
      {
        heading: 'Keep them fresh',
        body: 'Add the care kit',
        buttonLabel: 'Add',
        products: [CARE_KIT],
      },
    ],
    discount: null,
    condition: null,
    priority: 10,
    startsAt: null,
    endsAt: null,
    holdout: 0.2,
    ...overrides,
  };
}

export function upsellInput(overrides: Record<string, unknown> = {}) {
  return {
    name: 'Coffee 2-pack',
    kind: 'upsell',
    target: 'checkout_block',
    variants: [
      { heading: 'Make it a 2-pack', body: 'Two bags, better price', buttonLabel: 'Upgrade' },
    ],
    triggers: [COFFEE_BAG],
    replacement: COFFEE_2PACK,
    discount: null,
    condition: null,
    priority: 5,
    startsAt: null,
    endsAt: null,
    holdout: 0.2,
    ...overrides,
  };
}

export function ctaInput(overrides: Record<string, unknown> = {}) {
  return {
    name: 'Free returns',
    kind: 'cta',
    target: 'checkout_block',
    variants: [
      {
        heading: 'Free returns for 30 days',
        body: 'Changed your mind? Send it back free.',
        icon: 'return',
        link: { url: '/policies/refund-policy', label: 'Read the policy' },
      },
    ],
    condition: null,
    priority: 0,
    startsAt: null,
    endsAt: null,
    holdout: 0.2,
    ...overrides,
  };
}

/** The first content variant of a cross-sell, with some fields replaced. */
export function crossSellVariant(overrides: Record<string, unknown> = {}) {
  return {
    heading: 'Keep them fresh',
    body: 'Add the care kit',
    buttonLabel: 'Add',
    products: [CARE_KIT],
    ...overrides,
  };
}

/** Calls the admin API as the embedded admin would, with a fresh id token for the shop. */
export async function adminCall(
  t: TestApp,
  shop: string,
  method: string,
  path: string,
  body?: unknown,
) {
  const res = await t.app.request(`/api/admin${path}`, {
    method,
    headers: {
      Authorization: `Bearer ${await t.idToken(shop)}`,
      'Content-Type': 'application/json',
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json()) as JsonBody };
}

/** A hesitation coupon: 10% off the order after 45 s, not for buyers who already have a code. */
export function hesitationCouponInput(overrides: Record<string, unknown> = {}) {
  return {
    name: 'Still deciding?',
    kind: 'hesitation_coupon',
    target: 'checkout_block',
    variants: [
      {
        heading: 'Still deciding? Take 10% off',
        body: 'One tap and it is on your order.',
        buttonLabel: 'Apply code',
      },
    ],
    delaySeconds: 45,
    skipIfCodeApplied: true,
    discount: { type: 'percentage', value: 10 },
    minimumSubtotal: null,
    condition: null,
    priority: 0,
    startsAt: null,
    endsAt: null,
    holdout: 0.2,
    ...overrides,
  };
}

export function exitCouponInput(overrides: Record<string, unknown> = {}) {
  return {
    name: 'Before you go',
    kind: 'exit_coupon',
    target: 'storefront_embed',
    variants: [
      {
        heading: 'Before you go: 10% off',
        body: 'Your own code, for today.',
        buttonLabel: 'Apply and check out',
      },
    ],
    discount: { type: 'percentage', value: 10 },
    codeExpiryHours: 48,
    minimumSubtotal: null,
    combinesWith: { orderDiscounts: false, productDiscounts: true, shippingDiscounts: true },
    intent: {
      sensitivity: 'medium',
      minTimeOnPageSeconds: 5,
      idleSeconds: 0,
      frequencyCapHours: 24,
    },
    pages: ['index', 'product', 'cart'],
    condition: null,
    priority: 0,
    startsAt: null,
    endsAt: null,
    holdout: 0.5,
    ...overrides,
  };
}

/** A next-order coupon: 10% off the next order, codes valid 30 days, repeat purchases over 14. */
export function nextOrderCouponInput(overrides: Record<string, unknown> = {}) {
  return {
    name: 'Come back soon',
    kind: 'next_order_coupon',
    target: 'thank_you_block',
    variants: [{ heading: 'Thanks! 10% off your next order', body: 'Your own code.' }],
    discount: { type: 'percentage', value: 10 },
    codeExpiryDays: 30,
    outcomeWindowDays: 14,
    condition: null,
    priority: 0,
    startsAt: null,
    endsAt: null,
    holdout: 0.5,
    ...overrides,
  };
}
