import type { JwtPayload } from '@shopify/shopify-api';
import { decodeProtectedHeader } from 'jose';
import type { AppContext } from '../app-context.js';
import type { ApiError } from '../http/errors.js';
import { shopFromDest } from './shop-domain.js';

/** Extracts `Bearer <token>`; null when the header is absent or not a bearer credential. */
export function bearerToken(header: string | undefined): string | null {
  if (!header) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  return match?.[1] ?? null;
}

/**
 * The tokens Shopify signs with the app secret, and the longest lifetime it gives each
 * (shopify.dev, read 2026-11): an App Bridge id token lives one minute ("About session tokens",
 * Lifetime of a session token); a checkout UI extension session token has a TTL of five minutes
 * (checkout-ui-extensions 2026-01, Session Token API).
 */
export type ShopTokenKind = 'admin' | 'checkout';

const MAX_LIFETIME_SECONDS: Record<ShopTokenKind, number> = { admin: 60, checkout: 300 };

/** Clock difference tolerated between Shopify and us; the library allows the same for exp/nbf. */
export const CLOCK_SKEW_SECONDS = 10;

/**
 * Verifies an HS256 token signed with the app secret and resolves the shop from `dest`. The
 * library's decoder checks the signature, exp/nbf when present and aud = API key; on top of it a
 * token must name HS256 in its header, carry a numeric `exp`, and not outlive what Shopify issues
 * (exp − now, and exp − iat when iat is present), so a leaked or self-made long-lived token
 * is worthless.
 */
export async function verifyShopToken(
  ctx: AppContext,
  token: string,
  kind: ShopTokenKind,
  unauthorized: (code: string, message: string) => ApiError,
): Promise<{ shop: string; payload: JwtPayload }> {
  const refuse = (message: string) => unauthorized('invalid_session_token', message);
  if (headerAlgorithm(token) !== 'HS256') {
    throw refuse('The session token is invalid, expired or not for this app.');
  }
  let payload: JwtPayload;
  try {
    payload = await ctx.shopify.session.decodeSessionToken(token, { checkAudience: true });
  } catch {
    // The library's message quotes the token; never pass it on.
    throw refuse('The session token is invalid, expired or not for this app.');
  }
  const lifetimeProblem = checkLifetime(payload, MAX_LIFETIME_SECONDS[kind]);
  if (lifetimeProblem) throw refuse(lifetimeProblem);
  const shop = shopFromDest(payload.dest);
  if (!shop) throw refuse('The session token does not name a shop.');
  return { shop, payload };
}

function headerAlgorithm(token: string): unknown {
  try {
    return decodeProtectedHeader(token).alg;
  } catch {
    return undefined;
  }
}

/** Why the token's time claims are unacceptable, or null when they are fine. */
function checkLifetime(payload: JwtPayload, maxSeconds: number): string | null {
  // The payload type promises numbers; a crafted token may carry anything.
  const { exp, iat } = payload as { exp?: unknown; iat?: unknown };
  if (typeof exp !== 'number' || !Number.isFinite(exp)) {
    return 'The session token has no expiry.';
  }
  const now = Date.now() / 1000;
  const limit = maxSeconds + CLOCK_SKEW_SECONDS;
  if (exp - now > limit) return 'The session token lives longer than Shopify issues them.';
  if (iat !== undefined) {
    if (typeof iat !== 'number' || !Number.isFinite(iat)) {
      return 'The session token has an unreadable issue time.';
    }
    if (iat - now > CLOCK_SKEW_SECONDS) return 'The session token was issued in the future.';
    if (exp - iat > limit) return 'The session token lives longer than Shopify issues them.';
  }
  return null;
}
