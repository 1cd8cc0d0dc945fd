import { type AppSecrets, signAdminIdToken } from '../../server/demo/shopify-signatures.js';

/** The cross-sell the sandbox tests publish: a spray for the shoes in the demo cart. */
export const SPRAY_VARIANT = 'gid://shopify/ProductVariant/20091';

/** `app.request` of a Hono app, or the same over real HTTP. */
type Requester = { request(path: string, init: RequestInit): Response | Promise<Response> };

/**
 * Creates and activates an offer through the admin API (docs/api.md), which publishes the shop
 * config with `metafieldsSet` — the path a merchant's click takes.
 */
export async function publishCrossSell(app: Requester, secrets: AppSecrets, shop: string) {
  const idToken = await signAdminIdToken(secrets, shop);
  const headers = { Authorization: `Bearer ${idToken}`, 'Content-Type': 'application/json' };
  const created = await app.request('/api/admin/offers', {
    method: 'POST',
    headers,
    body: JSON.stringify({
      name: 'Spray with shoes',
      kind: 'cross_sell',
      target: 'checkout_block',
      content: {
        heading: 'Keep your new shoes dry',
        body: 'A water-repellent spray for suede and leather.',
        buttonLabel: 'Add',
      },
      products: [SPRAY_VARIANT],
      condition: null,
      priority: 0,
      startsAt: null,
      endsAt: null,
      holdout: 0.5,
    }),
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
  return offer.id;
}
