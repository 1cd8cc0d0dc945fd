import { Hono } from 'hono';
import { decodeJwt } from 'jose';
import { z } from 'zod';
import type { AppContext, AppEnv } from '../../app-context.js';
import { bearerToken } from '../../auth/session-token.js';
import { customerUnit, nextOrderCodeFor } from '../../domain/next-order-codes.js';
import { clientAddress } from '../../http/client-address.js';
import { ApiError } from '../../http/errors.js';
import { enforceRate } from '../../http/rate-limit.js';
import { parseOrThrow, readJson } from '../../http/validate.js';
import { couponLimitersOf } from '../proxy/coupon-limits.js';

const NO_STORE = { 'Cache-Control': 'no-store' };

const requestSchema = z
  .object({
    offerId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be an offer id'),
    /** `shopify.buyerIdentity.customer.id` on the Thank you page: `gid://shopify/Customer/<id>`. */
    customerId: z.string().min(1).max(64),
  })
  .strict();

/**
 * `POST /api/checkout/coupons` — the Thank you block's one call, mounted behind checkoutAuth (the
 * session token is verified and the shop installed before this runs). Both arms call it when the
 * page renders: the exposure is logged here, the holdout gets the same 404 as an unknown offer,
 * and a treatment customer gets their own code (the same one each time they ask).
 *
 * The customer comes from the buyer identity the block reads. When the token carries `sub` (a
 * logged-in buyer, with customer-account access), the two must name the same customer, so a
 * signed-in buyer cannot ask for another customer's code. Without `sub` the id is the client's
 * word, so — as on the storefront's coupon route, with the same limiters — asks are limited per
 * customer and per client address before anything is read: fresh customer ids from one place
 * cannot drain the pool.
 */
export function createCouponRoutes(ctx: AppContext) {
  return new Hono<AppEnv>().post('/coupons', async (c) => {
    const body = parseOrThrow(requestSchema, await readJson(c.req.raw), 'invalid_coupon_request');
    const customer = customerUnit(body.customerId);
    if (!customer) {
      throw new ApiError(400, 'invalid_coupon_request', 'customerId: not a Shopify customer id.');
    }
    const shop = c.get('shop');
    const limiters = couponLimitersOf(ctx);
    enforceRate(
      limiters.address,
      `${shop}\nthank-you\n${clientAddress(c, ctx.trustedProxyHeader)}`,
      'coupon requests',
    );
    enforceRate(limiters.visitor, `${shop}\ncustomer:${customer}`, 'coupon requests');
    const subject = tokenSubject(c.req.header('Authorization'));
    if (subject !== null && customerUnit(subject) !== customer) {
      throw new ApiError(403, 'customer_mismatch', 'customerId is not the signed-in customer.');
    }
    const answer = await nextOrderCodeFor(ctx, shop, body.offerId, customer);
    if (answer.kind === 'unavailable') {
      throw new ApiError(503, 'coupon_unavailable', 'No code is ready; try again shortly.', {
        ...NO_STORE,
        'Retry-After': '30',
      });
    }
    if (answer.kind === 'none') {
      throw new ApiError(404, 'no_coupon', 'There is no coupon for this customer.', NO_STORE);
    }
    c.header('Cache-Control', 'no-store');
    return c.json(answer.value);
  });
}

/** The `sub` of the already verified session token, or null when it names no customer. */
function tokenSubject(header: string | undefined): string | null {
  const token = bearerToken(header);
  if (!token) return null;
  try {
    const sub = decodeJwt(token).sub;
    return typeof sub === 'string' && sub !== '' ? sub : null;
  } catch {
    return null;
  }
}
