import { Hono } from 'hono';
import type { AppContext, AppEnv } from '../../app-context.js';
import { appProxyAuth } from '../../auth/app-proxy-auth.js';
import { isShopActive } from '../../domain/shops.js';
import { answerCoupon } from './coupon.js';

/** Storefront requests through the App Proxy (`/apps/closer/*` on the shop's domain). */
export function createProxyRoutes(ctx: AppContext) {
  return new Hono<AppEnv>()
    .use('*', appProxyAuth(ctx))
    .get('/status', async (c) =>
      c.json({ shop: c.get('shop'), installed: await isShopActive(ctx.db, c.get('shop')) }),
    )
    .get('/coupon', answerCoupon(ctx));
}
