import { and, eq, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { OfferPublication } from '../../core/offers/contract.js';
import { offers, shopPublications } from '../../drizzle/schema.js';
import type { AppContext } from '../app-context.js';
import { createAdminGateway, MetafieldWriteError } from '../shopify/admin-gateway.js';
import { loadOfflineSession } from '../shopify/offline-session.js';
import { ShopifyRefusedError } from '../shopify/upstream-errors.js';
import { refillPoolsInBackground } from './coupon-pool.js';
import { kindModule } from './offer-kinds/index.js';
import { buildPublishedConfig, CONFIG_METAFIELD_KEY, configBytes } from './publish-config.js';
import { getShop } from './shops.js';
import {
  activeStorefrontOffers,
  STOREFRONT_CONFIG_KEY,
  storefrontConfigOf,
} from './storefront-config.js';

/**
 * The publication outbox. A change that alters what shoppers should see is committed in one batch
 * with `publicationRequest` (the shop's request counter goes up and the offer remembers the
 * number), so the database never says "active" without a pending publication. The publisher then
 * writes the shop's whole current config with `metafieldsSet`, retrying with backoff until Shopify
 * takes it; the admin reads the state from the same rows (`publicationOf`).
 */

type Row = typeof shopPublications.$inferSelect;

/** Statements that ask for the shop's config to be republished, recording it on these offers. */
export function publicationRequest(
  ctx: AppContext,
  shop: string,
  offerIds: string[],
  now: number,
): BatchItem<'sqlite'>[] {
  const items: BatchItem<'sqlite'>[] = [
    ctx.db
      .insert(shopPublications)
      .values({ shop, requested: 1, updatedAt: now })
      .onConflictDoUpdate({
        target: shopPublications.shop,
        set: { requested: sql`${shopPublications.requested} + 1`, updatedAt: now },
      }),
  ];
  for (const id of offerIds) {
    items.push(
      ctx.db
        .update(offers)
        .set({
          publishSeq: sql`(select ${shopPublications.requested} from ${shopPublications} where ${shopPublications.shop} = ${shop})`,
        })
        .where(and(eq(offers.shop, shop), eq(offers.id, id))),
    );
  }
  return items;
}

/** Whether shoppers see an offer's latest change. */
export function publicationOf(publishSeq: number, row: Row | undefined): OfferPublication {
  if (!row || publishSeq <= row.delivered)
    return { state: 'live', message: null, nextAttemptAt: null };
  if (row.lastErrorCode) {
    return { state: 'retrying', message: row.lastErrorMessage, nextAttemptAt: row.nextAttemptAt };
  }
  return { state: 'publishing', message: null, nextAttemptAt: null };
}

export async function getPublicationRow(ctx: AppContext, shop: string): Promise<Row | undefined> {
  return ctx.db.query.shopPublications.findFirst({ where: eq(shopPublications.shop, shop) });
}

export interface PublisherOptions {
  /** First retry delay; doubles per attempt up to `maxDelayMs`, with ±20 % jitter. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** How long a publisher holds a shop; a crashed holder is replaced after it. */
  leaseMs: number;
  now(): number;
}

const DEFAULTS: PublisherOptions = {
  baseDelayMs: 2_000,
  maxDelayMs: 10 * 60_000,
  leaseMs: 30_000,
  now: () => Date.now(),
};

type Outcome = 'delivered' | 'nothing_to_do' | 'busy' | 'failed';

class PublishFailure extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
    this.name = 'PublishFailure';
  }
}

export interface Publisher {
  /** Delivers the shop's pending publication now (one attempt); schedules a retry on failure. */
  deliver(shop: string): Promise<Outcome>;
  /** Schedules every shop with an undelivered request (at boot: the outbox outlives processes). */
  resumePending(): Promise<number>;
  /** Cancels scheduled retries (tests, shutdown). */
  stop(): void;
}

const publishers = new WeakMap<AppContext, Publisher>();

/** One publisher per app context (per process in production). */
export function publisherFor(ctx: AppContext, options: Partial<PublisherOptions> = {}): Publisher {
  let publisher = publishers.get(ctx);
  if (!publisher) {
    publisher = createPublisher(ctx, { ...DEFAULTS, ...ctx.publishing, ...options });
    publishers.set(ctx, publisher);
  }
  return publisher;
}

