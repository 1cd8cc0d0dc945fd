import type { AppContext } from '../../app-context.js';
import { readFirst } from '../../db/sql-runner.js';
import type { WebhookDelivery } from './types.js';

// Both lookups are index seeks: (shop, webhook_id) is the key, (shop, topic, event_id) an index.
const SAME_DELIVERY = 'select 1 from webhook_deliveries where shop = ? and webhook_id = ? limit 1';
const SAME_DELIVERY_OR_EVENT = `select 1 from webhook_deliveries where shop = ? and webhook_id = ?
  union all
  select 1 from webhook_deliveries where shop = ? and topic = ? and event_id = ?
  limit 1`;

/**
 * Whether this shop's delivery was processed already. Retries reuse the webhook id; the same
 * event sent again reuses the event id. Both are Shopify's ids, unique only within a shop.
 */
export async function wasDelivered(ctx: AppContext, webhook: WebhookDelivery): Promise<boolean> {
  const seen = await readFirst(
    ctx.dbClient,
    webhook.eventId
      ? {
          sql: SAME_DELIVERY_OR_EVENT,
          args: [webhook.shop, webhook.webhookId, webhook.shop, webhook.topic, webhook.eventId],
        }
      : { sql: SAME_DELIVERY, args: [webhook.shop, webhook.webhookId] },
  );
  return seen !== undefined;
}
