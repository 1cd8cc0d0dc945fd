import { randomBytes } from 'node:crypto';
import { and, eq, inArray, isNotNull, lt, sql } from 'drizzle-orm';
import { couponCodes, offers } from '../../drizzle/schema.js';
import type { AppContext } from '../app-context.js';
import { createAdminGateway } from '../shopify/admin-gateway.js';
import { loadOfflineSession } from '../shopify/offline-session.js';

/**
 * The pre-minted pool of an exit coupon's unique codes. A shopper is handed a code from the
 * database (never waiting on Shopify); when the pool runs low a background refill asks Shopify to
 * add a batch of new codes to the offer's discount (`discountRedeemCodeBulkAdd`, retried by the
 * gateway on throttling and 5xx), waits until Shopify confirms which it added, and only then
 * writes those — in one insert — as available. A refill that fails part-way has written nothing:
 * codes Shopify added but we never recorded are unknown to everyone and never handed out.
 */
export interface CouponPoolOptions {
  /** Codes a refill tops the pool up to. */
  target: number;
  /** A refill starts when fewer than this many codes are available. */
  lowWater: number;
  /** Polls of a bulk add before giving up (the next low-water hand-out tries again). */
  maxPolls: number;
  /** Wait between polls. */
  pollMs: number;
}

const DEFAULTS: CouponPoolOptions = { target: 200, lowWater: 50, maxPolls: 20, pollMs: 500 };
/** Shopify takes at most 250 codes per discountRedeemCodeBulkAdd call. */
const BATCH = 250;

const configured = new WeakMap<AppContext, Partial<CouponPoolOptions>>();
const running = new WeakMap<AppContext, Map<string, Promise<number>>>();

/** Overrides the pool's sizes for this app context (tests, a demo). */
export function configureCouponPool(ctx: AppContext, options: Partial<CouponPoolOptions>): void {
  configured.set(ctx, { ...configured.get(ctx), ...options });
}

function optionsOf(ctx: AppContext): CouponPoolOptions {
  return { ...DEFAULTS, ...configured.get(ctx) };
}

function newCode(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  return `EXIT-${[...randomBytes(10)].map((b) => alphabet[b % alphabet.length]).join('')}`;
}

export async function availableCount(
  ctx: AppContext,
  shop: string,
  offerId: string,
  discountId: string,
): Promise<number> {
  const [row] = await ctx.db
    .select({ n: sql<number>`count(*)` })
    .from(couponCodes)
    .where(
      and(
        eq(couponCodes.shop, shop),
        eq(couponCodes.offerId, offerId),
        eq(couponCodes.discountId, discountId),
        eq(couponCodes.state, 'available'),
      ),
    );
  return row?.n ?? 0;
}

/**
 * Tops the offer's pool up to `target` codes. One refill per offer at a time in this process;
 * a second call while one runs joins it. Answers how many codes were added.
 */
export function refillPool(ctx: AppContext, shop: string, offerId: string): Promise<number> {
  let perCtx = running.get(ctx);
  if (!perCtx) {
    perCtx = new Map();
    running.set(ctx, perCtx);
  }
  const key = `${shop}\n${offerId}`;
  const existing = perCtx.get(key);
  if (existing) return existing;
  const run = refillOnce(ctx, shop, offerId).finally(() => perCtx.delete(key));
  perCtx.set(key, run);
  return run;
}

async function refillOnce(ctx: AppContext, shop: string, offerId: string): Promise<number> {
  const options = optionsOf(ctx);
  const offer = await ctx.db.query.offers.findFirst({
    where: and(eq(offers.shop, shop), eq(offers.id, offerId)),
  });
  if (offer?.status !== 'active' || !offer.discountId) return 0;
  const discountId = offer.discountId;
  const missing = options.target - (await availableCount(ctx, shop, offerId, discountId));
  if (missing <= 0) return 0;
  const session = await loadOfflineSession(ctx, shop);
  if (!session) return 0;
  const gateway = createAdminGateway(ctx, session);
  let added = 0;
  for (let start = 0; start < missing; start += BATCH) {
    const codes = Array.from({ length: Math.min(BATCH, missing - start) }, newCode);
    const bulkId = await gateway.addRedeemCodes(discountId, codes);
    let confirmed: { code: string; id: string }[] | null = null;
    for (let poll = 0; poll < options.maxPolls && confirmed === null; poll++) {
      if (poll > 0) await new Promise((resolve) => setTimeout(resolve, options.pollMs));
      const status = await gateway.redeemCodesStatus(bulkId, codes.length);
      if (status.done) confirmed = status.added.filter((added) => codes.includes(added.code));
    }
    if (!confirmed) {
      ctx.logger.warn('coupon refill not confirmed in time', { shop, offerId });
      break;
    }
    if (confirmed.length === 0) continue;
    const now = Date.now();
    await ctx.db
      .insert(couponCodes)
      .values(
        confirmed.map(({ code, id }) => ({
          shop,
          offerId,
          code,
          discountId,
          redeemCodeId: id,
          state: 'available' as const,
          createdAt: now,
        })),
      )
      .onConflictDoNothing();
    added += confirmed.length;
  }
  ctx.logger.info('coupon pool refilled', { shop, offerId, added });
  return added;
}

/** How often, at most, one process sweeps one offer's expired codes. */
const SWEEP_EVERY_MS = 15 * 60_000;
const lastSweep = new WeakMap<AppContext, Map<string, number>>();

/**
 * Deletes the offer's handed-out codes that expired unused from Shopify (a discount has one end
 * date for all its codes, so this is how one code expires), then marks them `expired` — only
 * after Shopify accepted the deletion, so a failed call leaves them to the next sweep. Codes
 * redeemed meanwhile are not touched (their order already marked them). Answers how many expired.
 */
