import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { hostileHeaderValue, hostileValue, toJsonText } from './hostile-values.js';

/**
 * Session tokens built claim by claim, from a description the test can judge on its own: a token
 * is good only when every part is the one Shopify would issue, so the expected answer follows
 * from the description, not from the server under test.
 */
export interface TokenSpec {
  alg: string;
  extraHeader: Record<string, unknown> | null;
  key: 'app' | 'other' | 'empty';
  signature: 'kept' | 'empty' | 'flipped' | 'dropped';
  aud: 'right' | 'wrong' | 'array' | 'missing' | 'number';
  shop: 'acting' | 'other-installed' | 'not-installed' | 'malformed' | 'missing';
  destForm: 'url' | 'bare' | 'url-with-path';
  iss: 'matching' | 'other-shop' | 'missing' | 'garbage';
  exp: 'valid' | 'fraction' | 'expired' | 'missing' | 'too-long' | 'year-2100' | 'string' | 'huge';
  iat: 'missing' | 'now' | 'future' | 'long-ago' | 'string';
  nbf: 'missing' | 'past' | 'future' | 'string';
  junk: Record<string, unknown>;
  scheme: 'Bearer' | 'bearer' | 'none' | 'Basic' | 'bare' | 'trailing';
  /** Replaces the whole credential with garbage. */
  garbage: string | null;
}

const anySpec: fc.Arbitrary<TokenSpec> = fc.record({
  alg: fc.constantFrom(
    'HS256',
    'HS256',
    'HS256',
    'HS256',
    'HS384',
    'HS512',
    'none',
    'hs256',
    'RS256',
    '',
  ),
  extraHeader: fc.option(
    fc.constantFrom<Record<string, unknown>>(
      { kid: 'x' },
      { typ: 'JWS' },
      { jku: 'https://evil.example/keys' },
      { crit: ['exp'] },
    ),
    { nil: null, freq: 4 },
  ),
  key: fc.constantFrom('app', 'app', 'app', 'app', 'other', 'empty'),
  signature: fc.constantFrom('kept', 'kept', 'kept', 'kept', 'empty', 'flipped', 'dropped'),
  aud: fc.constantFrom('right', 'right', 'right', 'right', 'wrong', 'array', 'missing', 'number'),
  shop: fc.constantFrom(
    'acting',
    'acting',
    'acting',
    'other-installed',
    'not-installed',
    'malformed',
    'missing',
  ),
  destForm: fc.constantFrom('url', 'bare', 'url-with-path'),
  iss: fc.constantFrom('matching', 'matching', 'matching', 'other-shop', 'missing', 'garbage'),
  exp: fc.constantFrom(
    'valid',
    'valid',
    'valid',
    'valid',
    'fraction',
    'expired',
    'missing',
    'too-long',
    'year-2100',
    'string',
    'huge',
  ),
  iat: fc.constantFrom('missing', 'now', 'now', 'now', 'future', 'long-ago', 'string'),
  nbf: fc.constantFrom('missing', 'past', 'past', 'past', 'future', 'string'),
  junk: fc.dictionary(
    fc.string({ maxLength: 12 }).map((k) => `x_${k}`),
    hostileValue,
    { maxKeys: 2 },
  ),
  scheme: fc.constantFrom(
    'Bearer',
    'Bearer',
    'Bearer',
    'Bearer',
    'bearer',
    'none',
    'Basic',
    'bare',
    'trailing',
  ),
  garbage: fc.option(hostileHeaderValue, { nil: null, freq: 8 }),
});

const ISSUED: Omit<TokenSpec, 'junk' | 'garbage'> = {
  alg: 'HS256',
  extraHeader: null,
  key: 'app',
  signature: 'kept',
  aud: 'right',
  shop: 'acting',
  destForm: 'url',
  iss: 'matching',
  exp: 'valid',
  iat: 'now',
  nbf: 'past',
  scheme: 'Bearer',
};

/**
 * A third of the descriptions are random in every part; the rest are a token as Shopify issues
 * it with at most one part replaced, so acceptance and each single flaw are both well covered.
 */
export const tokenSpec: fc.Arbitrary<TokenSpec> = fc
  .tuple(anySpec, fc.constantFrom('random', 'one-flaw', 'one-flaw', 'issued'), fc.nat())
  .map(([spec, how, pick]) => {
    if (how === 'random') return spec;
    const issued: TokenSpec = { ...ISSUED, junk: spec.junk, garbage: null };
    if (how === 'issued') return issued;
    const parts = [...Object.keys(ISSUED), 'garbage'] as (keyof TokenSpec)[];
    const part = parts[pick % parts.length] as keyof TokenSpec;
    return { ...issued, [part]: spec[part] };
  });

export interface TokenContext {
  kind: 'admin' | 'checkout';
  apiKey: string;
  apiSecret: string;
  actingShop: string;
  otherInstalledShop: string;
  notInstalledShop: string;
}

