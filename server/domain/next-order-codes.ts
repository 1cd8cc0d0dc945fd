import { and, eq } from 'drizzle-orm';
import { assignArm } from '../../core/decide/decide-offers.js';
import type { OfferDiscount } from '../../core/offers/contract.js';
import { experiments, exposures, offers } from '../../drizzle/schema.js';
import type { AppContext } from '../app-context.js';
import { assignCode, refillPool } from './coupon-pool.js';

/** What the Thank you block shows a treatment customer. */
export interface NextOrderCode {
  code: string;
  /** Epoch ms; fixed when the customer first got the code. */
  expiresAt: number;
  discount: OfferDiscount;
}

export type NextOrderAnswer =
  | { kind: 'code'; value: NextOrderCode }
  /** Holdout, outside coverage, not running, not this kind: all look the same to the caller. */
  | { kind: 'none' }
  /** The pool is empty and a refill did not bring a code in time. */
  | { kind: 'unavailable' };

/** `gid://shopify/Customer/123` or `123` → `123`, the id orders carry (`customer.id`). */
export function customerUnit(id: string): string | null {
  const match = /^(?:gid:\/\/shopify\/Customer\/)?(\d{1,20})$/.exec(id.trim());
  return match?.[1] ?? null;
}

/**
 * The Thank you page fired a next-order coupon for this customer: log the exposure for whichever
 * arm they are in (first exposure wins, so the window starts at the first Thank you page), and
 * hand a treatment customer their code — the one they already hold, or the next from the offer's
 * pool. The exposure is stamped with the server's clock, after the order that showed the page was
 * placed, so that order is never counted as a repeat purchase.
 */
export async function nextOrderCodeFor(
  ctx: AppContext,
  shop: string,
  offerId: string,
  customer: string,
  now = Date.now(),
): Promise<NextOrderAnswer> {
  const offer = await ctx.db.query.offers.findFirst({
    where: and(eq(offers.shop, shop), eq(offers.id, offerId)),
  });
  const spec = offer?.content;
  if (offer?.status !== 'active' || spec?.kind !== 'next_order_coupon') {
    return { kind: 'none' };
  }
  if (offer.startsAt != null && now < offer.startsAt) return { kind: 'none' };
  if (offer.endsAt != null && now >= offer.endsAt) return { kind: 'none' };
  const experiment = await ctx.db.query.experiments.findFirst({
    where: and(eq(experiments.shop, shop), eq(experiments.key, offer.experimentKey)),
  });
  const arm = experiment && assignArm(experiment, customer);
  if (!experiment || !arm) return { kind: 'none' };
  await ctx.db
    .insert(exposures)
    .values({
      shop,
      experimentKey: experiment.key,
      unit: customer,
      offerId,
      arm: arm.key,
      firstExposedAt: now,
    })
    .onConflictDoNothing();
  if (arm.holdout || !offer.discountId) return { kind: 'none' };

  const input = {
    shop,
    offerId,
    discountId: offer.discountId,
    visitor: `customer:${customer}`,
    expiryHours: spec.codeExpiryDays * 24,
    now,
  };
  let assigned = await assignCode(ctx, input);
  if (!assigned) {
    // Only the very first customers of a new offer find the pool empty; the block is already on
    // the page and waits for this answer, not the shopper.
    await refillPool(ctx, shop, offerId).catch(() => 0);
    assigned = await assignCode(ctx, input);
  }
  if (!assigned) return { kind: 'unavailable' };
  // Their one code expired and was deleted from Shopify; a customer gets no second one.
  if (assigned.expired) return { kind: 'none' };
  return {
    kind: 'code',
    value: { code: assigned.code, expiresAt: assigned.expiresAt, discount: spec.discount },
  };
}
