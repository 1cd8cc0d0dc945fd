import type { Context } from 'hono';
import { assignArm } from '../../../core/decide/decide-offers.js';
import type { CouponAnswer } from '../../../core/storefront/config.js';
import { sharedCodeFor } from '../../../core/storefront/shared-code.js';
import { exposures } from '../../../drizzle/schema.js';
import type { AppContext, AppEnv } from '../../app-context.js';
import { assignCode } from '../../domain/coupon-pool.js';
import { isShopActive } from '../../domain/shops.js';
import { activeStorefrontOffers } from '../../domain/storefront-config.js';
import { clientAddress, networkOf } from '../../http/client-address.js';
import { ApiError } from '../../http/errors.js';
import { enforceRate } from '../../http/rate-limit.js';
import { couponLimitersOf } from './coupon-limits.js';
import { storefrontOffersOf } from './storefront-offers.js';

const OFFER_ID = /^[A-Za-z0-9_-]{1,64}$/;
/** The script's `_closer_vid`: random hex today; any opaque id of this shape is accepted. */
const VISITOR_ID = /^[A-Za-z0-9_-]{8,64}$/;
/** Shopify's proxy must not cache one visitor's answer for another. */
const NO_STORE = { 'Cache-Control': 'no-store' };

/**
 * The shopper's address. Shopify's App Proxy forwards the storefront request with
 * `X-Forwarded-For: <client IP>` (shopify.dev, "Authenticate app proxies"); our own proxy may
 * append to it, so the first entry is the one Shopify wrote. A caller forging the header would
 * also need a fresh Shopify signature, which names one visitor — replaying it only returns that
 * visitor's one code — so the header is trusted here. Without it, the socket / trusted header.
 */
function shopperAddress(c: Context<AppEnv>, trustedHeader?: string): string {
  const first = (c.req.header('x-forwarded-for') ?? '').split(',')[0]?.trim();
  return first ? networkOf(first.slice(0, 100)) : clientAddress(c, trustedHeader);
}

function noCoupon(): never {
  throw new ApiError(404, 'no_coupon', 'There is no coupon for this visitor.', NO_STORE);
}

/**
 * `GET /apps/closer/coupon?offer=…&vid=…` on the storefront, reaching `/proxy/coupon` signed by
 * Shopify (the shop comes from the verified signature; a forged, stale or unsigned call never
 * gets here). The script calls it only once intent fired, treatment and holdout alike, so this is
 * where the exposure is logged for both arms (unit: the visitor id). A treatment visitor gets
 * their own single-use code from the offer's pool (the same one if they ask again); the holdout,
 * a visitor outside coverage and an unknown offer all get the same 404, so the answer reveals
 * nothing about arms. Rate-limited per visitor and per address before anything is read.
 */
export function answerCoupon(ctx: AppContext) {
  return async function coupon(c: Context<AppEnv>) {
    const offerId = c.req.query('offer') ?? '';
    const visitorId = c.req.query('vid') ?? '';
    if (!OFFER_ID.test(offerId) || !VISITOR_ID.test(visitorId)) {
      throw new ApiError(
        400,
        'invalid_query',
        'offer (1–64) and vid (8–64) are required: letters, digits, "-" and "_".',
        NO_STORE,
      );
    }
    const shop = c.get('shop');
    const limiters = couponLimitersOf(ctx);
    enforceRate(
      limiters.address,
      `${shop}\n${shopperAddress(c, ctx.trustedProxyHeader)}`,
      'coupon requests',
    );
    enforceRate(limiters.visitor, `${shop}\n${visitorId}`, 'coupon requests');
    if (!(await isShopActive(ctx.db, shop))) noCoupon();
    const now = Date.now();

    const row = (await activeStorefrontOffers(ctx, shop)).find((r) => r.published.id === offerId);
    if (!row) {
      // Demo mode's built-in offer (a shared code, no pool); nothing provides one in Shopify mode.
      const code = sharedCodeFor(await storefrontOffersOf(ctx)(shop), offerId, visitorId, now);
      if (!code) noCoupon();
      c.header('Cache-Control', 'no-store');
      return c.json({ code } satisfies CouponAnswer);
    }
    const offer = row.published;
    if (offer.startsAt != null && now < offer.startsAt) noCoupon();
    if (offer.endsAt != null && now >= offer.endsAt) noCoupon();
    const arm = assignArm(offer.experiment, visitorId);
    if (!arm) noCoupon();
    await ctx.db
      .insert(exposures)
      .values({
        shop,
        experimentKey: offer.experiment.key,
        unit: visitorId,
        offerId,
        arm: arm.key,
        firstExposedAt: now,
      })
      .onConflictDoNothing();
    if (arm.holdout || !offer.variants[arm.key] || !row.discountId) noCoupon();
    const assigned = await assignCode(ctx, {
      shop,
      offerId,
      discountId: row.discountId,
      visitor: visitorId,
      expiryHours: row.codeExpiryHours,
      now,
    });
    if (!assigned) {
      // The pool ran dry; a refill is on its way. The script shows nothing rather than wait.
      throw new ApiError(503, 'coupon_unavailable', 'No code is ready; try again shortly.', {
        ...NO_STORE,
        'Retry-After': '30',
      });
    }
    // One code per visitor and offer: once it expired (and was deleted from Shopify) there is none.
    if (assigned.expired) noCoupon();
    c.header('Cache-Control', 'no-store');
    return c.json({ code: assigned.code } satisfies CouponAnswer);
  };
}
