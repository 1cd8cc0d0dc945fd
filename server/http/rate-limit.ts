import type { Context, MiddlewareHandler } from 'hono';
import { ApiError } from './errors.js';

/**
 * Fixed-window rate limits kept in process memory, for the public endpoints (pixel, checkout
 * events). With several replicas each enforces its own share, which is enough for abuse damping:
 * the signed webhook, not these endpoints, is the source of truth for revenue.
 */
export interface RateLimit {
  /** Requests allowed per key in one window. */
  max: number;
  windowMs: number;
}

export interface RateLimitPolicy {
  /** One client (address, see http/client-address.ts) posting pixel batches. */
  pixelPerClient: RateLimit;
  /** All pixel batches naming one shop. */
  pixelPerShop: RateLimit;
  /** One client posting checkout event batches, counted before the session token is checked. */
  checkoutPerClient: RateLimit;
  /** All checkout event batches with one shop's session tokens. */
  checkoutPerShop: RateLimit;
}

const MINUTE = 60_000;

/**
 * One shopper's checkout sends a few batches (events are micro-batched, ≤ 50 a batch); a client
 * address can stand for many shoppers behind one NAT, hence the headroom. A shop's budget is
 * about half of what one replica ingests (docs/benchmarks.md), so no one shop — or one leaked
 * session token — can starve the others.
 */
export const DEFAULT_RATE_LIMITS: RateLimitPolicy = {
  pixelPerClient: { max: 120, windowMs: MINUTE },
  pixelPerShop: { max: 6_000, windowMs: MINUTE },
  checkoutPerClient: { max: 600, windowMs: MINUTE },
  checkoutPerShop: { max: 6_000, windowMs: MINUTE },
};

export function rateLimitPolicy(overrides: Partial<RateLimitPolicy> = {}): RateLimitPolicy {
  return { ...DEFAULT_RATE_LIMITS, ...overrides };
}

export type RateDecision = { allowed: true } | { allowed: false; retryAfterMs: number };

/**
 * Counts requests per key in fixed windows, holding at most `capacity` keys. Every hit moves its
 * key to the back of the map's insertion order, so when a new key arrives past capacity the
 * least recently seen key is dropped: memory stays bounded, and a flood of new keys can only
 * evict quiet clients (whose count restarts), never the busy client it is limiting.
 */
export class FixedWindowLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    readonly limit: RateLimit,
    readonly capacity = 50_000,
  ) {}

  get size() {
    return this.windows.size;
  }

  hit(key: string, now = Date.now()): RateDecision {
    let window = this.windows.get(key);
    if (window) this.windows.delete(key);
    if (!window || now - window.start >= this.limit.windowMs) window = { start: now, count: 0 };
    window.count += 1;
    this.windows.set(key, window);
    if (this.windows.size > this.capacity) {
      const oldest = this.windows.keys().next();
      if (!oldest.done) this.windows.delete(oldest.value);
    }
    if (window.count <= this.limit.max) return { allowed: true };
    return { allowed: false, retryAfterMs: window.start + this.limit.windowMs - now };
  }
}

/** Counts one request for `key`, or throws 429 `rate_limited` with Retry-After (seconds). */
export function enforceRate(limiter: FixedWindowLimiter, key: string, what: string) {
  const decision = limiter.hit(key);
  if (decision.allowed) return;
  const seconds = Math.max(1, Math.ceil(decision.retryAfterMs / 1000));
  throw new ApiError(429, 'rate_limited', `Too many ${what}; retry in ${seconds} s.`, {
    'Retry-After': String(seconds),
  });
}

/** Middleware form of enforceRate, keyed by something the request carries before its body. */
export function rateLimit(
  limiter: FixedWindowLimiter,
  key: (c: Context) => string,
  what: string,
): MiddlewareHandler {
  return async function limitRate(c, next) {
    enforceRate(limiter, key(c), what);
    await next();
  };
}
