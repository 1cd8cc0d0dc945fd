// Builders for decide tests: a valid offer/config/context with only the field under test changed.
import type {
  DecideContext,
  OfferProduct,
  PublishedConfig,
  PublishedOffer,
} from '../../core/decide/index';
import type { PublishedOfferOf } from '../../core/offers/published-config';

export const NOW = Date.UTC(2025, 5, 15, 14, 30); // a Sunday, 14:30 UTC

export function makeProduct(n: number, overrides: Partial<OfferProduct> = {}): OfferProduct {
  return {
    variantId: `gid://shopify/ProductVariant/${n}`,
    productId: `gid://shopify/Product/${n}`,
    title: `Product ${n}`,
    price: { amount: 1500, currencyCode: 'USD' },
    available: true,
    ...overrides,
  };
}

export function makeOffer(overrides: Partial<PublishedOfferOf<'cross_sell'>> = {}): PublishedOffer {
  return {
    id: 'offer-1',
    kind: 'cross_sell',
    target: 'checkout_block',
    priority: 0,
    experiment: {
      key: 'exp-1',
      seed: 'seed-1',
      coverage: 1,
      arms: [
        { key: 'holdout', weight: 0.1, holdout: true },
        { key: 'treatment', weight: 0.9, holdout: false },
      ],
    },
    variants: {
      treatment: {
        heading: 'Add this',
        body: 'Goes well',
        buttonLabel: 'Add',
        products: ['gid://shopify/ProductVariant/100'],
      },
    },
    products: [makeProduct(100)],
    ...overrides,
  };
}

/** An experiment where every covered unit lands in one arm. */
export function singleArm(holdout: boolean, coverage = 1): PublishedOffer['experiment'] {
  return { key: 'exp-1', seed: 'seed-1', coverage, arms: [{ key: 'only', weight: 1, holdout }] };
}

export function makeConfig(offers: PublishedOffer[]): PublishedConfig {
  return { v: 2, shop: 'demo.myshopify.com', currency: 'USD', publishedAt: NOW, offers };
}

export function makeContext(overrides: Partial<DecideContext> = {}): DecideContext {
  return {
    cartLines: [
      {
        variantId: 'gid://shopify/ProductVariant/1',
        productId: 'gid://shopify/Product/1',
        quantity: 1,
      },
    ],
    subtotal: 5000,
    currency: 'USD',
    country: 'CA',
    locale: 'en-CA',
    loggedIn: false,
    customerTags: [],
    now: NOW,
    ...overrides,
  };
}
