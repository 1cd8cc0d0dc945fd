import { randomUUID } from 'node:crypto';
import { SignJWT, UnsecuredJWT } from 'jose';

/**
 * Tokens Shopify would never issue, signed with the app's real secret, so a test proves the
 * server refuses them for what they claim rather than for a bad signature. Unlike the demo
 * signers, nothing is added: the claims are exactly the ones given.
 */
export type CraftedAlg = 'HS256' | 'HS384' | 'HS512' | 'none';

export function craftToken(
  secret: string,
  claims: Record<string, unknown>,
  alg: CraftedAlg = 'HS256',
): Promise<string> | string {
  if (alg === 'none') return new UnsecuredJWT(claims).encode();
  return new SignJWT(claims)
    .setProtectedHeader({ alg, typ: 'JWT' })
    .sign(new TextEncoder().encode(secret));
}

export const nowSeconds = () => Math.floor(Date.now() / 1000);

/** The claims of an App Bridge id token for `shop`, minus the time claims. */
export function adminClaims(apiKey: string, shop: string): Record<string, unknown> {
  return {
    iss: `https://${shop}/admin`,
    dest: `https://${shop}`,
    aud: apiKey,
    sub: '1',
    sid: randomUUID(),
    jti: randomUUID(),
  };
}

/** The claims of a checkout extension session token for `shop`, minus the time claims. */
export function checkoutClaims(apiKey: string, shop: string): Record<string, unknown> {
  return { dest: shop, aud: apiKey, jti: randomUUID() };
}

/** 2100-01-01T00:00:00Z, the "never expires" a forger would pick. */
export const YEAR_2100 = 4_102_444_800;
