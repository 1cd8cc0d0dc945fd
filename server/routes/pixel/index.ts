import { Hono } from 'hono';
import type { AppContext, AppEnv } from '../../app-context.js';
import { ingestPixelEvents, pixelBatchSchema } from '../../domain/pixel-events.js';
import { clientAddress } from '../../http/client-address.js';
import {
  enforceRate,
  FixedWindowLimiter,
  rateLimit,
  rateLimitPolicy,
} from '../../http/rate-limit.js';
import { parseOrThrow, readJson } from '../../http/validate.js';

/**
 * The web pixel's endpoint: public (pixels have no session token), rate limited per client and per
 * shop; what a batch may hold and how it is stored is domain/pixel-events.ts.
 */
// Access-Control-Allow-Origin is set for every answer on /api/pixel/* in server/app.ts.
const CORS = {
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
        return c.json(await ingestPixelEvents(ctx, batch), 202);
      },
    );
}
