import type { IncomingMessage } from 'node:http';
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../app-context.js';
import { ApiError } from '../http/errors.js';

/** Names that always mean this machine; a DNS-rebinding attacker can only bring its own name. */
const LOOPBACK_NAMES = new Set(['127.0.0.1', 'localhost', '[::1]']);
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Guards the demo routes, which mint admin and checkout tokens and create orders for anyone who
 * can reach them. Loopback binding keeps other machines out; this keeps other *sites* out:
 *
 * - Host must be a loopback name with the port of the socket the request arrived on, so a page
 *   whose own domain was re-pointed at 127.0.0.1 (DNS rebinding) is refused.
 * - A state-changing request must not come from another origin: a foreign `Origin`, or (when a
 *   browser sent none) a `Sec-Fetch-Site` other than same-origin, is refused whatever the content
 *   type. hono/csrf is not used because it lets every JSON request through, and its 403 does not
 *   carry our error body.
 *
 * Requests with no socket (in-process `app.request` in tests) have no network to rebind; for
 * them only the host name is checked.
 */
export function localOnly(): MiddlewareHandler<AppEnv> {
  return async function requireLocalRequest(c, next) {
    const host = requestHost(c);
    if (!host || !isLocalHost(c, host)) {
      throw new ApiError(
        403,
        'host_not_allowed',
        'Demo routes answer only on the loopback address the server listens on.',
      );
    }
    if (!SAFE_METHODS.has(c.req.method) && isCrossSite(c, host)) {
      throw new ApiError(
        403,
        'cross_site_request',
        'Demo routes accept state-changing requests from their own origin only.',
      );
    }
    await next();
  };
}

function requestHost(c: Context<AppEnv>): URL | null {
  try {
    return new URL(`http://${c.req.header('host') ?? new URL(c.req.url).host}`);
  } catch {
    return null;
  }
}

function isLocalHost(c: Context<AppEnv>, host: URL): boolean {
  if (!LOOPBACK_NAMES.has(host.hostname)) return false;
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  if (!incoming) return true;
  const port = host.port === '' ? 80 : Number(host.port);
  return port === incoming.socket.localPort;
}

function isCrossSite(c: Context<AppEnv>, host: URL): boolean {
  const origin = c.req.header('origin');
  if (origin !== undefined) {
    try {
      return new URL(origin).origin !== host.origin;
    } catch {
      // `Origin: null` (sandboxed frames, file: pages) or garbage.
      return true;
    }
  }
  const site = c.req.header('sec-fetch-site');
  return site !== undefined && site !== 'same-origin' && site !== 'none';
}