export async function expireCodes(
  ctx: AppContext,
  shop: string,
  offerId: string,
  now = Date.now(),
): Promise<number> {
  const due = await ctx.db
    .select()
    .from(couponCodes)
    .where(
      and(
        eq(couponCodes.shop, shop),
        eq(couponCodes.offerId, offerId),
        eq(couponCodes.state, 'assigned'),
        lt(couponCodes.expiresAt, now),
        isNotNull(couponCodes.redeemCodeId),
      ),
    )
    .limit(BATCH);
  if (due.length === 0) return 0;
  const session = await loadOfflineSession(ctx, shop);
  if (!session) return 0;
  const gateway = createAdminGateway(ctx, session);
  const byDiscount = new Map<string, typeof due>();
  for (const row of due)
    byDiscount.set(row.discountId, [...(byDiscount.get(row.discountId) ?? []), row]);
  let expired = 0;
  for (const [discountId, rows] of byDiscount) {
    await gateway.deleteRedeemCodes(
      discountId,
      rows.map((row) => row.redeemCodeId as string),
    );
    const marked = await ctx.db
      .update(couponCodes)
      .set({ state: 'expired' })
      .where(
        and(
          eq(couponCodes.shop, shop),
          eq(couponCodes.state, 'assigned'),
          inArray(
            couponCodes.code,
            rows.map((row) => row.code),
          ),
        ),
      )
      .returning({ code: couponCodes.code });
    expired += marked.length;
  }
  ctx.logger.info('coupon codes expired', { shop, offerId, expired });
  return expired;
}

/** Sweeps the offer's expired codes in the background, at most every SWEEP_EVERY_MS. */
function sweepInBackground(ctx: AppContext, shop: string, offerId: string, now: number): void {
  let perCtx = lastSweep.get(ctx);
  if (!perCtx) {
    perCtx = new Map();
    lastSweep.set(ctx, perCtx);
  }
  const key = `${shop}\n${offerId}`;
  if (now - (perCtx.get(key) ?? 0) < SWEEP_EVERY_MS) return;
  perCtx.set(key, now);
  expireCodes(ctx, shop, offerId, now).catch((error: unknown) =>
    ctx.logger.warn('coupon expiry sweep failed', {
      shop,
      offerId,
      errorClass: error instanceof Error ? error.name : typeof error,
    }),
  );
}

/** Starts a refill without waiting for it; failures are logged, the next hand-out retries. */
function refillInBackground(ctx: AppContext, shop: string, offerId: string): void {
  refillPool(ctx, shop, offerId).catch((error: unknown) =>
    ctx.logger.warn('coupon refill failed', {
      shop,
      offerId,
      errorClass: error instanceof Error ? error.name : typeof error,
    }),
  );
}

/**
 * After a publication: tops up the pool of every active storefront offer of the shop in the
 * background, so codes are ready before the first visitor's intent fires.
 */
export function refillPoolsInBackground(ctx: AppContext, shop: string, offerIds: string[]): void {
  for (const offerId of offerIds) refillInBackground(ctx, shop, offerId);
}

export interface AssignedCode {
  code: string;
  expiresAt: number;
  /** Present when the visitor's one code expired and was deleted from Shopify: it works no more. */
  expired?: true;
}

/**
 * The visitor's code for this offer: the one they already hold, or the next available code of
 * the offer's current discount, claimed in one statement. Null when the pool is empty (a refill
 * is then on its way). Starts a background refill whenever the pool is below `lowWater`.
 */
export async function assignCode(
  ctx: AppContext,
  input: {
    shop: string;
    offerId: string;
    discountId: string;
    visitor: string;
    expiryHours: number;
    now: number;
  },
): Promise<AssignedCode | null> {
  const { shop, offerId, discountId, visitor, now } = input;
  const held = await heldCode(ctx, shop, offerId, visitor);
  if (held) return held;
  const expiresAt = now + input.expiryHours * 3_600_000;
  let claimed: { code: string }[] = [];
  try {
    claimed = await ctx.db
      .update(couponCodes)
      .set({ state: 'assigned', visitor, assignedAt: now, expiresAt })
      .where(
        and(
          eq(couponCodes.shop, shop),
          eq(couponCodes.state, 'available'),
          sql`${couponCodes.code} = (select code from coupon_codes where shop = ${shop} and offer_id = ${offerId} and discount_id = ${discountId} and state = 'available' limit 1)`,
        ),
      )
      .returning({ code: couponCodes.code });
  } catch (error) {
    // The unique (shop, offer, visitor) index: a concurrent request of the same visitor won.
    const again = await heldCode(ctx, shop, offerId, visitor);
    if (again) return again;
    throw error;
  }
  const options = optionsOf(ctx);
  if ((await availableCount(ctx, shop, offerId, discountId)) < options.lowWater)
    refillInBackground(ctx, shop, offerId);
  sweepInBackground(ctx, shop, offerId, now);
  const code = claimed[0]?.code;
  return code ? { code, expiresAt } : null;
}

async function heldCode(
  ctx: AppContext,
  shop: string,
  offerId: string,
  visitor: string,
): Promise<AssignedCode | null> {
  const row = await ctx.db.query.couponCodes.findFirst({
    where: and(
      eq(couponCodes.shop, shop),
      eq(couponCodes.offerId, offerId),
      eq(couponCodes.visitor, visitor),
    ),
  });
  if (!row) return null;
  const held: AssignedCode = { code: row.code, expiresAt: row.expiresAt ?? 0 };
  return row.state === 'expired' ? { ...held, expired: true } : held;
}
