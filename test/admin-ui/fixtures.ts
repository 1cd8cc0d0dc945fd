import type { ArmResult } from '../../admin-ui/src/api/types.js';
import type { Offer, OfferInput, ProductDetail } from '../../core/offers/contract.js';

export function gid(n: number): string {
  return `gid://shopify/ProductVariant/${n}`;
}

export function productDetail(n: number, overrides: Partial<ProductDetail> = {}): ProductDetail {
  return {
    variantId: gid(n),
    productId: `gid://shopify/Product/${n}`,
    title: `Product ${n}`,
    variantTitle: 'Default Title',
    imageUrl: null,
    price: 1000 * n,
    available: true,
    ...overrides,
  };
}

/** The fields the server owns, beside an offer's input fields. */
type ServerFields = Omit<Offer, keyof OfferInput>;

function serverFields(overrides: Partial<ServerFields>, holdout = 0.15): ServerFields {
  return {
    id: 'o1',
    status: 'draft',
    version: 1,
    experiment: {
      key: 'exp-o1',
      seed: 'seed',
      holdout,
      coverage: 1,
      startedAt: 1_700_000_000_000,
      arms: [
        { key: 'holdout', weight: holdout, holdout: true },
        { key: 'treatment', weight: 1 - holdout, holdout: false },
      ],
    },
    productDetails: [1, 2, 3, 4, 5].map((n) => productDetail(n)),
    discountCode: null,
    publication: { state: 'live', message: null, nextAttemptAt: null },
    createdAt: 1_700_000_000_000,
    updatedAt: 1_700_000_000_000,
    ...overrides,
  };
}

const COMMON = {
  name: 'Socks with shoes',
  target: 'checkout_block',
  condition: { currency: 'USD', subtotal: { $gte: 5000 } },
  priority: 5,
  startsAt: Date.UTC(2030, 0, 1, 9, 30),
  endsAt: Date.UTC(2030, 1, 1, 9, 30),
  holdout: 0.15,
} as const;

export function crossSellInput(): Extract<OfferInput, { kind: 'cross_sell' }> {
  return {
    ...COMMON,
    condition: { ...COMMON.condition },
    kind: 'cross_sell',
    variants: [
      { heading: 'Complete the look', body: 'Soft socks.', buttonLabel: 'Add', products: [gid(1)] },
      { heading: 'Cold feet?', body: '', buttonLabel: 'Add socks', products: [gid(2), gid(3)] },
    ],
    discount: { type: 'fixed', value: 250 },
  };
}

export function upsellInput(): Extract<OfferInput, { kind: 'upsell' }> {
  return {
    ...COMMON,
    condition: null,
    kind: 'upsell',
    target: 'cart_line_list_after',
    variants: [{ heading: 'Get the 2-pack', body: 'Save on refills.', buttonLabel: 'Upgrade' }],
    triggers: [gid(1), gid(2)],
    replacement: gid(4),
    discount: { type: 'percentage', value: 10 },
  };
}

export function ctaInput(): Extract<OfferInput, { kind: 'cta' }> {
  return {
    ...COMMON,
    condition: null,
    startsAt: null,
    endsAt: null,
    priority: -3,
    kind: 'cta',
    variants: [
      {
        heading: 'Free returns',
        body: 'Within 30 days.',
        icon: 'return',
        link: { url: '/policies/refund-policy', label: 'Read the policy' },
      },
      { heading: 'Secure payment', body: '', icon: 'lock', link: null },
      {
        heading: 'Loved by 10,000 runners',
        body: '',
        icon: 'star',
        link: { url: 'https://reviews.example.com/shop', label: 'Reviews' },
      },
    ],
  };
}

export function hesitationCouponInput(): Extract<OfferInput, { kind: 'hesitation_coupon' }> {
  return {
    ...COMMON,
    condition: null,
    kind: 'hesitation_coupon',
    variants: [
      { heading: 'Still deciding?', body: 'Take $5 off.', buttonLabel: 'Apply code' },
      { heading: 'A gift before you go', body: '', buttonLabel: 'Use it' },
    ],
    delaySeconds: 90,
    skipIfCodeApplied: false,
    discount: { type: 'fixed', value: 500 },
    minimumSubtotal: 5000,
  };
}

export function exitCouponInput(): Extract<OfferInput, { kind: 'exit_coupon' }> {
  return {
    ...COMMON,
    condition: null,
    kind: 'exit_coupon',
    target: 'storefront_embed',
    variants: [
      { heading: 'Before you go', body: 'Take 10% off.', buttonLabel: 'Apply and check out' },
      { heading: 'Leaving already?', body: '', buttonLabel: 'Use it' },
    ],
    discount: { type: 'percentage', value: 10 },
    codeExpiryHours: 24,
    minimumSubtotal: 5000,
    combinesWith: { orderDiscounts: false, productDiscounts: true, shippingDiscounts: false },
    intent: {
      sensitivity: 'high',
      minTimeOnPageSeconds: 8,
      idleSeconds: 30,
      frequencyCapHours: 12,
    },
    pages: ['product', 'cart'],
  };
}

/** An offer as `GET /offers/:id` returns it: the input plus the server's fields. */
export function offerFrom(input: OfferInput, overrides: Partial<ServerFields> = {}): Offer {
  return { ...input, holdout: input.holdout ?? 0.1, ...serverFields(overrides, input.holdout) };
}

/** A cross-sell offer with any field replaced; for list and label tests. */
export function offer(
  overrides: Partial<ServerFields> & { priority?: number; name?: string } = {},
) {
  const { priority, name, ...server } = overrides;
  const input = crossSellInput();
  return offerFrom(
    { ...input, priority: priority ?? input.priority, name: name ?? input.name },
    server,
  );
}

/** The input fields of an offer (what a form round trip must give back). */
export function inputFieldsOf(offer: Offer): OfferInput {
  const {
    id: _id,
    status: _status,
    version: _version,
    experiment: _experiment,
    productDetails: _details,
    discountCode: _code,
    publication: _publication,
    createdAt: _created,
    updatedAt: _updated,
    ...input
  } = offer;
  return input as OfferInput;
}

export function arm(overrides: Partial<ArmResult>): ArmResult {
  return {
    arm: 'treatment',
    holdout: false,
    units: 0,
    orders: 0,
    conversionRate: 0,
    revenue: 0,
    attributedRevenue: 0,
    attributedOrders: 0,
    ...overrides,
  };
}

export function nextOrderCouponInput(): Extract<OfferInput, { kind: 'next_order_coupon' }> {
  return {
    ...COMMON,
    condition: null,
    kind: 'next_order_coupon',
    target: 'thank_you_block',
    variants: [
      { heading: 'Thanks! 10% off next time', body: 'Your own code.' },
      { heading: 'See you soon', body: '' },
    ],
    discount: { type: 'fixed', value: 500 },
    codeExpiryDays: 45,
    outcomeWindowDays: 21,
  };
}
