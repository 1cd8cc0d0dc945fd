import type { InValue } from '@libsql/client';
import { z } from 'zod';
import type { AppContext } from '../app-context.js';
import { isShopDomain } from '../auth/shop-domain.js';
import { type GroupCommit, type GroupWrite, groupCommitFor } from '../db/group-commit.js';
import { multiRowInsert } from '../db/multi-row.js';
import { DomainError } from './domain-error.js';
import { creditStored, type IngestResult } from './ingest-event-writes.js';
import { shopCacheFor } from './shop-cache.js';

/**
 * Whether SQLite gives the text back as sent. An unpaired surrogate is stored as U+FFFD and text
 * is read back only up to a NUL, so such an event id would be stored yet never found again by the
 * key the batch sent: its answer would count it a duplicate (creditStored, ingest-event-writes.ts).
 */
function storesAsSent(text: string): boolean {
  return !text.includes('\u0000') && !UNPAIRED_SURROGATE.test(text);
}

const UNPAIRED_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

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
            id: z
              .string()
              .min(1)
              .max(128)
              .refine(storesAsSent, 'must not contain NUL or unpaired surrogates'),
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
export async function ingestPixelEvents(ctx: AppContext, batch: PixelBatch): Promise<IngestResult> {
  if (!(await shopCacheFor(ctx).isActive(batch.shop))) {
    throw new DomainError(
      'not_found',
      'shop_not_installed',
      'The app is not installed on this shop.',
    );
  }
  const now = Date.now();
  const rows = batch.events.map((e) => [
    batch.shop,
    e.id,
    e.name,
    e.checkoutToken,
    e.orderId ?? null,
    e.value ?? null,
    e.currency ?? null,
    // A pixel's clock may run ahead; a conversion is never later than the server's minute.
    Math.min(e.at, now + 60_000),
    now,
  ]);
  // Answered once the group holding these rows is committed.
  return pixelWriterFor(ctx).submit(rows);
}

/** The process's group-commit writer for pixel batches (db/group-commit.ts). */
export function pixelWriterFor(ctx: AppContext): GroupCommit<InValue[][], IngestResult> {
  return groupCommitFor(ctx, 'pixel-events', planPixelWrites);
}

const INSERT_PIXEL_EVENTS = `insert into pixel_events
  (shop, event_id, name, checkout_token, order_id, value, currency, occurred_at, received_at)`;

/** Every batch of a group in one multi-row insert, credited as checkout events are. */
function planPixelWrites(batches: InValue[][][]): GroupWrite<IngestResult> {
  const statements = multiRowInsert(
    INSERT_PIXEL_EVENTS,
    9,
    'on conflict do nothing returning shop, event_id',
    batches.flat(),
  );
  return {
    statements,
    answers: (returned) => creditStored(batches, returned),
  };
}
