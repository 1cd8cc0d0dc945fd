import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { ApiError } from './errors.js';

/**
 * How large a request body each part of the app accepts, by path prefix (first match wins).
 * Webhooks carry Shopify's largest orders — a 1,000-line order is ~1.1 MB and an order may have
 * 5,000 lines — so they get 10 MB; everything a browser or the admin sends is small.
 */
export interface BodyLimitRule {
  prefix: string;
  maxBytes: number;
  code: string;
  message: string;
}

const KB = 1024;
const MB = 1024 * KB;

export const BODY_LIMITS: BodyLimitRule[] = [
  {
    prefix: '/webhooks/',
    maxBytes: 10 * MB,
    code: 'payload_too_large',
    message: 'A webhook body may be at most 10 MB.',
  },
  {
    prefix: '/api/pixel/',
    maxBytes: 16 * KB,
    code: 'batch_too_large',
    message: 'A pixel batch may be at most 16 KB.',
  },
  {
    prefix: '/api/checkout/',
    maxBytes: 64 * KB,
    code: 'batch_too_large',
    message: 'An event batch may be at most 64 KB.',
  },
  {
    prefix: '/api/admin/',
    maxBytes: 256 * KB,
    code: 'payload_too_large',
    message: 'Request body is larger than 256 KB.',
  },
];

export const DEFAULT_BODY_LIMIT: Omit<BodyLimitRule, 'prefix'> = {
  maxBytes: 64 * KB,
  code: 'payload_too_large',
  message: 'Request body is larger than 64 KB.',
};

/**
 * A 413 closes the connection (`Connection: close`): the rest of the oversized body is still on
 * the wire, so the connection cannot carry another request. Saying so lets a keep-alive client
 * open a fresh connection for its next request instead of writing it into a socket that is
 * about to close.
 */
function tooLarge(rule: Omit<BodyLimitRule, 'prefix'>): never {
  throw new ApiError(413, rule.code, rule.message, { Connection: 'close' });
}

/**
 * A body that declares its length (and no transfer coding) is checked by that header alone:
 * Node's HTTP parser reads exactly `Content-Length` bytes, never more. Only a chunked body is
 * left to Hono's `bodyLimit`, which counts the bytes as they stream. The split is for speed as
 * much as for sense: `bodyLimit` looks at `request.body`, and on @hono/node-server that turns the
 * lightweight request into a full WHATWG Request with a web stream over the socket — about a
 * third of an ingestion request's CPU in the issue 9 profile — where `request.text()` on the
 * lightweight request reads the Node stream directly.
 */
function limitTo(rule: Omit<BodyLimitRule, 'prefix'>): MiddlewareHandler {
  const streamed = bodyLimit({ maxSize: rule.maxBytes, onError: () => tooLarge(rule) });
  return function limitBody(c, next) {
    const method = c.req.method;
    if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS') return next();
    const declared = c.req.header('Content-Length');
    if (declared !== undefined && c.req.header('Transfer-Encoding') === undefined) {
      if (!/^\d+$/.test(declared)) {
        throw new ApiError(400, 'invalid_content_length', 'Content-Length is not a number.');
      }
      if (Number(declared) > rule.maxBytes) tooLarge(rule);
      return next();
    }
    return streamed(c, next);
  };
}

/** One middleware for the whole app that applies each path's limit. */
export function limitBodies(
  rules: BodyLimitRule[] = BODY_LIMITS,
  fallback = DEFAULT_BODY_LIMIT,
): MiddlewareHandler {
  const limiters = rules.map((rule) => ({ prefix: rule.prefix, limit: limitTo(rule) }));
  const fallbackLimit = limitTo(fallback);
  return function limitBody(c, next) {
    const path = c.req.path;
    const match = limiters.find((l) => path.startsWith(l.prefix));
    return (match?.limit ?? fallbackLimit)(c, next);
  };
}
