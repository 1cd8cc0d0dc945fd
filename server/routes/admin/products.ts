import { Hono } from 'hono';
import { z } from 'zod';
import type { AppContext, AppEnv } from '../../app-context.js';
import { toMinorUnits } from '../../domain/money.js';
import { getShop } from '../../domain/shops.js';
import { ApiError } from '../../http/errors.js';
import { parseOrThrow } from '../../http/validate.js';
import { createAdminGateway } from '../../shopify/admin-gateway.js';
import { loadOfflineSession } from '../../shopify/offline-session.js';

const searchQuery = z.object({
  query: z.string().max(100).default(''),
  first: z.coerce.number().int().min(1).max(50).default(10),
});

/** The product picker's search, answered from Admin GraphQL. */
export function createProductRoutes(ctx: AppContext) {
  return new Hono<AppEnv>().get('/', async (c) => {
    const { query, first } = parseOrThrow(searchQuery, c.req.query(), 'invalid_query');
    const shop = c.get('shop');
    const session = await loadOfflineSession(ctx, shop);
    if (!session)
      throw new ApiError(409, 'shop_not_connected', 'Reopen the app from the Shopify admin.');
    const currency = (await getShop(ctx.db, shop))?.currency ?? 'USD';
    const products = await createAdminGateway(ctx, session).searchProducts(query, first);
    return c.json({
      products: products.map((product) => ({
        id: product.id,
        title: product.title,
        imageUrl: product.imageUrl,
        variants: product.variants.map((v) => ({
          id: v.variantId,
          title: v.variantTitle ?? 'Default Title',
          price: toMinorUnits(v.price, currency),
          available: v.available,
        })),
      })),
    });
  });
}
