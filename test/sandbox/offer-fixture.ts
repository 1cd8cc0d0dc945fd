import { type AppSecrets, signAdminIdToken } from '../../server/demo/shopify-signatures.js';

/** Demo catalog variants the sandbox tests offer (server/demo/catalog.ts). */
export const SHOES_42 = 'gid://shopify/ProductVariant/20071';
export const SOCKS_M = 'gid://shopify/ProductVariant/20012';
export const SPRAY_VARIANT = 'gid://shopify/ProductVariant/20091';
export const CARE_KIT = 'gid://shopify/ProductVariant/20081';
export const LACES = 'gid://shopify/ProductVariant/20191';
export const COFFEE_BAG = 'gid://shopify/ProductVariant/20201';
export const COFFEE_2_PACK = 'gid://shopify/ProductVariant/20202';

/** `app.request` of a Hono app, or the same over real HTTP. */
export type Requester = {
  request(path: string, init: RequestInit): Response | Promise<Response>;
};

const common = {
  condition: null,
  priority: 0,
  startsAt: null,
  endsAt: null,
  holdout: 0.5,
};

/** A cross-sell of the spray for the shoes in the demo cart (the original sandbox offer). */
export const CROSS_SELL = {
  ...common,
  name: 'Spray with shoes',
  kind: 'cross_sell',
  target: 'checkout_block',
  variants: [
    {
      heading: 'Keep your new shoes dry',
      body: 'A water-repellent spray for suede and leather.',
      buttonLabel: 'Add',
      products: [SPRAY_VARIANT],
    },
  ],
  discount: null,
};

/** Three products at once, 15 % off with the offer's code. */
export const MULTI_CROSS_SELL = {
  ...CROSS_SELL,
  name: 'Shoe care trio',
  variants: [
    {
      heading: 'Look after your shoes',
      body: 'Everything for the first rainy day.',
      buttonLabel: 'Add',
      products: [SPRAY_VARIANT, CARE_KIT, LACES],
    },
  ],
  discount: { type: 'percentage', value: 15 },
};

/** The coffee bag upgraded to the 2-pack ($18 → $26), $2 off the 2-pack with the code. */
export const UPSELL = {
  ...common,
  name: 'Coffee 2-pack',
  kind: 'upsell',
  target: 'checkout_block',
  variants: [
    {
      heading: 'Make it a 2-pack',
      body: 'Twice the coffee, fewer trips.',
      buttonLabel: 'Upgrade',
    },
  ],
  triggers: [COFFEE_BAG],
  replacement: COFFEE_2_PACK,
  discount: { type: 'fixed', value: 200 },
};

export const CTA = {
  ...common,
  name: 'Free returns',
  kind: 'cta',
  target: 'cart_line_list_after',
  variants: [
    {
      heading: 'Free returns for 30 days',
      body: 'Changed your mind? Send it back, on us.',
      icon: 'return',
      link: { url: '/policies/refund-policy', label: 'Read the returns policy' },
    },
  ],
};

/**
 * Creates and activates an offer through the admin API (docs/api.md), which publishes the shop
 * config with `metafieldsSet` — the path a merchant's click takes.
 */
export async function publishOffer(
  app: Requester,
  secrets: AppSecrets,
  shop: string,
  input: Record<string, unknown>,
): Promise<{ id: string; discountCode: string | null }> {
  const idToken = await signAdminIdToken(secrets, shop);
  const headers = { Authorization: `Bearer ${idToken}`, 'Content-Type': 'application/json' };
  const created = await app.request('/api/admin/offers', {
    method: 'POST',
    headers,
    body: JSON.stringify(input),
  });
  if (created.status !== 201)
    throw new Error(`create offer: ${created.status} ${await created.text()}`);
  const { offer } = (await created.json()) as { offer: { id: string } };
  const activated = await app.request(`/api/admin/offers/${offer.id}/activate`, {
    method: 'POST',
    headers,
  });
  if (activated.status !== 200)
    throw new Error(`activate offer: ${activated.status} ${await activated.text()}`);
  const body = (await activated.json()) as { offer: { id: string; discountCode: string | null } };
  return { id: body.offer.id, discountCode: body.offer.discountCode };
}

/** The original single-product cross-sell; returns its id. */
export async function publishCrossSell(app: Requester, secrets: AppSecrets, shop: string) {
  return (await publishOffer(app, secrets, shop, CROSS_SELL)).id;
}
