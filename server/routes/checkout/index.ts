import { Hono } from 'hono';
import type { AppContext, AppEnv } from '../../app-context.js';
import { checkoutAuth } from '../../auth/checkout-auth.js';

/** Endpoints the checkout UI extension calls with its session token (CORS, bearer only). */
export function createCheckoutRoutes(ctx: AppContext) {
  return new Hono<AppEnv>()
    .use('*', checkoutAuth(ctx))
    .get('/session', (c) => c.json({ shop: c.get('shop') }));
}
