import type { MiddlewareHandler } from 'hono';
import { ApiError } from './errors.js';

/**
 * A fixed-window limiter kept in process memory. It protects the public pixel endpoint from a
 * single noisy client; with several replicas each enforces its own share, which is enough for
 * abuse damping (the webhook, not the pixel, is the source of truth).
 */
export function rateLimit(options: {
  windowMs: number;
  max: number;
  key: (c: Parameters<MiddlewareHandler>[0]) => string;
}): MiddlewareHandler {
  const windows = new Map<string, { start: number; count: number }>();
  return async function limitRate(c, next) {
    const now = Date.now();
    const key = options.key(c);
    let window = windows.get(key);
    if (!window || now - window.start >= options.windowMs) {
      if (windows.size > 50_000) windows.clear();
      window = { start: now, count: 0 };
      windows.set(key, window);
    }
    window.count += 1;
    if (window.count > options.max) {
      const retry = Math.ceil((window.start + options.windowMs - now) / 1000);
      throw new ApiError(429, 'rate_limited', 'Too many requests; slow down.', {
        'Retry-After': String(retry),
      });
    }
    await next();
  };
}
