import { z } from 'zod';
import { pixelEvents } from '../../drizzle/schema.js';
import type { AppContext } from '../app-context.js';
import { isShopDomain } from '../auth/shop-domain.js';
import { DomainError } from './domain-error.js';
import { isShopActive } from './shops.js';

/**
 * Conversion signals from the web pixel. The endpoint is public (pixels have no session token),
 * so batches are validated strictly, hold only ids and amounts (no PII), and are never trusted
 * over the HMAC-signed webhook: they only flag conversions the webhook has not confirmed yet.
 */
export const pixelBatchSchema = z
  .object({
    shop: z.string().max(255).refine(isShopDomain, 'must be a myshopify.com domain'),
    events: z
      .array(
        z
          .object({
            id: z.string().min(1).max(128),
            // checkout_started feeds the home page's checkout funnel (started → completed).
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

export type PixelBatch = z.infer<typeof pixelBatchSchema>;

/** Stores a batch for an installed shop; event ids make replays no-ops. */
export async function ingestPixelEvents(ctx: AppContext, batch: PixelBatch) {
  if (!(await isShopActive(ctx.db, batch.shop))) {
    throw new DomainError(
      'not_found',
      'shop_not_installed',
      'The app is not installed on this shop.',
    );
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
        // A pixel's clock may run ahead; a conversion is never later than the server's minute.
        occurredAt: Math.min(e.at, now + 60_000),
        receivedAt: now,
      })),
    )
    .onConflictDoNothing()
    .returning({ id: pixelEvents.eventId });
  return { accepted: inserted.length, duplicates: batch.events.length - inserted.length };
}
