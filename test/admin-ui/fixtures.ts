import type { ArmResult, Offer, ProductDetail } from '../../admin-ui/src/api/types.js';

export function productDetail(n: number, overrides: Partial<ProductDetail> = {}): ProductDetail {
  return {
    variantId: `gid://shopify/ProductVariant/${n}`,
    productId: `gid://shopify/Product/${n}`,
    title: `Product ${n}`,
    variantTitle: 'Default Title',
    imageUrl: null,
    price: 1000 * n,
    available: true,
    ...overrides,
  };
}

export function offer(overrides: Partial<Offer> = {}): Offer {
  return {
    id: 'o1',
    name: 'Socks with shoes',
    kind: 'cross_sell',
    target: 'checkout_block',
    content: { heading: 'Complete the look', body: 'Soft socks.', buttonLabel: 'Add' },
    products: ['gid://shopify/ProductVariant/1'],
    condition: { currency: 'USD', subtotal: { $gte: 5000 } },
    priority: 5,
    startsAt: Date.UTC(2030, 0, 1, 9, 30),
    endsAt: Date.UTC(2030, 1, 1, 9, 30),
    holdout: 0.15,
    status: 'draft',
    version: 1,
    experiment: { key: 'exp-o1', seed: 'seed', holdout: 0.15, coverage: 1 },
    productDetails: [productDetail(1)],
    createdAt: 1_700_000_000_000,
    updatedAt: 1_700_000_000_000,
    ...overrides,
  };
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
