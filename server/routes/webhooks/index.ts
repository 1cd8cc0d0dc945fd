import { and, eq, or } from 'drizzle-orm';
import { Hono } from 'hono';
import { webhookDeliveries } from '../../../drizzle/schema.js';
import type { AppContext, AppEnv } from '../../app-context.js';
import { verifyWebhook } from '../../auth/webhook-auth.js';
import { handleAppUninstalled, handleScopesUpdate } from './app-lifecycle.js';
import {
  handleCustomersDataRequest,
  handleCustomersRedact,
  handleShopRedact,
} from './compliance.js';
import { handleOrdersCreate } from './orders-create.js';
import { handleRefundsCreate } from './refunds-create.js';
import type { WebhookHandler } from './types.js';

/** Topic → handler. `shopify.app.toml` subscribes each topic to `/webhooks/<topic>`. */
export const WEBHOOK_HANDLERS: Record<string, WebhookHandler> = {
  'app/uninstalled': handleAppUninstalled,
  'app/scopes_update': handleScopesUpdate,
  'orders/create': handleOrdersCreate,
  'refunds/create': handleRefundsCreate,
  'customers/data_request': handleCustomersDataRequest,
  'customers/redact': handleCustomersRedact,
  'shop/redact': handleShopRedact,
};

export function createWebhookRoutes(ctx: AppContext) {
  const app = new Hono<AppEnv>();
  for (const [topic, handle] of Object.entries(WEBHOOK_HANDLERS)) {
    app.post(`/${topic}`, async (c) => {
      const webhook = await verifyWebhook(ctx, c.req.raw, topic);
      const seen = await ctx.db
        .select({ id: webhookDeliveries.webhookId })
        .from(webhookDeliveries)
        .where(
          // Retries reuse the webhook id; the same event sent again reuses the event id.
          webhook.eventId
            ? or(
                eq(webhookDeliveries.webhookId, webhook.webhookId),
                and(
                  eq(webhookDeliveries.shop, webhook.shop),
                  eq(webhookDeliveries.topic, topic),
                  eq(webhookDeliveries.eventId, webhook.eventId),
                ),
              )
            : eq(webhookDeliveries.webhookId, webhook.webhookId),
        )
        .get();
      if (seen) return c.json({ ok: true, duplicate: true });
      const writes = await handle(ctx, webhook);
      await ctx.db.batch([
        ctx.db
          .insert(webhookDeliveries)
          .values({
            webhookId: webhook.webhookId,
            shop: webhook.shop,
            topic,
            eventId: webhook.eventId,
            receivedAt: Date.now(),
          })
          .onConflictDoNothing(),
        ...writes,
      ]);
      ctx.logger.info('webhook processed', { shop: webhook.shop, topic, writes: writes.length });
      return c.json({ ok: true, duplicate: false });
    });
  }
  return app;
}
