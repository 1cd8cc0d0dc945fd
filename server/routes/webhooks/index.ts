import { Hono } from 'hono';
import type { AppContext, AppEnv } from '../../app-context.js';
import { verifyWebhook } from '../../auth/webhook-auth.js';
import { processWebhook, WEBHOOK_HANDLERS } from '../../domain/webhooks/index.js';

/**
 * One route per topic (`shopify.app.toml` subscribes each to `/webhooks/<topic>`). A route only
 * authenticates the delivery and hands it to the domain (domain/webhooks/).
 */
export function createWebhookRoutes(ctx: AppContext) {
  const app = new Hono<AppEnv>();
  for (const topic of Object.keys(WEBHOOK_HANDLERS)) {
    app.post(`/${topic}`, async (c) => {
      const webhook = await verifyWebhook(ctx, c.req.raw, topic);
      const outcome = await processWebhook(ctx, webhook);
      if (outcome === 'duplicate') return c.json({ ok: true, duplicate: true });
      if (outcome === 'quarantined')
        return c.json({ ok: true, duplicate: false, quarantined: true });
      return c.json({ ok: true, duplicate: false });
    });
  }
  return app;
}
