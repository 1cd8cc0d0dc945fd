import { Hono, type MiddlewareHandler } from 'hono';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import type { AppContext, AppEnv } from './app-context.js';
import { accessLog } from './http/access-log.js';
import { limitBodies } from './http/body-limit.js';
import { compressResponses } from './http/compression.js';
import { createErrorHandler, handleNotFound } from './http/errors.js';
import { isIngestionPath } from './http/ingestion-paths.js';
import { createAdminRoutes } from './routes/admin/index.js';
import { createAdminDocumentRoutes } from './routes/admin-document.js';
import { createCheckoutRoutes } from './routes/checkout/index.js';
import { createFaviconRoutes } from './routes/favicon.js';
import { createHealthRoutes } from './routes/health.js';
import { createPixelRoutes } from './routes/pixel/index.js';
import { createProxyRoutes } from './routes/proxy/index.js';
import { createWebhookRoutes } from './routes/webhooks/index.js';

/**
 * Hono's secure headers on every answer, except the ingestion paths' (http/ingestion-paths.ts):
 * their answers are a few bytes of JSON read by a script, where the document protections (framing,
 * referrer, cross-origin isolation, HSTS — which the admin's own pages carry) do nothing, and each
 * header is a Headers.set per request at checkout peak. They keep `nosniff`.
 */
function securityHeaders(): MiddlewareHandler<AppEnv> {
  // Framing is governed per page by CSP frame-ancestors (admin pages must be framable by Shopify).
  const full = secureHeaders({ xFrameOptions: false, contentSecurityPolicy: undefined });
  const ingestion = secureHeaders({
    contentSecurityPolicy: undefined,
    crossOriginEmbedderPolicy: false,
    crossOriginResourcePolicy: false,
    crossOriginOpenerPolicy: false,
    originAgentCluster: false,
    referrerPolicy: false,
    strictTransportSecurity: false,
    xContentTypeOptions: true,
    xDnsPrefetchControl: false,
    xDownloadOptions: false,
    xFrameOptions: false,
    xPermittedCrossDomainPolicies: false,
    xXssProtection: false,
  });
  return (c, next) => (isIngestionPath(c.req.path) ? ingestion(c, next) : full(c, next));
}

const allowAnyOrigin: MiddlewareHandler<AppEnv> = (c, next) => {
  c.header('Access-Control-Allow-Origin', '*');
  return next();
};

/** Extra routes mounted by the caller, e.g. the demo pages in demo mode. */
export type RouteMount = (app: Hono<AppEnv>) => void;

export function createApp(ctx: AppContext, mounts: RouteMount[] = []) {
  const app = new Hono<AppEnv>();
  app.use('*', requestId());
  app.use('*', accessLog(ctx.logger));
  app.use('*', securityHeaders());
  // Brotli/gzip for text bodies of 1 KB and more, error answers included (http/compression.ts).
  app.use('*', compressResponses());
  // The checkout extension and the web pixel read answers cross-origin, refusals included: a 413
  // or a per-client 429 is thrown before their routes run, and an answer without this header
  // reaches their fetch as an opaque network error (no status, no Retry-After).
  app.use('/api/checkout/*', allowAnyOrigin);
  app.use('/api/pixel/*', allowAnyOrigin);
  // Per-route body limits (http/body-limit.ts), applied before any route reads or authenticates.
  app.use('*', limitBodies());
  app.onError(createErrorHandler(ctx.logger));
  app.notFound(handleNotFound);

  app.route('/', createHealthRoutes(ctx));
  app.route('/', createFaviconRoutes());
  app.route('/', createAdminDocumentRoutes(ctx));
  app.route('/api/admin', createAdminRoutes(ctx));
  app.route('/api/checkout', createCheckoutRoutes(ctx));
  app.route('/api/pixel', createPixelRoutes(ctx));
  app.route('/proxy', createProxyRoutes(ctx));
  app.route('/webhooks', createWebhookRoutes(ctx));
  for (const mount of mounts) mount(app);
  return app;
}
