import type { CheckoutHost, HostCartLine } from '../../core/checkout-host';
import type { PublishedConfig, PublishedOffer } from '../../core/offers/published-config';

/** A cart line as checkout gives it; `unitPrice` in decimal major units. */
export function cartLine(
  variant: number,
  product: number,
  quantity: number,
  unitPrice: number,
  overrides: Partial<HostCartLine> = {},
): HostCartLine {
  return {
    id: `gid://shopify/CartLine/${variant}`,
    merchandise: {
      id: `gid://shopify/ProductVariant/${variant}`,
      product: { id: `gid://shopify/Product/${product}` },
    },
    quantity,
    cost: { totalAmount: { amount: unitPrice * quantity, currencyCode: 'USD' } },
    attributes: [],
    ...overrides,
  };
}

/** A `shopify`-shaped object with plain values, for the extension's pure helpers. */
export function fakeHost(overrides: Partial<CheckoutHost> = {}): CheckoutHost {
  const value = <T>(v: T) => ({ value: v });
  return {
    appMetafields: value([]),
    lines: value([cartLine(20071, 1008, 2, 129), cartLine(20041, 1005, 1, 30.5)]),
    cost: { subtotalAmount: value({ amount: 288.5, currencyCode: 'USD' }) },
    localization: {
      currency: value({ isoCode: 'USD' }),
      language: value({ isoCode: 'en-CA' }),
      country: value({ isoCode: 'CA' }),
    },
    checkoutToken: value('ct_123'),
    discountCodes: value([]),
    storage: { read: async () => null, write: async () => {} },
    settings: value({}),
    instructions: value({
      lines: { canAddCartLine: true, canUpdateCartLine: true },
      discounts: { canUpdateDiscountCodes: true },
    }),
    shop: { storefrontUrl: 'https://shop.example', myshopifyDomain: 'closer-demo.myshopify.com' },
    extension: { target: 'purchase.checkout.block.render', scriptUrl: 'https://cdn.example/x.js' },
    i18n: {
      formatCurrency: (n, options) =>
        new Intl.NumberFormat('en-US', {
          style: 'currency',
          currency: options?.currency ?? 'USD',
        }).format(n),
      translate: ((key: string) => key) as CheckoutHost['i18n']['translate'],
    },
    sessionToken: { get: async () => 'session-token' },
    applyCartLinesChange: async () => ({ type: 'success' }),
    applyDiscountCodeChange: async () => ({ type: 'success' }),
    ...overrides,
  };
}

export function configEntry(config: PublishedConfig | string, namespace = '$app') {
  return {
    metafield: {
      namespace,
      key: 'closer_config',
      value: typeof config === 'string' ? config : JSON.stringify(config),
    },
  };
}

const EXPERIMENT = {
  key: 'exp_1',
  seed: 'exp_1',
  coverage: 1,
  arms: [
    { key: 'holdout', weight: 0.5, holdout: true },
    { key: 'treatment', weight: 0.5, holdout: false },
  ],
};

export const SPRAY = {
  variantId: 'gid://shopify/ProductVariant/20091',
  productId: 'gid://shopify/Product/1010',
  title: 'Water-Repellent Spray',
  imageUrl: null,
  price: { amount: 1200, currencyCode: 'USD' },
  available: true,
};

export function crossSellConfig(
  overrides: Partial<PublishedOffer & { kind: 'cross_sell' }> = {},
): PublishedConfig {
  return {
    v: 2,
    shop: 'closer-demo.myshopify.com',
    currency: 'USD',
    publishedAt: 1,
    offers: [
      {
        id: 'off_1',
        kind: 'cross_sell',
        target: 'checkout_block',
        priority: 0,
        experiment: structuredClone(EXPERIMENT),
        variants: {
          treatment: {
            heading: 'Protect your shoes',
            body: 'Keeps them dry',
            buttonLabel: 'Add',
            products: [SPRAY.variantId],
          },
        },
        products: [SPRAY],
        ...overrides,
      },
    ],
  };
}

/** An upsell: with shoes 42 (variant 20071) in the cart, offer the 44 (20072) for $8 more. */
export function upsellConfig(
  overrides: Partial<PublishedOffer & { kind: 'upsell' }> = {},
): PublishedConfig {
  return {
    v: 2,
    shop: 'closer-demo.myshopify.com',
    currency: 'USD',
    publishedAt: 1,
    offers: [
      {
        id: 'off_up',
        kind: 'upsell',
        target: 'checkout_block',
        priority: 0,
        experiment: structuredClone(EXPERIMENT),
        variants: {
          treatment: { heading: 'Go bigger', body: '', buttonLabel: 'Upgrade' },
        },
        products: [
          {
            variantId: 'gid://shopify/ProductVariant/20072',
            productId: 'gid://shopify/Product/1008',
            title: 'Trail Runner Shoes',
            variantTitle: '44',
            price: { amount: 13700, currencyCode: 'USD' },
            available: true,
          },
        ],
        requiresInCart: ['gid://shopify/ProductVariant/20071'],
        ...overrides,
      },
    ],
  };
}
