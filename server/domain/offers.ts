import { randomBytes } from 'node:crypto';
import { and, desc, eq, ne } from 'drizzle-orm';
import {
  type ArmColumn,
  experiments,
  type OfferProductSnapshot,
  type OfferStatus,
  offers,
} from '../../drizzle/schema.js';
import type { AppContext } from '../app-context.js';
import { ApiError } from '../http/errors.js';
import { createAdminGateway } from '../shopify/admin-gateway.js';
import { loadOfflineSession } from '../shopify/offline-session.js';
import { toMinorUnits } from './money.js';
import type { OfferInput, OfferPatch } from './offer-input.js';
import { getShop } from './shops.js';

/**
 * Offers and their experiments. An offer always has one running experiment: a holdout arm that
 * renders nothing and a treatment arm. Changing the split starts a new experiment (new key and
 * seed), because units already assigned under the old weights cannot be compared with new ones.
 */
export type OfferRow = typeof offers.$inferSelect;
export type ExperimentRow = typeof experiments.$inferSelect;

export const HOLDOUT_ARM = 'holdout';
export const TREATMENT_ARM = 'treatment';

function newId(prefix: string) {
  return `${prefix}_${randomBytes(6).toString('hex')}`;
}

export function armsFor(holdout: number): ArmColumn[] {
  return [
    { key: HOLDOUT_ARM, weight: holdout, holdout: true },
    { key: TREATMENT_ARM, weight: 1 - holdout, holdout: false },
  ];
}

async function snapshotProducts(
  ctx: AppContext,
  shop: string,
  variantIds: string[],
): Promise<OfferProductSnapshot[]> {
  const session = await loadOfflineSession(ctx, shop);
  if (!session)
    throw new ApiError(409, 'shop_not_connected', 'Reopen the app from the Shopify admin.');
  const currency = (await getShop(ctx.db, shop))?.currency ?? 'USD';
  const found = await createAdminGateway(ctx, session).fetchVariants(variantIds);
  const byId = new Map(found.map((v) => [v.variantId, v]));
  return variantIds.map((id) => {
    const variant = byId.get(id);
    if (!variant)
      throw new ApiError(400, 'unknown_product', `products: ${id} does not exist in this shop.`);
    return {
      variantId: variant.variantId,
      productId: variant.productId,
      title: variant.productTitle,
      variantTitle: variant.variantTitle,
      imageUrl: variant.imageUrl,
      price: toMinorUnits(variant.price, currency),
      currencyCode: currency,
      available: variant.available,
    };
  });
}

async function startExperiment(ctx: AppContext, shop: string, offerId: string, holdout: number) {
  const key = newId('exp');
  await ctx.db.insert(experiments).values({
    shop,
    key,
    offerId,
    seed: key,
    coverage: 1,
    arms: armsFor(holdout),
    startedAt: Date.now(),
  });
  return key;
}

