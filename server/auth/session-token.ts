import type { JwtPayload } from '@shopify/shopify-api';
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
 * Verifies an HS256 token signed with the app secret (signature, exp, nbf, aud = API key) with
 * the library's own decoder, and resolves the shop from `dest`.
 */
export async function verifyShopToken(
  ctx: AppContext,
  token: string,
  unauthorized: (code: string, message: string) => ApiError,
): Promise<{ shop: string; payload: JwtPayload }> {
  let payload: JwtPayload;
  try {
    payload = await ctx.shopify.session.decodeSessionToken(token, { checkAudience: true });
  } catch {
    // The library's message quotes the token; never pass it on.
    throw unauthorized(
      'invalid_session_token',
      'The session token is invalid, expired or not for this app.',
    );
  }
  const shop = shopFromDest(payload.dest);
  if (!shop) throw unauthorized('invalid_session_token', 'The session token does not name a shop.');
  return { shop, payload };
}
