import { and, eq, inArray } from 'drizzle-orm';
import { TARGET_INFO } from '../../core/offers/catalog.js';
import type { PublishedConfig, PublishedOffer } from '../../core/offers/published-config.js';
import { experiments, offers } from '../../drizzle/schema.js';
import type { AppContext } from '../app-context.js';
import { kindModule } from './offer-kinds/index.js';
import { productsById } from './offer-products.js';
import { getShop } from './shops.js';

/** The app-owned shop metafield the checkout extension reads (`$app` / this key). */
export const CONFIG_METAFIELD_KEY = 'closer_config';

// Shopify caps a JSON metafield value; staying well below keeps the extension's startup cheap.
export const MAX_CONFIG_BYTES = 64 * 1024;

type OfferRow = typeof offers.$inferSelect;
type ExperimentRow = typeof experiments.$inferSelect;

/** One offer as the extension reads it; each kind's module decides its content and products. */
export function compileOffer(offer: OfferRow, experiment: ExperimentRow): PublishedOffer {
  const spec = offer.content;
  const arms = experiment.arms.filter((a) => !a.holdout).map((a) => a.key);
  const module = kindModule(spec.kind);
  // The registry is keyed by kind, so spec and module always match; TypeScript cannot see it.
  const compiled = module.compile(spec as never, arms, productsById(offer.products));
  const order = module.orderDiscount?.(spec as never);
  const discount =
    'discount' in spec && spec.discount && offer.discountCode && !module.codeIsPrivate
      ? {
          code: offer.discountCode,
          type: spec.discount.type,
          value: spec.discount.value,
          ...(order && { appliesTo: 'order' as const, minimumSubtotal: order.minimumSubtotal }),
        }
      : null;
  return {
    id: offer.id,
    kind: spec.kind,
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
      // Absent means a checkout unit, so configs of checkout kinds stay as they were.
      ...(experiment.unitKind !== 'checkout' && { unit: experiment.unitKind }),
    },
    ...compiled,
    ...(discount && { discount }),
  } as PublishedOffer;
}

/** The config of the given active offers, highest priority first. */
export function compileConfig(
  shop: string,
  currency: string,
  active: OfferRow[],
  experimentRows: ExperimentRow[],
  now: number,
): PublishedConfig {
  const byKey = new Map(experimentRows.map((e) => [e.key, e]));
  const published: PublishedOffer[] = [];
  for (const offer of active) {
    // Storefront offers go to `$app` / `storefront_config` (storefront-config.ts), not checkout's.
    if (TARGET_INFO[offer.target].surface === 'storefront') continue;
    const experiment = byKey.get(offer.experimentKey);
    if (experiment) published.push(compileOffer(offer, experiment));
  }
  published.sort((a, b) => b.priority - a.priority);
  return { v: 2, shop, currency, publishedAt: now, offers: published };
}

/**
 * Builds the compact config of every active offer of the shop. `replace` substitutes a row not
 * yet committed, so a change can be checked against the size limit before it is written.
 */
export async function buildPublishedConfig(
  ctx: AppContext,
  shop: string,
  now = Date.now(),
  replace?: { offer: OfferRow; experiment: ExperimentRow },
): Promise<PublishedConfig> {
  const shopRow = await getShop(ctx.db, shop);
  let active = await ctx.db
    .select()
    .from(offers)
    .where(and(eq(offers.shop, shop), eq(offers.status, 'active')));
  if (replace) {
    active = active.filter((o) => o.id !== replace.offer.id);
    if (replace.offer.status === 'active') active.push(replace.offer);
  }
  const keys = active.map((o) => o.experimentKey);
  const experimentRows = keys.length
    ? await ctx.db
        .select()
        .from(experiments)
        .where(and(eq(experiments.shop, shop), inArray(experiments.key, keys)))
    : [];
  if (replace) experimentRows.push(replace.experiment);
  return compileConfig(shop, shopRow?.currency ?? 'USD', active, experimentRows, now);
}

export function configBytes(value: string): { size: number; tooLarge: boolean; message: string } {
  const size = Buffer.byteLength(value);
  return {
    size,
    tooLarge: size > MAX_CONFIG_BYTES,
    message: `The active offers take ${size} bytes; the limit is ${MAX_CONFIG_BYTES}. Pause or archive some offers.`,
  };
}
