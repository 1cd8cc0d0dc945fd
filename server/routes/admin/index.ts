import { Hono } from 'hono';
import { z } from 'zod';
import type { AppContext, AppEnv } from '../../app-context.js';
import { adminApiAuth } from '../../auth/admin-auth.js';
import { readShopLocales } from '../../domain/shop-locales.js';
import { getShop, updateShopSettings } from '../../domain/shops.js';
import { ApiError } from '../../http/errors.js';
import { parseOrThrow, readJson } from '../../http/validate.js';
import { createDashboardRoutes } from './dashboard.js';
import { createExperimentRoutes } from './experiments.js';
import { createOfferRoutes } from './offers.js';
import { createProductRoutes } from './products.js';

const settingsSchema = z
  .object({
    defaultHoldout: z.number().min(0).max(0.5),
    statsEngine: z.enum(['frequentist', 'bayesian']),
    sequential: z.boolean(),
  })
  .partial()
  .strict();

/** The embedded admin's API. Every handler reads the shop from the verified id token only. */
export function createAdminRoutes(ctx: AppContext) {
  return new Hono<AppEnv>()
    .use('*', adminApiAuth(ctx))
    .get('/shop', async (c) => {
      const shop = await getShop(ctx.db, c.get('shop'));
      if (!shop) throw new ApiError(404, 'shop_not_found', 'This shop has not installed the app.');
      return c.json({
        shop: shop.shop,
        name: shop.name,
        currency: shop.currency,
        plan: shop.plan,
        settings: shop.settings,
        installedAt: shop.installedAt,
        locales: await readShopLocales(ctx, shop.shop),
      });
    })
    .patch('/settings', async (c) => {
      const settings = parseOrThrow(settingsSchema, await readJson(c.req.raw), 'invalid_settings');
      return c.json({ settings: await updateShopSettings(ctx.db, c.get('shop'), settings) });
    })
    .route('/offers', createOfferRoutes(ctx))
    .route('/products', createProductRoutes(ctx))
    .route('/experiments', createExperimentRoutes(ctx))
    .route('/dashboard', createDashboardRoutes(ctx));
}