export async function createOffer(
  ctx: AppContext,
  shop: string,
  input: OfferInput,
): Promise<OfferRow> {
  const holdout = input.holdout ?? (await getShop(ctx.db, shop))?.settings.defaultHoldout ?? 0.1;
  const products = await snapshotProducts(ctx, shop, input.products);
  const id = newId('off');
  const experimentKey = await startExperiment(ctx, shop, id, holdout);
  const now = Date.now();
  const row = {
    shop,
    id,
    name: input.name,
    kind: input.kind,
    target: input.target,
    status: 'draft' as const,
    content: input.content,
    products,
    condition: input.condition,
    priority: input.priority,
    startsAt: input.startsAt,
    endsAt: input.endsAt,
    holdout,
    experimentKey,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  await ctx.db.insert(offers).values(row);
  return row;
}

export async function getOffer(ctx: AppContext, shop: string, id: string): Promise<OfferRow> {
  const row = await ctx.db.query.offers.findFirst({
    where: and(eq(offers.shop, shop), eq(offers.id, id)),
  });
  if (!row) throw new ApiError(404, 'offer_not_found', `No offer ${id} in this shop.`);
  return row;
}

export async function listOffers(
  ctx: AppContext,
  shop: string,
  status?: OfferStatus,
): Promise<OfferRow[]> {
  return ctx.db
    .select()
    .from(offers)
    .where(
      and(
        eq(offers.shop, shop),
        status ? eq(offers.status, status) : ne(offers.status, 'archived'),
      ),
    )
    .orderBy(desc(offers.priority), desc(offers.createdAt));
}

export async function updateOffer(
  ctx: AppContext,
  shop: string,
  id: string,
  patch: OfferPatch,
): Promise<OfferRow> {
  const current = await getOffer(ctx, shop, id);
  if (current.status === 'archived')
    throw new ApiError(409, 'offer_archived', 'Archived offers cannot be edited.');
  const startsAt = patch.startsAt !== undefined ? patch.startsAt : current.startsAt;
  const endsAt = patch.endsAt !== undefined ? patch.endsAt : current.endsAt;
  if (startsAt !== null && endsAt !== null && endsAt <= startsAt) {
    throw new ApiError(400, 'invalid_offer', 'endsAt: endsAt must be after startsAt');
  }
  let experimentKey = current.experimentKey;
  if (patch.holdout !== undefined && patch.holdout !== current.holdout) {
    await ctx.db
      .update(experiments)
      .set({ stoppedAt: Date.now() })
      .where(and(eq(experiments.shop, shop), eq(experiments.key, current.experimentKey)));
    experimentKey = await startExperiment(ctx, shop, id, patch.holdout);
  }
  const next: OfferRow = {
    ...current,
    ...(patch.name !== undefined && { name: patch.name }),
    ...(patch.target !== undefined && { target: patch.target }),
    ...(patch.content !== undefined && { content: patch.content }),
    ...(patch.condition !== undefined && { condition: patch.condition }),
    ...(patch.priority !== undefined && { priority: patch.priority }),
    ...(patch.holdout !== undefined && { holdout: patch.holdout }),
    products: patch.products ? await snapshotProducts(ctx, shop, patch.products) : current.products,
    startsAt,
    endsAt,
    experimentKey,
    version: current.version + 1,
    updatedAt: Date.now(),
  };
  await ctx.db
    .update(offers)
    .set(next)
    .where(and(eq(offers.shop, shop), eq(offers.id, id)));
  return next;
}

const TRANSITIONS: Record<
  'activate' | 'pause' | 'archive',
  { to: OfferStatus; from: OfferStatus[] }
> = {
  activate: { to: 'active', from: ['draft', 'paused', 'active'] },
  pause: { to: 'paused', from: ['active', 'paused'] },
  archive: { to: 'archived', from: ['draft', 'active', 'paused', 'archived'] },
};

export async function changeOfferStatus(
  ctx: AppContext,
  shop: string,
  id: string,
  action: keyof typeof TRANSITIONS,
): Promise<OfferRow> {
  const current = await getOffer(ctx, shop, id);
  const rule = TRANSITIONS[action];
  if (!rule.from.includes(current.status)) {
    throw new ApiError(
      409,
      'invalid_transition',
      `A ${current.status} offer cannot be ${rule.to}.`,
    );
  }
  const next = { ...current, status: rule.to, updatedAt: Date.now() };
  await ctx.db
    .update(offers)
    .set({ status: next.status, updatedAt: next.updatedAt })
    .where(and(eq(offers.shop, shop), eq(offers.id, id)));
  return next;
}

export async function getExperiment(
  ctx: AppContext,
  shop: string,
  key: string,
): Promise<ExperimentRow | undefined> {
  return ctx.db.query.experiments.findFirst({
    where: and(eq(experiments.shop, shop), eq(experiments.key, key)),
  });
}
