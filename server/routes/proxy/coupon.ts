import type { Context } from 'hono';
import type { CouponAnswer } from '../../../core/storefront/config.js';
import { sharedCodeFor } from '../../../core/storefront/shared-code.js';
import type { AppContext, AppEnv } from '../../app-context.js';
import { isShopActive } from '../../domain/shops.js';
import { ApiError } from '../../http/errors.js';
import { storefrontOffersOf } from './storefront-offers.js';

const OFFER_ID = /^[A-Za-z0-9_-]{1,64}$/;
/** The script's `_closer_vid`: random hex today; any opaque id of this shape is accepted. */
const VISITOR_ID = /^[A-Za-z0-9_-]{8,64}$/;
/** Shopify's proxy must not cache one visitor's answer for another. */
const NO_STORE = { 'Cache-Control': 'no-store' };

/**
 * `GET /apps/closer/coupon?offer=…&vid=…` on the storefront, reaching `/proxy/coupon` signed by
 * Shopify (the shop comes from the verified signature). The script calls it only once intent
 * fired, treatment and holdout alike. A treatment visitor gets the offer's code; the holdout, a
 * visitor outside coverage and an unknown offer all get the same 404, so the answer reveals
 * nothing about arms. For now the code is the offer's shared code; unique codes from a minting
 * pool replace it in a later change, behind this same route.
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
    const offers = (await isShopActive(ctx.db, shop)) ? await storefrontOffersOf(ctx)(shop) : [];
    const code = sharedCodeFor(offers, offerId, visitorId, Date.now());
    if (!code)
      throw new ApiError(404, 'no_coupon', 'There is no coupon for this visitor.', NO_STORE);
    c.header('Cache-Control', 'no-store');
    return c.json({ code } satisfies CouponAnswer);
  };
}
