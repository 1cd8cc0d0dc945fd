import { and, eq, inArray } from 'drizzle-orm';
import type { PublishedConfig, PublishedOffer } from '../../core/decide/index.js';
import { experiments, offers } from '../../drizzle/schema.js';
import type { AppContext } from '../app-context.js';
import { ApiError } from '../http/errors.js';
import { createAdminGateway } from '../shopify/admin-gateway.js';
import { loadOfflineSession } from '../shopify/offline-session.js';
import { getShop } from './shops.js';

/** The app-owned shop metafield the checkout extension reads (`$app` / this key). */
export const CONFIG_METAFIELD_KEY = 'closer_config';

// Shopify caps a JSON metafield value; staying well below keeps the extension's startup cheap.
export const MAX_CONFIG_BYTES = 64 * 1024;

/** Builds the compact config of every active offer of the shop, highest priority first. */
export async function buildPublishedConfig(
  ctx: AppContext,
  shop: string,
  now = Date.now(),
): Promise<PublishedConfig> {
  const shopRow = await getShop(ctx.db, shop);
  const active = await ctx.db
    .select()
    .from(offers)
    .where(and(eq(offers.shop, shop), eq(offers.status, 'active')));
  const keys = active.map((o) => o.experimentKey);
  const experimentRows = keys.length
    ? await ctx.db
        .select()
        .from(experiments)
        .where(and(eq(experiments.shop, shop), inArray(experiments.key, keys)))
    : [];
  const byKey = new Map(experimentRows.map((e) => [e.key, e]));
  const published: PublishedOffer[] = [];
  for (const offer of active) {
    const experiment = byKey.get(offer.experimentKey);
    if (!experiment) continue;
    published.push({
      id: offer.id,
      kind: offer.kind,
      target: offer.target,
      priority: offer.priority,
      startsAt: offer.startsAt,
      endsAt: offer.endsAt,
      condition: offer.condition,
      experiment: {
        key: experiment.key,
        seed: experiment.seed,
        coverage: experiment.coverage,
        arms: experiment.arms,
      },
      variants: Object.fromEntries(
        experiment.arms.filter((a) => !a.holdout).map((a) => [a.key, offer.content]),
      ),
      products: offer.products.map((p) => ({
        variantId: p.variantId,
        productId: p.productId,
        title: p.title,
        variantTitle: p.variantTitle,
        imageUrl: p.imageUrl,
        price: { amount: p.price, currencyCode: p.currencyCode },
        available: p.available,
      })),
    });
  }
  published.sort((a, b) => b.priority - a.priority);
  return { v: 1, shop, currency: shopRow?.currency ?? 'USD', publishedAt: now, offers: published };
}

/**
 * Writes the config to the shop metafield so the extension renders without a network call.
 * Called whenever an active offer changes.
 */
export async function publishConfig(ctx: AppContext, shop: string): Promise<PublishedConfig> {
  const config = await buildPublishedConfig(ctx, shop);
  const value = JSON.stringify(config);
  if (Buffer.byteLength(value) > MAX_CONFIG_BYTES) {
    throw new ApiError(
      422,
      'config_too_large',
      `The active offers take ${Buffer.byteLength(value)} bytes; the limit is ${MAX_CONFIG_BYTES}. Pause or archive some offers.`,
    );
  }
  const shopRow = await getShop(ctx.db, shop);
  const session = await loadOfflineSession(ctx, shop);
  if (!session || !shopRow?.shopGid)
    throw new ApiError(409, 'shop_not_connected', 'Reopen the app from the Shopify admin.');
  await createAdminGateway(ctx, session).setAppMetafield(
    shopRow.shopGid,
    CONFIG_METAFIELD_KEY,
    value,
  );
  ctx.logger.info('config published', {
    shop,
    offers: config.offers.length,
    bytes: Buffer.byteLength(value),
  });
  return config;
}
