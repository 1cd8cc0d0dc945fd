import { Hono } from 'hono';
import type { AppContext, AppEnv } from '../../app-context.js';
import { checkoutAuth } from '../../auth/checkout-auth.js';
import { eventBatchSchema, ingestEvents } from '../../domain/ingest-events.js';
import { parseOrThrow, readJson } from '../../http/validate.js';

/** Endpoints the checkout UI extension calls with its session token (CORS, bearer only). */
export function createCheckoutRoutes(ctx: AppContext) {
  return (
    new Hono<AppEnv>()
      .use('*', checkoutAuth(ctx))
      .get('/session', (c) => c.json({ shop: c.get('shop') }))
      // The body limit (64 KB) is applied app-wide by path: http/body-limit.ts.
      .post('/events', async (c) => {
        const batch = parseOrThrow(eventBatchSchema, await readJson(c.req.raw), 'invalid_events');
        return c.json(await ingestEvents(ctx, c.get('shop'), batch), 202);
      })
  );
}
