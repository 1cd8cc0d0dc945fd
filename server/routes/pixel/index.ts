import { Hono } from 'hono';
import { z } from 'zod';
import { pixelEvents } from '../../../drizzle/schema.js';
import type { AppContext, AppEnv } from '../../app-context.js';
import { isShopDomain } from '../../auth/shop-domain.js';
import { isShopActive } from '../../domain/shops.js';
import { clientAddress } from '../../http/client-address.js';
import { ApiError } from '../../http/errors.js';
import {
  enforceRate,
  FixedWindowLimiter,
  rateLimit,
  rateLimitPolicy,
} from '../../http/rate-limit.js';
import { parseOrThrow, readJson } from '../../http/validate.js';

/**
 * The web pixel's endpoint. It is public (pixels have no session token), so it validates
 * strictly, limits rate per client and per shop, stores only ids and amounts (no PII), and is
 * never trusted over the HMAC-signed webhook: it only flags conversions the webhook has not
 * confirmed yet.
 */
const pixelBatchSchema = z
  .object({
    shop: z.string().max(255).refine(isShopDomain, 'must be a myshopify.com domain'),
    events: z
      .array(
        z
          .object({
            id: z.string().min(1).max(128),
            name: z.enum(['checkout_started', 'checkout_completed', 'closer:offer_added']),
            checkoutToken: z.string().min(1).max(128).nullable(),
            orderId: z.string().max(64).nullable().optional(),
            value: z.number().int().min(0).max(100_000_000).nullable().optional(),
            currency: z.string().length(3).nullable().optional(),
            at: z.number().int().nonnegative(),
          })
          .strict(),
      )
      .min(1)
      .max(20),
  })
  .strict();

const CORS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'POST, OPTIONS',
  'Access-Control-Allow-Headers': 'Content-Type',
};

export function createPixelRoutes(ctx: AppContext) {
  const limits = rateLimitPolicy(ctx.rateLimits);
  const perClient = new FixedWindowLimiter(limits.pixelPerClient);
  const perShop = new FixedWindowLimiter(limits.pixelPerShop, 10_000);
  return new Hono<AppEnv>()
    .use('*', async (c, next) => {
      for (const [name, value] of Object.entries(CORS)) c.header(name, value);
      if (c.req.method === 'OPTIONS') return c.body(null, 204);
      await next();
    })
    .post(
      '/events',
      rateLimit(perClient, (c) => clientAddress(c, ctx.trustedProxyHeader), 'pixel batches'),
      async (c) => {
        // Pixels post text/plain to avoid a CORS preflight; the body is JSON either way.
        const batch = parseOrThrow(
          pixelBatchSchema,
          await readJson(c.req.raw),
          'invalid_pixel_events',
        );
        // The shop is only named in the body, so its budget is counted once the body parsed.
        enforceRate(perShop, batch.shop, 'pixel batches for this shop');
        if (!(await isShopActive(ctx.db, batch.shop))) {
          throw new ApiError(404, 'shop_not_installed', 'The app is not installed on this shop.');
        }
        const now = Date.now();
        const inserted = await ctx.db
          .insert(pixelEvents)
          .values(
            batch.events.map((e) => ({
              shop: batch.shop,
              eventId: e.id,
              name: e.name,
              checkoutToken: e.checkoutToken,
              orderId: e.orderId ?? null,
              value: e.value ?? null,
              currency: e.currency ?? null,
              occurredAt: Math.min(e.at, now + 60_000),
              receivedAt: now,
            })),
          )
          .onConflictDoNothing()
          .returning({ id: pixelEvents.eventId });
        return c.json(
          { accepted: inserted.length, duplicates: batch.events.length - inserted.length },
          202,
        );
      },
    );
}
