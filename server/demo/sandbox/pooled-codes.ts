import { and, eq, inArray } from 'drizzle-orm';
import { couponCodes, offers } from '../../../drizzle/schema.js';
import type { AppContext } from '../../app-context.js';
import type { SandboxDiscount } from './client/discounts.js';

/** Offer kinds whose codes come from a pool (domain/coupon-pool.ts): order-level discounts. */
const POOLED_KINDS = new Set(['exit_coupon', 'next_order_coupon']);

/**
 * The handed-out pooled codes among `codes`, plus every code held by `customerId` (a next-order
 * coupon keys its codes by `customer:<id>`), as the sandbox checkout accepts them: Shopify knows
 * them as redeem codes of the offer's discount, which is on the whole order. Codes still in the
 * pool (never handed out) are not accepted, as nobody could know them; nor are codes already
 * redeemed (single use) or expired (deleted from the discount).
 */
export async function pooledDiscounts(
  ctx: AppContext,
  shop: string,
  input: { codes?: string[]; customerId?: string | null },
): Promise<SandboxDiscount[]> {
  const wanted = (input.codes ?? []).map((c) => c.trim().toUpperCase()).filter(Boolean);
  const rows = [
    ...(wanted.length
      ? await ctx.db
          .select()
          .from(couponCodes)
          .where(and(eq(couponCodes.shop, shop), inArray(couponCodes.code, wanted)))
      : []),
    ...(input.customerId
      ? await ctx.db
          .select()
          .from(couponCodes)
          .where(
            and(
              eq(couponCodes.shop, shop),
              eq(couponCodes.visitor, `customer:${input.customerId}`),
            ),
          )
      : []),
    // Handed out and not yet used or expired: what Shopify would still take.
  ].filter((row) => row.state === 'assigned');
  if (rows.length === 0) return [];
  const offerRows = await ctx.db
    .select()
    .from(offers)
    .where(
      and(
        eq(offers.shop, shop),
        inArray(
          offers.id,
          rows.map((r) => r.offerId),
        ),
      ),
    );
  const byId = new Map(offerRows.map((o) => [o.id, o]));
  const seen = new Set<string>();
  return rows.flatMap((row): SandboxDiscount[] => {
    const spec = byId.get(row.offerId)?.content;
    if (!spec || !POOLED_KINDS.has(spec.kind) || !('discount' in spec) || !spec.discount) return [];
    if (seen.has(row.code)) return [];
    seen.add(row.code);
    const minimum = 'minimumSubtotal' in spec ? (spec.minimumSubtotal ?? null) : null;
    return [
      {
        code: row.code,
        type: spec.discount.type,
        value: spec.discount.value,
        appliesTo: 'order',
        minimumSubtotal: minimum,
        variantIds: [],
      },
    ];
  });
}