function createPublisher(ctx: AppContext, options: PublisherOptions): Publisher {
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  let stopped = false;

  function schedule(shop: string, at: number) {
    if (stopped) return;
    clearTimeout(timers.get(shop));
    const timer = setTimeout(
      () => {
        timers.delete(shop);
        deliver(shop).catch((error: unknown) =>
          ctx.logger.error('publish retry failed', { shop, errorClass: errorClass(error) }),
        );
      },
      Math.max(0, at - options.now()),
    );
    timer.unref?.();
    timers.set(shop, timer);
  }

  async function acquire(shop: string, now: number): Promise<number | null> {
    const leased = await ctx.db
      .update(shopPublications)
      .set({ leaseUntil: now + options.leaseMs })
      .where(
        and(
          eq(shopPublications.shop, shop),
          sql`${shopPublications.requested} > ${shopPublications.delivered}`,
          sql`(${shopPublications.leaseUntil} is null or ${shopPublications.leaseUntil} < ${now})`,
        ),
      )
      .returning({ requested: shopPublications.requested });
    return leased[0]?.requested ?? null;
  }

  async function write(shop: string): Promise<void> {
    const config = await buildPublishedConfig(ctx, shop);
    const value = JSON.stringify(config);
    const bytes = configBytes(value);
    if (bytes.tooLarge) throw new PublishFailure('config_too_large', bytes.message);
    const shopRow = await getShop(ctx.db, shop);
    const session = await loadOfflineSession(ctx, shop);
    if (!session || !shopRow?.shopGid) {
      throw new PublishFailure(
        'shop_not_connected',
        'Closer has no access to the shop; reopen the app from the Shopify admin.',
      );
    }
    // The storefront's config travels in the same metafieldsSet call, so one delivery writes both.
    const storefrontRows = await activeStorefrontOffers(ctx, shop);
    const storefront = JSON.stringify(storefrontConfigOf(shop, storefrontRows, Date.now()));
    try {
      await createAdminGateway(ctx, session).setAppMetafields(shopRow.shopGid, [
        { key: CONFIG_METAFIELD_KEY, value },
        { key: STOREFRONT_CONFIG_KEY, value: storefront },
      ]);
    } catch (error) {
      if (error instanceof ShopifyRefusedError && !(error instanceof MetafieldWriteError)) {
        // Refused calls (401/403, a missing scope) do not mend by themselves; the slow backoff
        // keeps trying in case the merchant fixes access, and the admin says what is wrong.
        throw new PublishFailure(
          'shopify_refused',
          'Shopify refused Closer’s access to the shop; reopen the app from the Shopify admin.',
        );
      }
      if (error instanceof MetafieldWriteError) {
        throw new PublishFailure(
          'shopify_refused',
          `Shopify refused the update: ${error.userErrors.map((e) => e.message).join('; ')}`,
        );
      }
      const retryAfter = (error as { retryAfterMs?: unknown }).retryAfterMs;
      throw new PublishFailure(
        'shopify_unavailable',
        'Shopify did not answer in time or was busy.',
        typeof retryAfter === 'number' ? retryAfter : null,
      );
    }
    ctx.logger.info('config published', { shop, offers: config.offers.length, bytes: bytes.size });
    // Live storefront offers need codes before the first visitor asks (a no-op when full).
    refillPoolsInBackground(ctx, shop, [
      ...storefrontRows.filter((row) => row.discountId).map((row) => row.published.id),
      // So do checkout-config offers whose codes are handed out privately (the next-order coupon).
      ...config.offers.filter((o) => kindModule(o.kind).codeIsPrivate).map((o) => o.id),
    ]);
  }

  async function deliver(shop: string): Promise<Outcome> {
    const now = options.now();
    const target = await acquire(shop, now);
    if (target === null) {
      const row = await getPublicationRow(ctx, shop);
      return row && row.requested > row.delivered ? 'busy' : 'nothing_to_do';
    }
    try {
      await write(shop);
    } catch (error) {
      const failure =
        error instanceof PublishFailure
          ? error
          : new PublishFailure('publish_failed', 'Publishing failed on our side.');
      if (!(error instanceof PublishFailure)) {
        ctx.logger.error('publish failed', { shop, errorClass: errorClass(error) });
      }
      const row = await getPublicationRow(ctx, shop);
      const attempts = (row?.attempts ?? 0) + 1;
      const backoff = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (attempts - 1));
      const delay = Math.max(failure.retryAfterMs ?? 0, backoff * (0.8 + Math.random() * 0.4));
      const nextAttemptAt = options.now() + Math.round(delay);
      await ctx.db
        .update(shopPublications)
        .set({
          attempts,
          nextAttemptAt,
          lastErrorCode: failure.code,
          lastErrorMessage: failure.message,
          leaseUntil: null,
          updatedAt: options.now(),
        })
        .where(eq(shopPublications.shop, shop));
      ctx.logger.warn('publish will be retried', {
        shop,
        code: failure.code,
        attempts,
        delayMs: Math.round(delay),
      });
      schedule(shop, nextAttemptAt);
      return 'failed';
    }
    const done = options.now();
    await ctx.db
      .update(shopPublications)
      .set({
        delivered: sql`max(${shopPublications.delivered}, ${target})`,
        attempts: 0,
        nextAttemptAt: null,
        lastErrorCode: null,
        lastErrorMessage: null,
        deliveredAt: done,
        leaseUntil: null,
        updatedAt: done,
      })
      .where(eq(shopPublications.shop, shop));
    // Changes committed while this one was being written are delivered next, right away.
    const row = await getPublicationRow(ctx, shop);
    if (row && row.requested > row.delivered) return deliver(shop);
    return 'delivered';
  }

  return {
    deliver,
    async resumePending() {
      const pending = await ctx.db
        .select()
        .from(shopPublications)
        .where(sql`${shopPublications.requested} > ${shopPublications.delivered}`);
      for (const row of pending) schedule(row.shop, row.nextAttemptAt ?? options.now());
      return pending.length;
    },
    stop() {
      stopped = true;
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
    },
  };
}

function errorClass(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}
