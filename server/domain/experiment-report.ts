import { type AnyColumn, and, asc, eq, sql } from 'drizzle-orm';
import {
  armDaily,
  attributedLines,
  events,
  experiments,
  offers,
  orders,
} from '../../drizzle/schema.js';
import type { AppContext } from '../app-context.js';
import { ApiError } from '../http/errors.js';
import {
  type ArmSums,
  checkSampleRatio,
  compareArms,
  incrementalTotal,
  type StatsEngine,
  type StatsWarning,
} from '../stats/index.js';
import { currencyDigits } from './money.js';
import { describeVerdict } from './report-verdict.js';
import { getShop } from './shops.js';

/**
 * The experiment report: per-arm metrics from the `arm_daily` rollup (a few rows per day, so the
 * cost does not grow with units), compared holdout vs treatment with the statistics engine.
 * Revenue is net of refunds; the primary metric is revenue per exposed unit.
 */
export interface ReportOptions {
  engine: StatsEngine;
  sequential: boolean;
  alpha: number;
}

interface ArmTotals {
  units: number;
  orders: number;
  revenue: number;
  revenueSquares: number;
  discounts: number;
  refunded: number;
}

const EMPTY: ArmTotals = {
  units: 0,
  orders: 0,
  revenue: 0,
  revenueSquares: 0,
  discounts: 0,
  refunded: 0,
};

function add(a: ArmTotals, b: ArmTotals): ArmTotals {
  return {
    units: a.units + b.units,
    orders: a.orders + b.orders,
    revenue: a.revenue + b.revenue,
    revenueSquares: a.revenueSquares + b.revenueSquares,
    discounts: a.discounts + b.discounts,
    refunded: a.refunded + b.refunded,
  };
}

const revenueSums = (t: ArmTotals): ArmSums => ({
  n: t.units,
  sum: t.revenue,
  sumSquares: t.revenueSquares,
});
const conversionSums = (t: ArmTotals): ArmSums => ({
  n: t.units,
  sum: t.orders,
  sumSquares: t.orders,
});
// AOV per unit: numerator revenue, denominator orders (0 or 1), so Σd² = Σd and Σyd = Σy.
const aovSums = (t: ArmTotals): ArmSums => ({
  n: t.units,
  sum: t.revenue,
  sumSquares: t.revenueSquares,
  denominatorSum: t.orders,
  denominatorSumSquares: t.orders,
  crossSum: t.revenue,
});

function statsOptions(options: ReportOptions, minSampleSize: number) {
  return {
    engine: options.engine,
    alpha: options.alpha,
    minSampleSize,
    ...(options.sequential && options.engine === 'frequentist' ? { sequential: {} } : {}),
  };
}

// Sums are read as REAL: a sum of squared order values passes 2⁵³ with one order above ~950,000
// in a two-decimal currency, and libSQL refuses to hand back an integer it cannot represent
// exactly — one such row would fail every later report. The statistics work in doubles anyway.
const asReal = (column: AnyColumn) => sql<number>`cast(${column} as real)`;

export async function loadArmDaily(ctx: AppContext, shop: string, experimentKey: string) {
  return ctx.db
    .select({
      shop: armDaily.shop,
      experimentKey: armDaily.experimentKey,
      arm: armDaily.arm,
      day: armDaily.day,
      units: armDaily.units,
      orders: armDaily.orders,
      revenue: asReal(armDaily.revenue),
      revenueSquares: asReal(armDaily.revenueSquares),
      discounts: asReal(armDaily.discounts),
      refunded: asReal(armDaily.refunded),
    })
    .from(armDaily)
    .where(and(eq(armDaily.shop, shop), eq(armDaily.experimentKey, experimentKey)))
    .orderBy(asc(armDaily.day));
}

