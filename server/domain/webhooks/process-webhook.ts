import type { InValue } from '@libsql/client';
import type { AppContext } from '../../app-context.js';
import { type GroupCommit, type GroupWrite, groupCommitFor } from '../../db/group-commit.js';
import type { SqlStatement } from '../../db/sql-runner.js';
import { InvalidPayloadError } from '../invalid-payload.js';
import { shopCacheFor } from '../shop-cache.js';
import { WEBHOOK_HANDLERS } from './handlers.js';
import type { WebhookDelivery, WebhookWrite } from './types.js';
import { wasDelivered } from './was-delivered.js';

export type WebhookOutcome = 'processed' | 'duplicate' | 'quarantined';

const ENDS_THE_SHOP = new Set(['app/uninstalled', 'shop/redact']);

const RECORD_DELIVERY = `insert into webhook_deliveries (shop, webhook_id, topic, event_id, received_at)
  values (?, ?, ?, ?, ?) on conflict do nothing`;
const QUARANTINE = `insert into quarantined_webhooks
  (shop, webhook_id, topic, event_id, resource_id, reason, received_at)
  values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing`;

/**
 * Applies a verified delivery once: a redelivery changes nothing; otherwise the topic's writes
 * and the delivery record are committed together. A payload that can never be accepted is
 * quarantined (docs/architecture.md, "Failure modes").
 */
export async function processWebhook(
  ctx: AppContext,
  webhook: WebhookDelivery,
): Promise<WebhookOutcome> {
  const handle = WEBHOOK_HANDLERS[webhook.topic];
  if (!handle) throw new Error(`no handler for ${webhook.topic}`);
  if (await wasDelivered(ctx, webhook)) return 'duplicate';
  const receivedAt = Date.now();
  const delivery: SqlStatement = {
    sql: RECORD_DELIVERY,
    args: [webhook.shop, webhook.webhookId, webhook.topic, webhook.eventId, receivedAt],
  };
  let writes: WebhookWrite[];
  try {
    writes = await handle(ctx, webhook);
  } catch (error) {
    if (!(error instanceof InvalidPayloadError)) throw error;
    await commit(ctx, [delivery, quarantineRow(webhook, error, receivedAt)]);
    ctx.logger.warn('webhook quarantined', {
      shop: webhook.shop,
      topic: webhook.topic,
      webhookId: webhook.webhookId,
      code: error.code,
      reason: error.message,
    });
    return 'quarantined';
  }
  await commit(ctx, [delivery, ...writes.map(toStatement)]);
  // What this process keeps about the shop is gone with it; other processes see the shops row.
  if (ENDS_THE_SHOP.has(webhook.topic)) shopCacheFor(ctx).forget(webhook.shop);
  // Counted by the access log's summary; per delivery only when debugging.
  ctx.logger.debug('webhook processed', {
    shop: webhook.shop,
    topic: webhook.topic,
    writes: writes.length,
  });
  return 'processed';
}

/**
 * Deliveries arriving together are committed together (db/group-commit.ts), each one's statements
 * in arrival order — as if written one after another — and answered after that COMMIT.
 */
function commit(ctx: AppContext, statements: SqlStatement[]): Promise<void> {
  return webhookWriterFor(ctx).submit(statements);
}

/** The process's group-commit writer for webhook deliveries. */
export function webhookWriterFor(ctx: AppContext): GroupCommit<SqlStatement[], void> {
  return groupCommitFor(ctx, 'webhooks', planDeliveries);
}

function planDeliveries(deliveries: SqlStatement[][]): GroupWrite<void> {
  return { statements: deliveries.flat(), answers: () => deliveries.map(() => undefined) };
}

/**
 * Signed by Shopify yet never acceptable: retrying cannot help, so it is acknowledged and set
 * aside, without its body (which carries PII), for an operator to look at.
 */
function quarantineRow(
  webhook: WebhookDelivery,
  error: InvalidPayloadError,
  receivedAt: number,
): SqlStatement {
  return {
    sql: QUARANTINE,
    args: [
      webhook.shop,
      webhook.webhookId,
      webhook.topic,
      webhook.eventId,
      resourceIdOf(webhook.payload),
      `${error.code}: ${error.message}`.slice(0, 500),
      receivedAt,
    ],
  };
}

function toStatement(write: WebhookWrite): SqlStatement {
  const { sql, params } = write.toSQL();
  return { sql, args: params as InValue[] };
}

/** The resource a payload names (order id, refund id …), so an operator can fetch it again. */
function resourceIdOf(payload: unknown): string | null {
  const id = (payload as { id?: unknown } | null)?.id;
  return (typeof id === 'number' && Number.isFinite(id)) || (typeof id === 'string' && id !== '')
    ? String(id).slice(0, 64)
    : null;
}
