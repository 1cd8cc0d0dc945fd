import { and, eq, or } from 'drizzle-orm';
import { Hono } from 'hono';
import { quarantinedWebhooks, webhookDeliveries } from '../../../drizzle/schema.js';
import type { AppContext, AppEnv } from '../../app-context.js';
import { type VerifiedWebhook, verifyWebhook } from '../../auth/webhook-auth.js';
import { InvalidPayloadError } from '../../domain/invalid-payload.js';
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

/**
 * Whether this shop's delivery was processed already. Retries reuse the webhook id; the same
 * event sent again reuses the event id. Both are Shopify's ids, unique only within a shop.
 */
async function isDelivered(ctx: AppContext, webhook: VerifiedWebhook) {
  const sameDelivery = eq(webhookDeliveries.webhookId, webhook.webhookId);
  const seen = await ctx.db
    .select({ id: webhookDeliveries.webhookId })
    .from(webhookDeliveries)
    .where(
      and(
        eq(webhookDeliveries.shop, webhook.shop),
        webhook.eventId
          ? or(
              sameDelivery,
              and(
                eq(webhookDeliveries.topic, webhook.topic),
                eq(webhookDeliveries.eventId, webhook.eventId),
              ),
            )
          : sameDelivery,
      ),
    )
    .get();
  return seen !== undefined;
}

/** The resource a payload names (order id, refund id …), so an operator can fetch it again. */
function resourceIdOf(payload: unknown): string | null {
  const id = (payload as { id?: unknown } | null)?.id;
  return (typeof id === 'number' && Number.isFinite(id)) || (typeof id === 'string' && id !== '')
    ? String(id).slice(0, 64)
    : null;
}

export function createWebhookRoutes(ctx: AppContext) {
  const app = new Hono<AppEnv>();
  for (const [topic, handle] of Object.entries(WEBHOOK_HANDLERS)) {
    app.post(`/${topic}`, async (c) => {
      const webhook = await verifyWebhook(ctx, c.req.raw, topic);
      if (await isDelivered(ctx, webhook)) return c.json({ ok: true, duplicate: true });
      const receivedAt = Date.now();
      const delivery = ctx.db
        .insert(webhookDeliveries)
        .values({
          shop: webhook.shop,
          webhookId: webhook.webhookId,
          topic,
          eventId: webhook.eventId,
          receivedAt,
        })
        .onConflictDoNothing();
      let writes: Awaited<ReturnType<WebhookHandler>>;
      try {
        writes = await handle(ctx, webhook);
      } catch (error) {
        if (!(error instanceof InvalidPayloadError)) throw error;
        // Signed by Shopify yet never acceptable: retrying cannot help, so acknowledge it and set
        // it aside (without its body, which carries PII) for an operator to look at.
        await ctx.db.batch([
          delivery,
          ctx.db
            .insert(quarantinedWebhooks)
            .values({
              shop: webhook.shop,
              webhookId: webhook.webhookId,
              topic,
              eventId: webhook.eventId,
              resourceId: resourceIdOf(webhook.payload),
              reason: `${error.code}: ${error.message}`.slice(0, 500),
              receivedAt,
            })
            .onConflictDoNothing(),
        ]);
        ctx.logger.warn('webhook quarantined', {
          shop: webhook.shop,
          topic,
          webhookId: webhook.webhookId,
          code: error.code,
          reason: error.message,
        });
        return c.json({ ok: true, duplicate: false, quarantined: true });
      }
      await ctx.db.batch([delivery, ...writes]);
      ctx.logger.info('webhook processed', { shop: webhook.shop, topic, writes: writes.length });
      return c.json({ ok: true, duplicate: false });
    });
  }
  return app;
}
