import { randomBytes } from 'node:crypto';
import { and, desc, eq, ne } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import { HOLDOUT_ARM, KIND_INFO, type OfferKind } from '../../core/offers/catalog.js';
import {
  type Offer,
  type OfferAction,
  type OfferInput,
  type OfferStatus,
  offerInputSchema,
  offerPatchSchemaFor,
  variantArmKeys,
} from '../../core/offers/contract.js';
import {
  type ArmColumn,
  experiments,
  offers,
  type shopPublications,
} from '../../drizzle/schema.js';
import type { AppContext } from '../app-context.js';
import { DomainError } from './domain-error.js';
import { syncOfferDiscount } from './offer-discounts.js';
import { kindModule, type OfferSpec } from './offer-kinds/index.js';
import { snapshotProducts } from './offer-products.js';
import {
  getPublicationRow,
  publicationOf,
  publicationRequest,
  publisherFor,
} from './publication.js';
import { buildPublishedConfig, configBytes } from './publish-config.js';
import { shopCacheFor } from './shop-cache.js';
import { getShop } from './shops.js';

/**
 * Offers and their experiments. An offer always has one running experiment: a holdout arm that
 * renders nothing and one arm per content variant. Changing the split (holdout share or number
 * of variants) starts a new experiment, because units assigned under old weights cannot be
 * compared with new ones. Every write is one batch: offer, experiment and publication request
 * commit together or not at all, and nothing is written before the whole request is valid.
 */
export type OfferRow = typeof offers.$inferSelect;
export type ExperimentRow = typeof experiments.$inferSelect;
type PublicationRow = typeof shopPublications.$inferSelect;

export { HOLDOUT_ARM };
export const TREATMENT_ARM = 'treatment';

const COMMON_KEYS = [
  'name',
  'target',
  'condition',
  'priority',
  'startsAt',
  'endsAt',
  'holdout',
] as const;

function newId(prefix: string) {
  return `${prefix}_${randomBytes(6).toString('hex')}`;
}

/** Holdout first, then the variants sharing the rest equally. */
export function armsFor(holdout: number, variants = 1): ArmColumn[] {
  const keys = variantArmKeys(variants);
  return [
    { key: HOLDOUT_ARM, weight: holdout, holdout: true },
    ...keys.map((key) => ({ key, weight: (1 - holdout) / keys.length, holdout: false })),
  ];
}

/**
 * A customer unit's outcome: their orders within 30 days of the first exposure (the next-order
 * coupon's repeat purchases).
 */
export const CUSTOMER_OUTCOME_WINDOW_MS = 30 * 86_400_000;

function newExperiment(
  shop: string,
  offerId: string,
  kind: OfferKind,
  holdout: number,
  variants: number,
  now: number,
  windowMs?: number,
): ExperimentRow {
  const key = newId('exp');
  // The kind decides what a unit is, for the experiment's whole life (a unit kind never changes
  // under running units: the link and the rollup read it).
  const unitKind = KIND_INFO[kind].unit;
  return {
    shop,
    key,
    offerId,
    seed: key,
    coverage: 1,
    arms: armsFor(holdout, variants),
    unitKind,
    outcomeWindowMs: unitKind === 'customer' ? (windowMs ?? CUSTOMER_OUTCOME_WINDOW_MS) : null,
    startedAt: now,
    stoppedAt: null,
  };
}

/** The kind's own outcome window for a customer unit, if it sets one. */
function windowOf(spec: OfferSpec): number | undefined {
  // The registry is keyed by kind, so spec and module always match; TypeScript cannot see it.
  return kindModule(spec.kind).outcomeWindowMs?.(spec as never);
}

function specOf(input: OfferInput): OfferSpec {
  const spec: Record<string, unknown> = { ...input };
  for (const key of COMMON_KEYS) delete spec[key];
  return spec as OfferSpec;
}

