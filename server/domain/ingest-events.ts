import { z } from 'zod';
import { assignArm } from '../../core/decide/index.js';
import type { EventType } from '../../drizzle/schema.js';
import type { AppContext } from '../app-context.js';
import { DomainError } from './domain-error.js';
import { type EventWrite, eventWriterFor, type IngestResult } from './ingest-event-writes.js';
import { type CatalogExperiment, type ShopCatalog, shopCacheFor } from './shop-cache.js';

/**
 * Ingestion of checkout extension events. A batch is accepted whole or refused whole: every
 * event must name an offer of the authenticated shop that is not archived and one of its
 * experiments, and its arm must be the one deterministic assignment gives its unit — the server
 * recomputes it, so a client cannot move units between arms. Offers and experiments come from the
 * shop cache (domain/shop-cache.ts), not from the database per request. Event ids make replays
 * no-ops; exposures keep the first (experiment, unit).
 */
const EVENT_TYPES = [
  'exposure',
  'impression',
  'click',
  'add',
  'add_error',
  'dismiss',
  'coupon_apply',
] as const satisfies readonly EventType[];

// Client clocks drift; anything further than this from the server's clock is clamped.
const MAX_CLOCK_SKEW_MS = 24 * 60 * 60 * 1000;

export const eventBatchSchema = z
  .object({
    events: z
      .array(
        z
          .object({
            id: z
              .string()
              .min(8)
              .max(64)
              .regex(/^[A-Za-z0-9_-]+$/, 'must be a UUID-like id'),
            type: z.enum(EVENT_TYPES),
            offerId: z.string().min(1).max(64),
            experimentKey: z.string().min(1).max(64),
            arm: z.string().min(1).max(32),
            unit: z.string().min(1).max(128),
            at: z.number().int().nonnegative(),
            value: z.number().int().min(0).max(100_000_000).optional(),
          })
          .strict(),
      )
      .min(1, 'send at least one event')
      .max(50, 'send at most 50 events per batch'),
  })
  .strict();

export type EventBatch = z.infer<typeof eventBatchSchema>;

function assignedArm(experiment: CatalogExperiment, unit: string): string | null {
  return assignArm(experiment, unit)?.key ?? null;
}

// The helpers below live at module level rather than as closures inside `ingestEvents`: it runs
// for every checkout request, and a closure is a new function object per call.

function namesUnknownIds(batch: EventBatch, catalog: ShopCatalog): boolean {
  for (const e of batch.events) {
    if (!catalog.offers.has(e.offerId) || !catalog.experiments.has(e.experimentKey)) return true;
  }
  return false;
}

function clampTime(at: number, now: number): number {
  return Math.min(Math.max(at, now - MAX_CLOCK_SKEW_MS), now + 60_000);
}

export async function ingestEvents(
  ctx: AppContext,
  shop: string,
  batch: EventBatch,
): Promise<IngestResult> {
  const cache = shopCacheFor(ctx);
  let catalog = await cache.catalog(shop);
  // An offer or experiment created without a publication (a draft, a split change of a paused
  // offer) does not move the counter the cache trusts; before refusing an id the cache does not
  // know, read the shop's catalog again. Only unknown ids pay for it, and they are rate-limited.
  if (namesUnknownIds(batch, catalog)) catalog = await cache.catalog(shop, { fresh: true });
  const armCache = new Map<string, string | null>();

  for (const [i, event] of batch.events.entries()) {
    const status = catalog.offers.get(event.offerId);
    if (status === undefined) {
      throw new DomainError(
        'unprocessable',
        'unknown_offer',
        `events.${i}.offerId: no offer ${event.offerId} in this shop.`,
      );
    }
    if (status === 'archived') {
      throw new DomainError(
        'unprocessable',
        'offer_archived',
        `events.${i}.offerId: offer ${event.offerId} is archived; its events are not recorded.`,
      );
    }
    const experiment = catalog.experiments.get(event.experimentKey);
    if (!experiment || experiment.offerId !== event.offerId) {
      throw new DomainError(
        'unprocessable',
        'unknown_experiment',
        `events.${i}.experimentKey does not belong to offer ${event.offerId}.`,
      );
    }
    const cacheKey = `${experiment.key}|${event.unit}`;
    if (!armCache.has(cacheKey)) armCache.set(cacheKey, assignedArm(experiment, event.unit));
    if (armCache.get(cacheKey) !== event.arm) {
      throw new DomainError(
        'unprocessable',
        'arm_mismatch',
        `events.${i}.arm is not the arm this unit is assigned to.`,
      );
    }
  }

  const now = Date.now();
  const write: EventWrite = { shop, events: [], exposures: [] };
  for (const e of batch.events) {
    const at = clampTime(e.at, now);
    write.events.push([
      shop,
      e.id,
      e.unit,
      e.offerId,
      e.experimentKey,
      e.arm,
      e.type,
      e.value ?? null,
      at,
      now,
    ]);
    if (e.type === 'exposure') {
      write.exposures.push([shop, e.experimentKey, e.unit, e.offerId, e.arm, at]);
    }
  }
  // Answered once the group holding these rows is committed.
  return eventWriterFor(ctx).submit(write);
}
