import type { CheckoutHost } from '../../core/checkout-host';
import type { PublishedConfig } from '../../core/decide/index';

/** A `shopify`-shaped object with plain values, for the extension's pure helpers. */
export function fakeHost(overrides: Partial<CheckoutHost> = {}): CheckoutHost {
  const value = <T>(v: T) => ({ value: v });
  return {
    appMetafields: value([]),
    lines: value([
      {
        merchandise: {
          id: 'gid://shopify/ProductVariant/20071',
          product: { id: 'gid://shopify/Product/1008' },
        },
        quantity: 2,
      },
      {
        merchandise: {
          id: 'gid://shopify/ProductVariant/20041',
          product: { id: 'gid://shopify/Product/1005' },
        },
        quantity: 1,
      },
    ]),
    cost: { subtotalAmount: value({ amount: 288.5, currencyCode: 'USD' }) },
    localization: {
      currency: value({ isoCode: 'USD' }),
      language: value({ isoCode: 'en-CA' }),
      country: value({ isoCode: 'CA' }),
    },
    checkoutToken: value('ct_123'),
    settings: value({}),
    instructions: value({ lines: { canAddCartLine: true } }),
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

export function crossSellConfig(
  overrides: Partial<PublishedConfig['offers'][number]> = {},
): PublishedConfig {
  return {
    v: 1,
    shop: 'closer-demo.myshopify.com',
    currency: 'USD',
    publishedAt: 1,
    offers: [
      {
        id: 'off_1',
        kind: 'cross_sell',
        target: 'checkout_block',
        priority: 0,
        experiment: {
          key: 'exp_1',
          seed: 'exp_1',
          coverage: 1,
          arms: [
            { key: 'holdout', weight: 0.5, holdout: true },
            { key: 'treatment', weight: 0.5, holdout: false },
          ],
        },
        variants: {
          treatment: { heading: 'Protect your shoes', body: 'Keeps them dry', buttonLabel: 'Add' },
        },
        products: [
          {
            variantId: 'gid://shopify/ProductVariant/20091',
            productId: 'gid://shopify/Product/1010',
            title: 'Water-Repellent Spray',
            imageUrl: null,
            price: { amount: 1200, currencyCode: 'USD' },
            available: true,
          },
        ],
        ...overrides,
      },
    ],
  };
}
