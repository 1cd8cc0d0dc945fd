import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Stateless emulated Admin API tokens: the token carries its shop-bound issue time and an HMAC
 * with the app secret, so tokens survive a demo-server restart like real ones survive ours.
 */
const ACCESS_TTL_SEC = 24 * 60 * 60;
const REFRESH_TTL_SEC = 90 * 24 * 60 * 60;

type Kind = 'access' | 'refresh';

function mac(secret: string, shop: string, kind: Kind, issuedAt: number) {
  return createHmac('sha256', secret)
    .update(`${kind}|${shop}|${issuedAt}`)
    .digest('hex')
    .slice(0, 40);
}

export function issueTokens(secret: string, shop: string, scope: string) {
  const issuedAt = Math.floor(Date.now() / 1000);
  return {
    access_token: `shpat_${issuedAt}_${mac(secret, shop, 'access', issuedAt)}`,
    scope,
    expires_in: ACCESS_TTL_SEC,
    refresh_token: `shprt_${issuedAt}_${mac(secret, shop, 'refresh', issuedAt)}`,
    refresh_token_expires_in: REFRESH_TTL_SEC,
  };
}

export function isTokenValid(
  secret: string,
  shop: string,
  kind: Kind,
  token: string | null,
): boolean {
  const match = /^shp(at|rt)_(\d+)_([0-9a-f]{40})$/.exec(token ?? '');
  if (!match || (match[1] === 'at') !== (kind === 'access')) return false;
  const issuedAt = Number(match[2]);
  const ttl = kind === 'access' ? ACCESS_TTL_SEC : REFRESH_TTL_SEC;
  if (issuedAt + ttl < Date.now() / 1000) return false;
  const expected = Buffer.from(mac(secret, shop, kind, issuedAt));
  const given = Buffer.from(match[3] ?? '');
  return expected.length === given.length && timingSafeEqual(expected, given);
}
