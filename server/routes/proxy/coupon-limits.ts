import type { AppContext } from '../../app-context.js';
import { FixedWindowLimiter, type RateLimit } from '../../http/rate-limit.js';

/**
 * Rate limits of the App Proxy's coupon route, so nobody drains an offer's pool: per visitor id
 * (one visitor asks once per trigger; a repeat is answered from the database anyway) and per
 * client address (many fresh visitor ids from one place). Behind Shopify's proxy the address is
 * the one the trusted proxy header names (http/client-address.ts). Bounded in memory.
 */
export interface CouponLimits {
  perVisitor: RateLimit;
  perAddress: RateLimit;
}

const MINUTE = 60_000;
export const DEFAULT_COUPON_LIMITS: CouponLimits = {
  perVisitor: { max: 5, windowMs: MINUTE },
  perAddress: { max: 30, windowMs: MINUTE },
};

const limiters = new WeakMap<
  AppContext,
  { visitor: FixedWindowLimiter; address: FixedWindowLimiter }
>();

/** Replaces the limits for this app context (tests); counts restart. */
export function configureCouponLimits(ctx: AppContext, limits: Partial<CouponLimits>): void {
  const merged = { ...DEFAULT_COUPON_LIMITS, ...limits };
  limiters.set(ctx, {
    visitor: new FixedWindowLimiter(merged.perVisitor),
    address: new FixedWindowLimiter(merged.perAddress),
  });
}

export function couponLimitersOf(ctx: AppContext) {
  if (!limiters.has(ctx)) configureCouponLimits(ctx, {});
  return limiters.get(ctx) as { visitor: FixedWindowLimiter; address: FixedWindowLimiter };
}
