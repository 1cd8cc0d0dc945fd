import { sql } from 'drizzle-orm';
import type { AppContext } from '../app-context.js';

export interface OfferFunnel {
  views: number;
  adds: number;
  orders: number;
  attributedRevenue: number;
}

export interface ShopFunnel {
  byOffer: Map<string, OfferFunnel>;
  /** Orders holding a line of any offer, each counted once. */
  orders: number;
}

/**
 * views → adds → orders per offer in a time range: distinct checkouts with an impression, with an
 * add (or upgrade), and orders placed in the range that hold a line the offer added. Attributed
 * revenue is what those lines credit — the peers' headline figure, shown beside, never as, the
 * incremental one.
 */
export async function loadOfferFunnel(
  ctx: AppContext,
  shop: string,
  startMs: number,
  endMs: number,
): Promise<ShopFunnel> {
  const [interactions, lines, distinct] = await Promise.all([
    ctx.db.all<{ offerId: string; views: number; adds: number }>(sql`
      select offer_id as offerId,
             count(distinct case when type = 'impression' then unit end) as views,
             count(distinct case when type = 'add' then unit end) as adds
      from events
      where shop = ${shop} and type in ('impression', 'add')
        and occurred_at >= ${startMs} and occurred_at < ${endMs}
      group by offer_id`),
    ctx.db.all<{ offerId: string; orders: number; revenue: number }>(sql`
      select a.offer_id as offerId, count(distinct a.order_id) as orders, total(a.amount) as revenue
      from attributed_lines a
      join orders o on o.shop = a.shop and o.order_id = a.order_id
      where a.shop = ${shop} and o.created_at >= ${startMs} and o.created_at < ${endMs}
      group by a.offer_id`),
    ctx.db.all<{ orders: number }>(sql`
      select count(distinct a.order_id) as orders
      from attributed_lines a
      join orders o on o.shop = a.shop and o.order_id = a.order_id
      where a.shop = ${shop} and o.created_at >= ${startMs} and o.created_at < ${endMs}`),
  ]);
  const byOffer = new Map<string, OfferFunnel>();
  const entry = (offerId: string) => {
    let found = byOffer.get(offerId);
    if (!found) {
      found = { views: 0, adds: 0, orders: 0, attributedRevenue: 0 };
      byOffer.set(offerId, found);
    }
    return found;
  };
  for (const row of interactions) {
    const e = entry(row.offerId);
    e.views = Number(row.views);
    e.adds = Number(row.adds);
  }
  for (const row of lines) {
    const e = entry(row.offerId);
    e.orders = Number(row.orders);
    e.attributedRevenue = Number(row.revenue);
  }
  return { byOffer, orders: Number(distinct[0]?.orders ?? 0) };
}
