import { Hono } from 'hono';
import type { AppContext, AppEnv } from '../../app-context.js';
import { checkoutAuth } from '../../auth/checkout-auth.js';
import { eventBatchSchema, ingestEvents } from '../../domain/ingest-events.js';
import { clientAddress } from '../../http/client-address.js';
import { enforceRate, FixedWindowLimiter, rateLimitPolicy } from '../../http/rate-limit.js';
import { parseOrThrow, readJson } from '../../http/validate.js';
import { createCouponRoutes } from './coupons.js';

/**
 * Endpoints the checkout UI extension calls with its session token (CORS, bearer only). Rate
 * limited per client before the token is checked (forged tokens count too) and per shop after.
 */
export function createCheckoutRoutes(ctx: AppContext) {
  const limits = rateLimitPolicy(ctx.rateLimits);
  const perClient = new FixedWindowLimiter(limits.checkoutPerClient);
  const perShop = new FixedWindowLimiter(limits.checkoutPerShop, 10_000);
  return (
    new Hono<AppEnv>()
      .use('*', async (c, next) => {
        // Preflights are answered by checkoutAuth and cached by the browser; they do not count.
        if (c.req.method !== 'OPTIONS')
          enforceRate(perClient, clientAddress(c, ctx.trustedProxyHeader), 'checkout requests');
        await next();
      })
      .use('*', checkoutAuth(ctx))
      .use('*', async (c, next) => {
        enforceRate(perShop, c.get('shop'), 'checkout requests for this shop');
        await next();
      })
      .get('/session', (c) => c.json({ shop: c.get('shop') }))
      // The body limit (64 KB) is applied app-wide by path: http/body-limit.ts.
      .post('/events', async (c) => {
        const batch = parseOrThrow(eventBatchSchema, await readJson(c.req.raw), 'invalid_events');
        return c.json(await ingestEvents(ctx, c.get('shop'), batch), 202);
      })
      // The Thank you page's next-order coupon (behind the same auth and limits).
      .route('/', createCouponRoutes(ctx))
  );
}
