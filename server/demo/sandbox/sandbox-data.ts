import { DEMO_CATALOG } from '../catalog.js';
import type { SandboxData, SandboxVariant } from './client/sandbox-types.js';

/** The demo cart a sandbox checkout starts with: shoes and socks, as a shopper might. */
export const INITIAL_CART = [
  { variantId: 'gid://shopify/ProductVariant/20071', quantity: 1 },
  { variantId: 'gid://shopify/ProductVariant/20012', quantity: 2 },
];

const CATALOG: SandboxVariant[] = DEMO_CATALOG.flatMap((product) =>
  product.variants.map((variant) => ({
    id: variant.id,
    productId: product.id,
    title: product.title,
    variantTitle: variant.title === 'Default Title' ? null : variant.title,
    vendor: product.vendor,
    productType: product.productType,
    imageUrl: product.imageUrl,
    price: variant.price,
    available: variant.available,
  })),
);

export function buildSandboxData(input: {
  shop: string;
  shopName: string;
  currency: string;
  config: string | null;
  bundleAppUrl: string;
  pooledCodes?: SandboxData['pooledCodes'];
}): SandboxData {
  return {
    ...input,
    pooledCodes: input.pooledCodes ?? [],
    catalog: CATALOG,
    initialCart: INITIAL_CART,
    bundleUrl: '/sandbox/extension/closer-checkout.js',
    localesUrl: '/sandbox/extension/locales',
  };
}
