import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { couponCodes } from '../../drizzle/schema.js';
import type { AppContext } from '../app-context.js';
import type { WebhookWrite } from './webhooks/types.js';

/** `discount_codes` of an orders/create payload: only the codes matter here. */
const discountCodesSchema = z.object({
  discount_codes: z
    .array(z.object({ code: z.string().max(255) }))
    .max(50)
    .nullish(),
});

/**
 * Marks the pooled codes an order used as `redeemed` (in the same batch as the order, so a
 * redelivery changes nothing: the update only moves `assigned` codes). Null when the order used
 * no code. A code of another shop is never touched: the update is scoped to the order's shop.
 */
export function couponRedemptionWrite(
  ctx: AppContext,
  shop: string,
  payload: unknown,
): WebhookWrite | null {
  const parsed = discountCodesSchema.safeParse(payload);
  const codes = parsed.success ? (parsed.data.discount_codes ?? []).map((d) => d.code) : [];
  if (codes.length === 0) return null;
  return ctx.db
    .update(couponCodes)
    .set({ state: 'redeemed' })
    .where(
      and(
        eq(couponCodes.shop, shop),
        inArray(couponCodes.code, codes),
        eq(couponCodes.state, 'assigned'),
      ),
    );
}