export async function buildExperimentReport(
  ctx: AppContext,
  shop: string,
  experimentKey: string,
  options: ReportOptions,
) {
  const experiment = await ctx.db.query.experiments.findFirst({
    where: and(eq(experiments.shop, shop), eq(experiments.key, experimentKey)),
  });
  if (!experiment)
    throw new ApiError(404, 'experiment_not_found', `No experiment ${experimentKey} in this shop.`);
  const offer = await ctx.db.query.offers.findFirst({
    where: and(eq(offers.shop, shop), eq(offers.id, experiment.offerId)),
  });
  const currency = (await getShop(ctx.db, shop))?.currency ?? 'USD';
  const control = experiment.arms.find((a) => a.holdout);
  const treatment = experiment.arms.find((a) => !a.holdout);
  if (!control || !treatment)
    throw new ApiError(409, 'no_holdout', 'This experiment has no holdout arm to compare with.');

  const daily = await loadArmDaily(ctx, shop, experimentKey);
  const totals = new Map<string, ArmTotals>();
  for (const row of daily) totals.set(row.arm, add(totals.get(row.arm) ?? EMPTY, row));
  const until = experiment.stoppedAt ?? Number.MAX_SAFE_INTEGER;
  const [attributed, attaches] = await Promise.all([
    ctx.db
      .select({
        arm: attributedLines.arm,
        revenue: sql<number>`total(${attributedLines.amount})`,
      })
      .from(attributedLines)
      .innerJoin(
        orders,
        and(eq(orders.shop, attributedLines.shop), eq(orders.orderId, attributedLines.orderId)),
      )
      .where(
        and(
          eq(attributedLines.shop, shop),
          eq(attributedLines.offerId, experiment.offerId),
          // The unary `+` keeps SQLite from driving the join by the orders' time index (every
          // order since the start × every offer line: ~90 s at 1 M units). This way it walks the
          // offer's lines and fetches each order by primary key (docs/benchmarks.md).
          sql`+${orders.createdAt} >= ${experiment.startedAt}`,
          sql`+${orders.createdAt} < ${until}`,
        ),
      )
      .groupBy(attributedLines.arm),
    ctx.db
      .select({ arm: events.arm, units: sql<number>`count(distinct ${events.unit})` })
      .from(events)
      .where(
        and(
          eq(events.shop, shop),
          eq(events.offerId, experiment.offerId),
          eq(events.type, 'add'),
          eq(events.experimentKey, experimentKey),
        ),
      )
      .groupBy(events.arm),
  ]);

  const pixel = await countPixelConversions(ctx, shop, experimentKey);
  const minRevenue = 150 * 10 ** currencyDigits(currency);
  const c = totals.get(control.key) ?? EMPTY;
  const t = totals.get(treatment.key) ?? EMPTY;
  const base = statsOptions(options, minRevenue);
  const revenuePerUnit = compareArms(revenueSums(c), revenueSums(t), {
    ...base,
    metric: 'mean',
    difference: 'relative',
  });
  const incremental = incrementalTotal(revenueSums(c), revenueSums(t), { ...base, metric: 'mean' });
  const conversion = compareArms(conversionSums(c), conversionSums(t), {
    ...statsOptions(options, 150),
    metric: 'proportion',
    difference: 'relative',
  });
  const aov = compareArms(aovSums(c), aovSums(t), {
    ...base,
    metric: 'ratio',
    difference: 'relative',
  });
  const srm = checkSampleRatio([c.units, t.units], [control.weight, treatment.weight]);

  const arms = experiment.arms.map((arm) => {
    const a = totals.get(arm.key) ?? EMPTY;
    const attach = Number(attaches.find((r) => r.arm === arm.key)?.units ?? 0);
    return {
      arm: arm.key,
      holdout: arm.holdout,
      weight: arm.weight,
      units: a.units,
      orders: a.orders,
      conversionRate: a.units ? a.orders / a.units : 0,
      revenue: a.revenue,
      revenuePerUnit: a.units ? a.revenue / a.units : 0,
      averageOrderValue: a.orders ? a.revenue / a.orders : 0,
      attachRate: a.units ? attach / a.units : 0,
      attributedRevenue: Number(attributed.find((r) => r.arm === arm.key)?.revenue ?? 0),
      discounts: a.discounts,
      refunds: a.refunded,
    };
  });

  const warnings = [
    ...new Set<StatsWarning>([
      ...revenuePerUnit.warnings,
      ...incremental.warnings,
      ...srm.warnings,
    ]),
  ];
  return {
    experimentKey,
    offerId: experiment.offerId,
    offerName: offer?.name ?? null,
    currency,
    startedAt: experiment.startedAt,
    stoppedAt: experiment.stoppedAt,
    engine: options.engine,
    sequential: options.sequential && options.engine === 'frequentist',
    alpha: options.alpha,
    arms,
    comparisons: {
      revenuePerUnit,
      conversionRate: conversion,
      averageOrderValue: aov,
      incrementalRevenue: incremental,
    },
    srm: { pValue: srm.pValue, flagged: srm.warnings.includes('srm') },
    warnings,
    dataQuality: {
      /** Exposed checkouts the web pixel saw complete. */
      pixelConversions: pixel.seen,
      /** …of which the signed orders/create webhook has confirmed (revenue counts only these). */
      confirmedByWebhook: pixel.confirmed,
      pendingConfirmation: pixel.seen - pixel.confirmed,
    },
    verdict: describeVerdict(
      incremental,
      revenuePerUnit,
      { ...options, srmFlagged: srm.warnings.includes('srm') },
      currency,
    ),
    daily: buildDailySeries(daily, control.key, treatment.key, options, minRevenue),
  };
}

/** Pixel conversions among the experiment's units, and how many the webhook confirmed. */
async function countPixelConversions(ctx: AppContext, shop: string, experimentKey: string) {
  const [row] = await ctx.db.all<{ seen: number; confirmed: number }>(sql`
    select count(distinct p.checkout_token) as seen,
           count(distinct case when o.order_id is not null then p.checkout_token end) as confirmed
    from pixel_events p
    join exposures e on e.shop = p.shop and e.experiment_key = ${experimentKey} and e.unit = p.checkout_token
    left join orders o on o.shop = p.shop and o.checkout_token = p.checkout_token
    where p.shop = ${shop} and p.name = 'checkout_completed'`);
  return { seen: Number(row?.seen ?? 0), confirmed: Number(row?.confirmed ?? 0) };
}

function buildDailySeries(
  daily: Awaited<ReturnType<typeof loadArmDaily>>,
  controlKey: string,
  treatmentKey: string,
  options: ReportOptions,
  minRevenue: number,
) {
  const days = [...new Set(daily.map((r) => r.day))].sort((a, b) => a - b);
  let c = EMPTY;
  let t = EMPTY;
  return days.map((day) => {
    for (const row of daily) {
      if (row.day !== day) continue;
      if (row.arm === controlKey) c = add(c, row);
      if (row.arm === treatmentKey) t = add(t, row);
    }
    const lift = compareArms(revenueSums(c), revenueSums(t), {
      ...statsOptions(options, minRevenue),
      metric: 'mean',
      difference: 'relative',
    });
    return {
      date: new Date(day * 86_400_000).toISOString().slice(0, 10),
      control: { units: c.units, orders: c.orders, revenue: c.revenue },
      treatment: { units: t.units, orders: t.orders, revenue: t.revenue },
      lift: lift.expected,
      ci: lift.ci,
    };
  });
}