/** The shop the token names, when it names a well-formed one. */
export function tokenShop(spec: TokenSpec, ctx: TokenContext): string | null {
  if (spec.shop === 'acting') return ctx.actingShop;
  if (spec.shop === 'other-installed') return ctx.otherInstalledShop;
  if (spec.shop === 'not-installed') return ctx.notInstalledShop;
  return null;
}

/**
 * Whether Shopify could have issued this token for an installed shop: HS256 signed with the app
 * secret, for this app, naming an installed shop (and, for admin tokens, issued by its admin),
 * unexpired, not yet valid only in the future, and living no longer than Shopify's tokens do
 * (one minute for admin id tokens, five for checkout session tokens; 30 s here).
 */
export function isAcceptable(spec: TokenSpec, ctx: TokenContext): boolean {
  const shop = tokenShop(spec, ctx);
  return (
    spec.garbage === null &&
    (spec.scheme === 'Bearer' || spec.scheme === 'bearer') &&
    spec.alg === 'HS256' &&
    !spec.extraHeader?.crit &&
    spec.key === 'app' &&
    spec.signature === 'kept' &&
    spec.aud === 'right' &&
    (shop === ctx.actingShop || shop === ctx.otherInstalledShop) &&
    (ctx.kind === 'checkout' || spec.iss === 'matching') &&
    (spec.exp === 'valid' || spec.exp === 'fraction') &&
    (spec.iat === 'missing' || spec.iat === 'now') &&
    (spec.nbf === 'missing' || spec.nbf === 'past')
  );
}

const base64url = (text: string | Buffer) => Buffer.from(text).toString('base64url');

/** A time claim's value for a description, in seconds around `now`. */
function timeClaim(choice: string, now: number): unknown {
  const values: Record<string, unknown> = {
    valid: now + 30,
    fraction: now + 30.5,
    past: now - 30,
    now,
    expired: now - 3_600,
    'too-long': now + 3_600,
    future: now + 3_600,
    'long-ago': now - 3_600,
    'year-2100': 4_102_444_800,
    string: String(now + 30),
    huge: 1e308,
  };
  return values[choice];
}

/** The Authorization header value (or null: no header) for a token description. */
export function authorizationFor(spec: TokenSpec, ctx: TokenContext): string | null {
  const now = Math.floor(Date.now() / 1000);
  const shop = tokenShop(spec, ctx);
  const host =
    shop ?? (spec.shop === 'malformed' ? 'shop-a.myshopify.com.evil.example' : undefined);
  const dest =
    host === undefined
      ? undefined
      : spec.destForm === 'bare'
        ? host
        : `https://${host}${spec.destForm === 'url-with-path' ? '/admin' : ''}`;
  const iss = {
    matching: shop ? `https://${shop}/admin` : undefined,
    'other-shop': `https://${shop === ctx.otherInstalledShop ? ctx.actingShop : ctx.otherInstalledShop}/admin`,
    missing: undefined,
    garbage: 'javascript:alert(1)',
  }[spec.iss];
  const aud = {
    right: ctx.apiKey,
    wrong: `${ctx.apiKey}x`,
    array: [ctx.apiKey],
    missing: undefined,
    number: 42,
  }[spec.aud];
  const claims: Record<string, unknown> = {
    ...spec.junk,
    iss: ctx.kind === 'admin' ? iss : undefined,
    dest,
    aud,
    sub: '1',
    sid: 'session-1',
    jti: `jti-${now}-${Math.random()}`,
    exp: timeClaim(spec.exp, now),
    iat: timeClaim(spec.iat, now),
    nbf: timeClaim(spec.nbf, now),
  };
  const header = { ...spec.extraHeader, alg: spec.alg, typ: 'JWT' };
  const signingInput = `${base64url(toJsonText(header))}.${base64url(toJsonText(claims))}`;
  const secret = { app: ctx.apiSecret, other: `${ctx.apiSecret}-not`, empty: '' }[spec.key];
  const algorithm = { HS256: 'sha256', HS384: 'sha384', HS512: 'sha512' }[spec.alg] ?? 'sha256';
  let signature =
    spec.alg === 'none'
      ? ''
      : base64url(createHmac(algorithm, secret).update(signingInput).digest());
  // The first character carries six signature bits (the last may carry padding only).
  if (spec.signature === 'flipped')
    signature = `${signature.startsWith('A') ? 'B' : 'A'}${signature.slice(1)}`;
  if (spec.signature === 'empty') signature = '';
  const token = spec.signature === 'dropped' ? signingInput : `${signingInput}.${signature}`;
  if (spec.garbage !== null) return spec.garbage === '' ? null : `Bearer ${spec.garbage}`;
  switch (spec.scheme) {
    case 'none':
      return null;
    case 'Basic':
      return `Basic ${token}`;
    case 'bare':
      return token;
    case 'trailing':
      return `Bearer ${token} extra`;
    default:
      return `${spec.scheme} ${token}`;
  }
}
