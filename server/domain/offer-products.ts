import type { OfferProduct } from '../../core/offers/published-config.js';
import type { OfferProductSnapshot } from '../../drizzle/schema.js';
import type { AppContext } from '../app-context.js';
import { createAdminGateway } from '../shopify/admin-gateway.js';
import { loadOfflineSession } from '../shopify/offline-session.js';
import { DomainError } from './domain-error.js';
import { toMinorUnits } from './money.js';
import { getShop } from './shops.js';

/**
 * Snapshots the given variants from Admin GraphQL (title, image, price in minor units,
 * availability), in the order asked. An id the shop does not have is refused, naming the field.
 */
export async function snapshotProducts(
  ctx: AppContext,
  shop: string,
  variantIds: string[],
  field = 'products',
): Promise<OfferProductSnapshot[]> {
  if (variantIds.length === 0) return [];
  const session = await loadOfflineSession(ctx, shop);
  if (!session)
    throw new DomainError(
      'conflict',
      'shop_not_connected',
      'Reopen the app from the Shopify admin.',
    );
  const currency = (await getShop(ctx.db, shop))?.currency ?? 'USD';
  const found = await createAdminGateway(ctx, session).fetchVariants(variantIds);
  const byId = new Map(found.map((v) => [v.variantId, v]));
  return variantIds.map((id) => {
    const variant = byId.get(id);
    if (!variant)
      throw new DomainError(
        'invalid',
        'unknown_product',
        `${field}: ${id} does not exist in this shop.`,
      );
    return {
      variantId: variant.variantId,
      productId: variant.productId,
      title: variant.productTitle,
      variantTitle: variant.variantTitle,
      imageUrl: variant.imageUrl,
      price: toMinorUnits(variant.price, currency),
      currencyCode: currency,
      available: variant.available,
    };
  });
}

/** Snapshots as the published config and the kind modules see them, by variant id. */
export function productsById(snapshots: OfferProductSnapshot[]): Map<string, OfferProduct> {
  return new Map(
    snapshots.map((p) => [
      p.variantId,
      {
        variantId: p.variantId,
        productId: p.productId,
        title: p.title,
        variantTitle: p.variantTitle,
        imageUrl: p.imageUrl,
        price: { amount: p.price, currencyCode: p.currencyCode },
        available: p.available,
      },
    ]),
  );
}
