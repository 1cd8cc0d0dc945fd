import type { Client } from '@libsql/client';
import { prefixRange } from './event-stream.js';
import { ORDER_ID_SPAN } from './order-stream.js';

/**
 * Reads back what a scenario stored, from its own connection to the database file, as the set of
 * item numbers (event `<prefix>-<n>`, order `base + n`) plus the counts that would show an item
 * stored twice or a rollup that counted a row twice.
 */
export interface StoredItems {
  numbers: Set<number>;
  /** Rows in the scenario's key range; more than `numbers.size` would be a duplicated row. */
  rows: number;
  /** Checks of the rows that travel with the items (exposures, deliveries, rollups). */
  consistent: { name: string; ok: boolean; detail: string }[];
}

const num = (value: unknown) => Number(value ?? 0);

export async function storedEvents(
  client: Client,
  shop: string,
  experimentKey: string,
  prefix: string,
): Promise<StoredItems> {
  const [low, high] = prefixRange(prefix);
  const ids = await client.execute({
    sql: 'SELECT event_id, type FROM events WHERE shop = ? AND event_id >= ? AND event_id < ?',
    args: [shop, low, high],
  });
  const numbers = new Set<number>();
  let exposureEvents = 0;
  for (const row of ids.rows) {
    numbers.add(Number(String(row.event_id).slice(low.length)));
    if (row.type === 'exposure') exposureEvents += 1;
  }
  const [unitLow, unitHigh] = [`${prefix}-u`, `${prefix}-v`];
  const exposures = await client.execute({
    sql: 'SELECT count(*) AS n FROM exposures WHERE shop = ? AND experiment_key = ? AND unit >= ? AND unit < ?',
    args: [shop, experimentKey, unitLow, unitHigh],
  });
  const storedExposures = num(exposures.rows[0]?.n);
  return {
    numbers,
    rows: ids.rows.length,
    consistent: [
      {
        name: 'an exposure row for every stored exposure event',
        ok: storedExposures === exposureEvents,
        detail: `${storedExposures} exposures, ${exposureEvents} exposure events`,
      },
      await rollupMatches(client, shop, experimentKey),
    ],
  };
}

export async function storedOrders(
  client: Client,
  shop: string,
  experimentKey: string,
  base: number,
  webhookPrefix: string,
): Promise<StoredItems> {
  const ids = await client.execute({
    sql: 'SELECT order_id FROM orders WHERE shop = ? AND order_id >= ? AND order_id < ?',
    args: [shop, String(base), String(base + ORDER_ID_SPAN)],
  });
  const numbers = new Set<number>();
  for (const row of ids.rows) numbers.add(Number(row.order_id) - base);
  const [low, high] = prefixRange(webhookPrefix);
  const deliveries = await client.execute({
    sql: `SELECT count(*) AS n FROM webhook_deliveries
          WHERE shop = ? AND topic = 'orders/create' AND webhook_id >= ? AND webhook_id < ?`,
    args: [shop, low, high],
  });
  const delivered = num(deliveries.rows[0]?.n);
  return {
    numbers,
    rows: ids.rows.length,
    consistent: [
      {
        name: 'one delivery row for every stored order',
        ok: delivered === numbers.size,
        detail: `${delivered} deliveries, ${numbers.size} orders`,
      },
      await rollupMatches(client, shop, experimentKey),
    ],
  };
}

/**
 * `arm_daily` is kept by triggers inside the writing transaction; a row written twice, or a
 * trigger run twice, would make its sums drift from the rows they summarise. The pairs an order
 * counts for are those of migration 0006: linked through `order_units` under the experiment's
 * unit kind, within its outcome window.
 */
async function rollupMatches(client: Client, shop: string, experimentKey: string) {
  const result = await client.execute({
    sql: `WITH pairs AS (
            SELECT o.subtotal - o.refunded AS revenue
            FROM exposures x
            JOIN experiments e ON e.shop = x.shop AND e.key = x.experiment_key
            JOIN order_units l ON l.shop = x.shop AND l.unit_kind = e.unit_kind AND l.unit = x.unit
            JOIN orders o ON o.shop = l.shop AND o.order_id = l.order_id
            WHERE x.shop = ?1 AND x.experiment_key = ?2
              AND (e.unit_kind = 'checkout' OR o.created_at >= x.first_exposed_at)
              AND (e.outcome_window_ms IS NULL OR o.created_at < x.first_exposed_at + e.outcome_window_ms))
          SELECT
            (SELECT coalesce(sum(units), 0) FROM arm_daily WHERE shop = ?1 AND experiment_key = ?2) AS rolled,
            (SELECT count(*) FROM exposures WHERE shop = ?1 AND experiment_key = ?2) AS exposed,
            (SELECT coalesce(sum(orders), 0) FROM arm_daily WHERE shop = ?1 AND experiment_key = ?2) AS rolledOrders,
            (SELECT coalesce(sum(revenue), 0) FROM arm_daily WHERE shop = ?1 AND experiment_key = ?2) AS rolledRevenue,
            (SELECT count(*) FROM pairs) AS joinedOrders,
            (SELECT coalesce(sum(revenue), 0) FROM pairs) AS joinedRevenue`,
    args: [shop, experimentKey],
  });
  const row: Record<string, unknown> = result.rows[0] ?? {};
  const ok =
    num(row.rolled) === num(row.exposed) &&
    num(row.rolledOrders) === num(row.joinedOrders) &&
    num(row.rolledRevenue) === num(row.joinedRevenue);
  return {
    name: 'arm_daily units, orders and revenue equal the rows they summarise',
    ok,
    detail: `units ${num(row.rolled)} / exposures ${num(row.exposed)}; orders ${num(row.rolledOrders)} / linked ${num(row.joinedOrders)}; revenue ${num(row.rolledRevenue)} / ${num(row.joinedRevenue)}`,
  };
}
