import type { InValue } from '@libsql/client';
import type { AppContext } from '../../app-context.js';
import { type GroupCommit, type GroupWrite, groupCommitFor } from '../../db/group-commit.js';
import { multiRowInsert } from '../../db/multi-row.js';
import type { SqlStatement } from '../../db/sql-runner.js';
import { InvalidPayloadError } from '../invalid-payload.js';
import { shopCacheFor } from '../shop-cache.js';
import { WEBHOOK_HANDLERS } from './handlers.js';
import { RowInsert, type RowShape, type WebhookDelivery, type WebhookWrite } from './types.js';
import { wasDelivered } from './was-delivered.js';

export type WebhookOutcome = 'processed' | 'duplicate' | 'quarantined';

const ENDS_THE_SHOP = new Set(['app/uninstalled', 'shop/redact']);

const RECORD_DELIVERY: RowShape = {
  into: 'insert into webhook_deliveries (shop, webhook_id, topic, event_id, received_at)',
  row: '(?, ?, ?, ?, ?)',
  tail: 'on conflict do nothing',
};
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
  const delivery = new RowInsert(RECORD_DELIVERY, [
    webhook.shop,
    webhook.webhookId,
    webhook.topic,
    webhook.eventId,
    receivedAt,
  ]);
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
  await commit(ctx, [delivery, ...writes.map(toPlanned)]);
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

/** A delivery's writes as group commit receives them: SQL, or one-row inserts it may merge. */
type PlannedWrite = SqlStatement | RowInsert;

/**
 * Deliveries arriving together are committed together (db/group-commit.ts) and answered after
 * that COMMIT; the result is that of writing them one after another (see planDeliveries).
 */
function commit(ctx: AppContext, writes: PlannedWrite[]): Promise<void> {
  return webhookWriterFor(ctx).submit(writes);
}

/** The process's group-commit writer for webhook deliveries. */
export function webhookWriterFor(ctx: AppContext): GroupCommit<PlannedWrite[], void> {
  return groupCommitFor(ctx, 'webhooks', planDeliveries);
}

/**
 * The statements of a group. Each delivery's writes stay in its order and deliveries in arrival
 * order, except that a run of consecutive deliveries made only of one-row inserts (a signed
 * orders/create: its delivery record, order, unit links and credited lines) is written one insert
 * at a time, each with the rows of the whole run: the delivery records, then the orders, then the
 * links… — a few multi-row statements instead of four or five per delivery (a third of the SQL
 * cost of a delivery in a micro-benchmark). That order gives the same rows as the one-by-one
 * order: every insert is `on conflict do nothing`, so the first of two equal keys wins either way;
 * `webhook_deliveries` and `attributed_lines` have no triggers; and the `arm_daily` triggers read
 * another order only through its `order_units` link, which comes after all of the run's orders in
 * both orders (an order's own insert trigger finds its links only if the order was already stored,
 * and then it is not inserted again). A run whose deliveries name the inserts in different orders
 * is written one by one, as is every delivery with another kind of write.
 */
export function planDeliveries(deliveries: PlannedWrite[][]): GroupWrite<void> {
  const statements: SqlStatement[] = [];
  let run: RowInsert[][] = [];
  for (const writes of deliveries) {
    if (writes.every(isRowInsert)) {
      run.push(writes);
      continue;
    }
    writeRun(run, statements);
    run = [];
    for (const write of writes) statements.push(toStatement(write));
  }
  writeRun(run, statements);
  return { statements, answers: () => deliveries.map(() => undefined) };
}

function isRowInsert(write: PlannedWrite): write is RowInsert {
  return write instanceof RowInsert;
}

/** The run's inserts merged per statement, in the order the run's deliveries name them. */
function writeRun(run: RowInsert[][], statements: SqlStatement[]) {
  const rows = new Map<RowShape, RowInsert[]>();
  for (const writes of run) {
    for (const write of writes) {
      const same = rows.get(write.shape);
      if (same) same.push(write);
      else rows.set(write.shape, [write]);
    }
  }
  if (!inOneOrder(run, [...rows.keys()])) {
    for (const writes of run) for (const write of writes) statements.push(toStatement(write));
    return;
  }
  for (const [shape, same] of rows) {
    const params = same.map((write) => write.params as InValue[]);
    statements.push(...multiRowInsert(shape.into, shape.row, shape.tail, params));
  }
}

/** Whether every delivery names the inserts in the order of `shapes` (first appearance). */
function inOneOrder(run: RowInsert[][], shapes: RowShape[]): boolean {
  const rank = new Map(shapes.map((shape, i) => [shape, i]));
  for (const writes of run) {
    let last = 0;
    for (const write of writes) {
      const at = rank.get(write.shape) as number;
      if (at < last) return false;
      last = at;
    }
  }
  return true;
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

function toPlanned(write: WebhookWrite): PlannedWrite {
  if (write instanceof RowInsert) return write;
  const { sql, params } = write.toSQL();
  return { sql, args: params as InValue[] };
}

function toStatement(write: PlannedWrite): SqlStatement {
  if (!(write instanceof RowInsert)) return write;
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
