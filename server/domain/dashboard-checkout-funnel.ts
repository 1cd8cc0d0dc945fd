import { sql } from 'drizzle-orm';
import type { AppContext } from '../app-context.js';
import type { CheckoutFunnel } from './dashboard-types.js';

/**
 * Checkout started → completed, as a cohort: the checkouts the web pixel saw start in the range,
 * and how many of them completed at any time after. Shopify fires `checkout_started` each time a
 * shopper enters checkout, so checkouts are counted by token. A completion is the pixel's
 * `checkout_completed` or an order from the signed webhook linked to that checkout token
 * (`order_units`, written when orders/create arrives): the pixel can be blocked by consent, the
 * webhook cannot, and a completion is never invented from it.
 */
export async function loadCheckoutFunnel(
  ctx: AppContext,
  shop: string,
  startMs: number,
  endMs: number,
): Promise<CheckoutFunnel> {
  const [row] = await ctx.db.all<{ started: number; completed: number }>(sql`
    with started as (
      select distinct checkout_token as token
      from pixel_events
      where shop = ${shop} and name = 'checkout_started' and checkout_token is not null
        and occurred_at >= ${startMs} and occurred_at < ${endMs}
    )
    select count(*) as started,
           sum(case when exists (
                 select 1 from pixel_events c
                 where c.shop = ${shop} and c.checkout_token = started.token
                   and c.name = 'checkout_completed')
               or exists (
                 select 1 from order_units l
                 where l.shop = ${shop} and l.unit_kind = 'checkout' and l.unit = started.token)
               then 1 else 0 end) as completed
    from started`);
  const started = Number(row?.started ?? 0);
  const completed = Number(row?.completed ?? 0);
  return {
    started,
    completed,
    abandonmentRate: started > 0 ? 1 - completed / started : null,
  };
}
