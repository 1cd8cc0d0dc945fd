import { sql } from 'drizzle-orm';
import { buildExperimentReport } from '../../server/domain/experiment-report.js';
import { DEFAULT_ALPHA } from '../../server/stats/index.js';
import type { BenchApp } from './bench-app.js';
import { measure, type Timing } from './timing.js';

/**
 * Times the uplift report three ways: the domain function the endpoint calls, the endpoint
 * itself through the Hono app (admin auth included), and the naive full join it replaces.
 */
interface ArmAggregate {
  arm: string;
  units: number;
  orders: number;
  revenue: number;
  squares: number;
  refunded: number;
}

// The reference aggregation of test/server/experiment-report.test.ts: every exposure joined to
// its orders by checkout token, summed per arm.
const naiveJoin = (shop: string, key: string) => sql`
  select e.arm, count(*) as units, count(o.order_id) as orders,
         coalesce(sum(o.subtotal - o.refunded), 0) as revenue,
         coalesce(sum((o.subtotal - o.refunded) * (o.subtotal - o.refunded)), 0) as squares,
         coalesce(sum(o.refunded), 0) as refunded
  from exposures e left join orders o on o.shop = e.shop and o.checkout_token = e.unit
  where e.shop = ${shop} and e.experiment_key = ${key} group by e.arm order by e.arm`;

const rolledUp = (shop: string, key: string) => sql`
  select arm, sum(units) as units, sum(orders) as orders, sum(revenue) as revenue,
         sum(revenue_squares) as squares, sum(refunded) as refunded
  from arm_daily where shop = ${shop} and experiment_key = ${key} group by arm order by arm`;

export interface ReportBench {
  domain: Timing;
  endpoint: Timing;
  naive: Timing;
  /** arm_daily (trigger-maintained) equals the naive join, arm by arm and sum by sum. */
  rollupMatchesJoin: boolean;
  arms: ArmAggregate[];
  dailyRows: number;
}

export async function benchReport(
  bench: BenchApp,
  experimentKey: string,
  runs: number,
): Promise<ReportBench> {
  const { db } = bench.ctx;
  const naiveRows = await db.all<ArmAggregate>(naiveJoin(bench.shop, experimentKey));
  const rolledRows = await db.all<ArmAggregate>(rolledUp(bench.shop, experimentKey));
  const [{ n: dailyRows } = { n: 0 }] = await db.all<{ n: number }>(
    sql`select count(*) as n from arm_daily where shop = ${bench.shop} and experiment_key = ${experimentKey}`,
  );

  const options = { engine: 'frequentist', sequential: true, alpha: DEFAULT_ALPHA } as const;
  const domain = await measure(
    () => buildExperimentReport(bench.ctx, bench.shop, experimentKey, options),
    { runs },
  );
  // One token for every run: signing is the admin's cost, not the server's.
  const token = await bench.idToken();
  const endpoint = await measure(
    async () => {
      const res = await bench.app.request(`/api/admin/experiments/${experimentKey}/report`, {
        headers: { Authorization: `Bearer ${token}` },
      });
      if (res.status !== 200) throw new Error(`report answered ${res.status}`);
      await res.json();
    },
    { runs },
  );
  const naive = await measure(() => db.all(naiveJoin(bench.shop, experimentKey)), { runs });

  return {
    domain,
    endpoint,
    naive,
    rollupMatchesJoin: JSON.stringify(naiveRows) === JSON.stringify(rolledRows),
    arms: naiveRows,
    dailyRows,
  };
}
