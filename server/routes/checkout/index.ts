import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppContext, AppEnv } from '../../app-context.js';
import { checkoutAuth } from '../../auth/checkout-auth.js';
import { eventBatchSchema, ingestEvents } from '../../domain/ingest-events.js';
import { ApiError } from '../../http/errors.js';
import { parseOrThrow, readJson } from '../../http/validate.js';

/** Endpoints the checkout UI extension calls with its session token (CORS, bearer only). */
export function createCheckoutRoutes(ctx: AppContext) {
  return new Hono<AppEnv>()
    .use('*', checkoutAuth(ctx))
    .get('/session', (c) => c.json({ shop: c.get('shop') }))
    .post(
      '/events',
      bodyLimit({
        maxSize: 64 * 1024,
        onError: () => {
          throw new ApiError(413, 'batch_too_large', 'An event batch may be at most 64 KB.');
        },
      }),
      async (c) => {
        const batch = parseOrThrow(eventBatchSchema, await readJson(c.req.raw), 'invalid_events');
        return c.json(await ingestEvents(ctx, c.get('shop'), batch), 202);
      },
    );
}