/** The offer as the contract's input: what GET returns and an edit may send back unchanged. */
export function inputOf(row: OfferRow): OfferInput {
  return {
    name: row.name,
    target: row.target,
    condition: row.condition,
    priority: row.priority,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    holdout: row.holdout,
    ...row.content,
  } as OfferInput;
}

export function toApiOffer(
  row: OfferRow,
  experiment: ExperimentRow | undefined,
  publication: PublicationRow | undefined,
): Offer {
  return {
    ...inputOf(row),
    holdout: row.holdout,
    id: row.id,
    status: row.status,
    version: row.version,
    experiment: {
      key: row.experimentKey,
      seed: experiment?.seed ?? row.experimentKey,
      holdout: row.holdout,
      coverage: experiment?.coverage ?? 1,
      arms: experiment?.arms ?? [],
      startedAt: experiment?.startedAt ?? row.createdAt,
    },
    productDetails: row.products.map((p) => ({
      variantId: p.variantId,
      productId: p.productId,
      title: p.title,
      variantTitle: p.variantTitle,
      imageUrl: p.imageUrl,
      price: p.price,
      available: p.available,
    })),
    discountCode: row.discountCode,
    publication: publicationOf(row.publishSeq, publication),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** Refuses a change that would push the shop's published config past its size limit. */
async function assertConfigFits(
  ctx: AppContext,
  shop: string,
  offer: OfferRow,
  experiment: ExperimentRow,
) {
  if (offer.status !== 'active') return;
  const config = await buildPublishedConfig(ctx, shop, Date.now(), { offer, experiment });
  const bytes = configBytes(JSON.stringify(config));
  if (bytes.tooLarge) throw new DomainError('unprocessable', 'config_too_large', bytes.message);
}

/**
 * Writes an offer change in one batch, then forgets what this process's shop cache kept about the
 * shop, so its next checkout request checks events against the change (other processes see it
 * within the cache's recheck interval: domain/shop-cache.ts).
 */
async function commit(ctx: AppContext, shop: string, items: BatchItem<'sqlite'>[]) {
  const [first, ...rest] = items;
  if (first) await ctx.db.batch([first, ...rest]);
  shopCacheFor(ctx).forget(shop);
}

export async function createOffer(
  ctx: AppContext,
  shop: string,
  input: OfferInput,
): Promise<Offer> {
  const holdout = input.holdout ?? (await getShop(ctx.db, shop))?.settings.defaultHoldout ?? 0.1;
  const spec = specOf(input);
  const module = kindModule(spec.kind);
  const products = await snapshotProducts(ctx, shop, module.productRefs(spec as never));
  const id = newId('off');
  const now = Date.now();
  const discount = await syncOfferDiscount(
    ctx,
    shop,
    { id, name: input.name, discountId: null, discountCode: null },
    spec,
  );
  const experiment = newExperiment(
    shop,
    id,
    spec.kind,
    holdout,
    spec.variants.length,
    now,
    windowOf(spec),
  );
  const row: OfferRow = {
    shop,
    id,
    name: input.name,
    kind: spec.kind,
    target: input.target,
    status: 'draft',
    content: spec,
    products,
    condition: input.condition,
    priority: input.priority,
    startsAt: input.startsAt,
    endsAt: input.endsAt,
    holdout,
    experimentKey: experiment.key,
    version: 1,
    discountId: discount.discountId,
    discountCode: discount.discountCode,
    publishSeq: 0,
    createdAt: now,
    updatedAt: now,
  };
  await commit(ctx, shop, [
    ctx.db.insert(experiments).values(experiment),
    ctx.db.insert(offers).values(row),
  ]);
  return toApiOffer(row, experiment, await getPublicationRow(ctx, shop));
}

export async function getOfferRow(ctx: AppContext, shop: string, id: string): Promise<OfferRow> {
  const row = await ctx.db.query.offers.findFirst({
    where: and(eq(offers.shop, shop), eq(offers.id, id)),
  });
  if (!row) throw new DomainError('not_found', 'offer_not_found', `No offer ${id} in this shop.`);
  return row;
}

export async function getOffer(ctx: AppContext, shop: string, id: string): Promise<Offer> {
  const row = await getOfferRow(ctx, shop, id);
  const [experiment, publication] = await Promise.all([
    getExperiment(ctx, shop, row.experimentKey),
    getPublicationRow(ctx, shop),
  ]);
  return toApiOffer(row, experiment, publication);
}

/** The shop's offers with their experiments in one query; archived ones only when asked for. */
export async function listOffers(
  ctx: AppContext,
  shop: string,
  status?: OfferStatus,
): Promise<Offer[]> {
  const [rows, publication] = await Promise.all([
    ctx.db
      .select({ offer: offers, experiment: experiments })
      .from(offers)
      .leftJoin(
        experiments,
        and(eq(experiments.shop, offers.shop), eq(experiments.key, offers.experimentKey)),
      )
      .where(
        and(
          eq(offers.shop, shop),
          status ? eq(offers.status, status) : ne(offers.status, 'archived'),
        ),
      )
      .orderBy(desc(offers.priority), desc(offers.createdAt)),
    getPublicationRow(ctx, shop),
  ]);
  return rows.map((r) => toApiOffer(r.offer, r.experiment ?? undefined, publication));
}

/**
 * Applies an edit: any subset of the kind's fields, checked by the same contract as a new offer
 * once merged with the current one. Read-only fields sent back as GET returned them are ignored.
 */
export async function updateOffer(
  ctx: AppContext,
  shop: string,
  id: string,
  body: unknown,
): Promise<Offer> {
  const current = await getOfferRow(ctx, shop, id);
  const patch = parseContract(offerPatchSchemaFor(current.kind), body) as Partial<OfferInput> & {
    version?: number;
  };
  if (current.status === 'archived')
    throw new DomainError('conflict', 'offer_archived', 'Archived offers cannot be edited.');
  if (patch.kind !== undefined && patch.kind !== current.kind) {
    throw new DomainError(
      'invalid',
      'kind_mismatch',
      `kind: this offer is a ${current.kind}; an offer cannot change kind.`,
    );
  }
  if (patch.version !== undefined && patch.version !== current.version) {
    throw new DomainError(
      'conflict',
      'version_conflict',
      'This offer was changed elsewhere since you opened it. Reload to see the latest version.',
    );
  }
  const editable: Record<string, unknown> = { ...patch };
  for (const key of [
    'id',
    'status',
    'version',
    'experiment',
    'productDetails',
    'discountCode',
    'publication',
    'createdAt',
    'updatedAt',
  ]) {
    delete editable[key];
  }
  const merged = parseContract(offerInputSchema, { ...inputOf(current), ...editable });
  const spec = specOf(merged);
  const module = kindModule(spec.kind);
  const refs = module.productRefs(spec as never);
  const sameRefs = refs.join() === module.productRefs(current.content as never).join();
  const products = sameRefs ? current.products : await snapshotProducts(ctx, shop, refs);

  const now = Date.now();
  const holdout = merged.holdout ?? current.holdout;
  const currentExperiment = await getExperiment(ctx, shop, current.experimentKey);
  const currentVariants = currentExperiment?.arms.filter((a) => !a.holdout).length ?? 1;
  // A new outcome window changes what a unit's outcome is, so it starts a new experiment too.
  const window = windowOf(spec);
  const splitChanged =
    holdout !== current.holdout ||
    spec.variants.length !== currentVariants ||
    !currentExperiment ||
    (window !== undefined && window !== currentExperiment.outcomeWindowMs);
  const experiment = splitChanged
    ? newExperiment(shop, id, spec.kind, holdout, spec.variants.length, now, window)
    : (currentExperiment as ExperimentRow);

  const draft: OfferRow = {
    ...current,
    name: merged.name,
    target: merged.target,
    condition: merged.condition,
    priority: merged.priority,
    startsAt: merged.startsAt,
    endsAt: merged.endsAt,
    holdout,
    content: spec,
    products,
    experimentKey: experiment.key,
    version: current.version + 1,
    updatedAt: now,
  };
  await assertConfigFits(ctx, shop, draft, experiment);
  const discount = await syncOfferDiscount(ctx, shop, current, spec);
  const next: OfferRow = { ...draft, ...discount };

  const items: BatchItem<'sqlite'>[] = [];
  if (splitChanged) {
    items.push(
      ctx.db
        .update(experiments)
        .set({ stoppedAt: now })
        .where(and(eq(experiments.shop, shop), eq(experiments.key, current.experimentKey))),
      ctx.db.insert(experiments).values(experiment),
    );
  }
  items.push(
    ctx.db
      .update(offers)
      .set(next)
      .where(and(eq(offers.shop, shop), eq(offers.id, id), eq(offers.version, current.version))),
  );
  if (next.status === 'active') items.push(...publicationRequest(ctx, shop, [id], now));
  await commit(ctx, shop, items);
  if (next.status === 'active') await publisherFor(ctx).deliver(shop);
  return getOffer(ctx, shop, id);
}

const TRANSITIONS: Record<OfferAction, { to: OfferStatus; from: OfferStatus[] }> = {
  activate: { to: 'active', from: ['draft', 'paused', 'active'] },
  pause: { to: 'paused', from: ['active', 'paused'] },
  archive: { to: 'archived', from: ['draft', 'active', 'paused', 'archived'] },
};

export async function changeOfferStatus(
  ctx: AppContext,
  shop: string,
  id: string,
  action: OfferAction,
): Promise<Offer> {
  const current = await getOfferRow(ctx, shop, id);
  const rule = TRANSITIONS[action];
  if (!rule.from.includes(current.status)) {
    throw new DomainError(
      'conflict',
      'invalid_transition',
      `A ${current.status} offer cannot be ${rule.to}.`,
    );
  }
  const now = Date.now();
  let next: OfferRow = { ...current, status: rule.to, updatedAt: now };
  const experiment = await getExperiment(ctx, shop, current.experimentKey);
  if (experiment) await assertConfigFits(ctx, shop, next, experiment);
  // An archived offer's discount code must stop working in Shopify too.
  if (rule.to === 'archived') {
    next = { ...next, ...(await syncOfferDiscount(ctx, shop, current, null)) };
  }
  const touchesShoppers = current.status === 'active' || next.status === 'active';
  const items: BatchItem<'sqlite'>[] = [
    ctx.db
      .update(offers)
      .set({
        status: next.status,
        updatedAt: now,
        discountId: next.discountId,
        discountCode: next.discountCode,
      })
      .where(and(eq(offers.shop, shop), eq(offers.id, id))),
  ];
  if (touchesShoppers) items.push(...publicationRequest(ctx, shop, [id], now));
  await commit(ctx, shop, items);
  if (touchesShoppers) await publisherFor(ctx).deliver(shop);
  return getOffer(ctx, shop, id);
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

/** Parses with a contract schema or refuses with a 400 that names the first offending field. */
export function parseContract<T>(
  schema: {
    safeParse(
      input: unknown,
    ):
      | { success: true; data: T }
      | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } };
  },
  input: unknown,
): T {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0] as
    | { path: PropertyKey[]; message: string; code?: string; keys?: string[] }
    | undefined;
  // A field the offer's kind does not have: name it, as the path of any other bad field is.
  if (issue?.code === 'unrecognized_keys' && issue.keys?.[0]) {
    const path = [...issue.path.map(String), issue.keys[0]].join('.');
    throw new DomainError(
      'invalid',
      'invalid_offer',
      `${path}: is not a field of this kind of offer.`,
    );
  }
  const where = issue && issue.path.length > 0 ? `${issue.path.map(String).join('.')}: ` : '';
  throw new DomainError('invalid', 'invalid_offer', `${where}${issue?.message ?? 'invalid offer'}`);
}
