import type { MiddlewareHandler } from 'hono';
import type { Logger } from '../logger.js';

/** One line per request: method, path (never the query — it can carry tokens), status, time. */
export function accessLog(logger: Logger): MiddlewareHandler {
  return async function logRequest(c, next) {
    const started = performance.now();
    await next();
    logger.info('request', {
      requestId: c.get('requestId'),
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Math.round(performance.now() - started),
    });
  };
}
