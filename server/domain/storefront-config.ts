import { and, eq, inArray } from 'drizzle-orm';
import type { StorefrontConfig, StorefrontOffer } from '../../core/storefront/config.js';
import { STOREFRONT_CONFIG_KEY } from '../../core/storefront/config.js';
import { experiments, offers } from '../../drizzle/schema.js';
import type { AppContext } from '../app-context.js';
import { kindModule } from './offer-kinds/index.js';

export { STOREFRONT_CONFIG_KEY };

/** A storefront offer as the server holds it: what is published, plus what the pool needs. */
export interface StorefrontOfferRow {
  published: StorefrontOffer;
  /** The Shopify code discount the offer's pooled codes are added to; null until created. */
  discountId: string | null;
  /** Hours a handed-out code stays valid. */
  codeExpiryHours: number;
}

/**
 * The shop's active offers whose kind publishes to the storefront (a kind module with
 * `storefront`), compiled by their kind with the running experiment. One shop only.
 */
export async function activeStorefrontOffers(
  ctx: AppContext,
  shop: string,
): Promise<StorefrontOfferRow[]> {
  const rows = await ctx.db
    .select()
    .from(offers)
    .where(and(eq(offers.shop, shop), eq(offers.status, 'active')));
  const storefront = rows.filter((row) => kindModule(row.content.kind).storefront);
  if (storefront.length === 0) return [];
  const experimentRows = await ctx.db
    .select()
    .from(experiments)
    .where(
      and(
        eq(experiments.shop, shop),
        inArray(
          experiments.key,
          storefront.map((row) => row.experimentKey),
        ),
      ),
    );
  const byKey = new Map(experimentRows.map((e) => [e.key, e]));
  const result: StorefrontOfferRow[] = [];
  for (const row of storefront) {
    const experiment = byKey.get(row.experimentKey);
    const compile = kindModule(row.content.kind).storefront;
    if (!experiment || !compile) continue;
    const arms = experiment.arms.filter((a) => !a.holdout).map((a) => a.key);
    // The registry is keyed by kind, so spec and module always match; TypeScript cannot see it.
    const own = compile(row.content as never, arms);
    const spec = row.content as { codeExpiryHours?: number };
    result.push({
      published: {
        id: row.id,
        priority: row.priority,
        startsAt: row.startsAt,
        endsAt: row.endsAt,
        ...own,
        experiment: {
          key: experiment.key,
          seed: experiment.seed,
          coverage: experiment.coverage,
          arms: experiment.arms,
        },
      },
      discountId: row.discountId,
      codeExpiryHours: spec.codeExpiryHours ?? 48,
    });
  }
  return result;
}

/**
 * What `$app` / `storefront_config` holds: the active storefront offers with pages to show on,
 * highest priority first. No code is in it — the page is public; codes come from the pool.
 */
export function storefrontConfigOf(
  shop: string,
  rows: readonly StorefrontOfferRow[],
  now: number,
): StorefrontConfig {
  const published = rows
    .map((row) => row.published)
    .filter((offer) => offer.pages.length > 0 && offer.experiment.arms.length > 0)
    .sort((a, b) => b.priority - a.priority);
  return { v: 1, shop, publishedAt: now, offers: published };
}

export async function buildStorefrontConfig(
  ctx: AppContext,
  shop: string,
  now = Date.now(),
): Promise<StorefrontConfig> {
  return storefrontConfigOf(shop, await activeStorefrontOffers(ctx, shop), now);
}
