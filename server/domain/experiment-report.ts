import { type AnyColumn, and, asc, eq, sql } from 'drizzle-orm';
import { armLabel } from '../../core/offers/catalog.js';
import { armDaily, experiments, offers } from '../../drizzle/schema.js';
import type { AppContext } from '../app-context.js';
import {
  bonferroniAlpha,
  checkSampleRatio,
  pairCount,
  SRM_NOTICE_THRESHOLD,
  type StatsEngine,
  type StatsWarning,
} from '../stats/index.js';
import { DomainError } from './domain-error.js';
import { currencyDigits } from './money.js';
import { kindModule } from './offer-kinds/index.js';
import type { ExperimentRow } from './offers.js';
import {
  type ArmTotals,
  addTotals,
  type ComparisonSettings,
  compareRevenuePerUnit,
  compareVariant,
  EMPTY_TOTALS,
  rankVariants,
} from './report-comparisons.js';
import { sampleProgress } from './report-sample.js';
import type {
  ExperimentReport,
  LeaderReport,
  MultipleComparisons,
  ReportArm,
  ReportComparisons,
  ReportDay,
  ReportDefinitions,
  ReportSrm,
  VariantReport,
} from './report-types.js';
import {
  describeLeader,
  describeVerdict,
  formatPValue,
  summarizeVerdict,
} from './report-verdict.js';
import { getShop } from './shops.js';
import { unitOutcome } from './unit-outcome.js';

export type { ExperimentReport } from './report-types.js';

/**
 * The experiment report: per-arm metrics from the `arm_daily` rollup (a few rows per day, so the
 * cost does not grow with units), each content variant compared with the holdout by the
 * statistics engine. Revenue is the order subtotal after discounts, net of refunds; the primary
 * metric is revenue per exposed unit. With several variants every comparison runs at a
 * Bonferroni-adjusted alpha (`stats/multiple-comparisons.ts`).
 */
export interface ReportOptions {
  engine: StatsEngine;
  sequential: boolean;
  /** The family alpha: the chance of any false call across all variants. */
  alpha: number;
}

export const REPORT_DEFINITIONS: ReportDefinitions = {
  revenue:
    'Order subtotal after all discounts (product, order and the offer’s own), before shipping and tax, net of refunded merchandise.',
  discounts:
    'Discounts on the arm’s orders as Shopify reports them (total_discounts). They are already taken off revenue, so every comparison and the incremental revenue are net of them.',
  incrementalRevenue:
    '(Revenue per unit of the variant − revenue per unit of the holdout) × the variant’s units: what the offer added, net of discounts and refunds.',
  attachRate:
    'Share of the arm’s orders holding at least one line the offer added or upgraded (from the orders, not from add clicks).',
  attributedRevenue:
    'What the offer’s own lines credit (an upsell only its price difference). Not incremental: some of those shoppers would have bought anyway.',
};

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

type DailyRow = Awaited<ReturnType<typeof loadArmDaily>>[number];

/**
 * Per arm of the experiment's units: orders holding a line of this offer, and what those lines
 * credit, for orders that are an exposed unit's outcome (the `order_units` link and the window,
 * unit-outcome.ts). Walks the offer's lines, fetches each order by primary key, its links by
 * (shop, order id) and the linked unit's exposure in this experiment by primary key (CROSS JOIN
 * fixes that order in SQLite), so the cost follows the offer's lines, not the experiment's units.
 */
async function loadOfferLines(ctx: AppContext, shop: string, experiment: ExperimentRow) {
  const rows = await ctx.db.all<{ arm: string; orders: number; revenue: number }>(sql`
    select e.arm as arm, count(distinct a.order_id) as orders, total(a.amount) as revenue
    from attributed_lines a
    cross join orders o
    cross join order_units l
    cross join exposures e
    where a.shop = ${shop} and a.offer_id = ${experiment.offerId}
      and o.shop = a.shop and o.order_id = a.order_id
      and e.experiment_key = ${experiment.key} and ${unitOutcome(experiment)}
    group by e.arm`);
  return new Map(
    rows.map((r) => [r.arm, { orders: Number(r.orders), revenue: Number(r.revenue) }]),
  );
}

/**
 * Pixel conversions among the experiment's units, and how many the webhook confirmed (an order
 * linked to that checkout). The pixel names a checkout token only, so this is counted for
 * checkout units; a visitor or customer unit meets its checkout only through the order itself,
 * which is the confirmation — there is nothing pending to show for them.
 */
async function countPixelConversions(ctx: AppContext, shop: string, experiment: ExperimentRow) {
  if (experiment.unitKind !== 'checkout') return { seen: 0, confirmed: 0 };
  const [row] = await ctx.db.all<{ seen: number; confirmed: number }>(sql`
    select count(distinct p.checkout_token) as seen,
           count(distinct case when l.order_id is not null then p.checkout_token end) as confirmed
    from pixel_events p
    join exposures e on e.shop = p.shop and e.experiment_key = ${experiment.key} and e.unit = p.checkout_token
    left join order_units l on l.shop = p.shop and l.unit_kind = 'checkout' and l.unit = p.checkout_token
    where p.shop = ${shop} and p.name = 'checkout_completed'`);
  return { seen: Number(row?.seen ?? 0), confirmed: Number(row?.confirmed ?? 0) };
}

function describeSrm(pValue: number, flagged: boolean): ReportSrm {
  const p = formatPValue(pValue);
  const statement = p.startsWith('<') || p.startsWith('>') ? `p ${p}` : `p = ${p}`;
  if (flagged) {
    return {
      pValue,
      flagged,
      level: 'alert',
      text: `Sample ratio mismatch (${statement}): the arms' shares of checkouts are not what was configured, so no result is called until the cause is fixed.`,
    };
  }
  if (pValue < SRM_NOTICE_THRESHOLD) {
    return {
      pValue,
      flagged,
      level: 'notice',
      text: `Traffic split check (${statement}): the arms' shares are further from the configured weights than chance usually gives. Results are still shown; below p = 0.001 they would not be called.`,
    };
  }
  return { pValue, flagged, level: 'none', text: null };
}

function describeMultipleComparisons(alpha: number, variants: number): MultipleComparisons {
  if (variants <= 1) {
    return {
      variants,
      method: 'none',
      familyAlpha: alpha,
      alphaPerComparison: alpha,
      alphaPerPair: null,
      pValues: 'raw',
      note: 'One variant against the holdout: no adjustment for multiple comparisons is needed.',
    };
  }
  const perComparison = bonferroniAlpha(alpha, variants);
  const perPair = bonferroniAlpha(alpha, pairCount(variants));
  return {
    variants,
    method: 'bonferroni',
    familyAlpha: alpha,
    alphaPerComparison: perComparison,
    alphaPerPair: perPair,
    pValues: 'bonferroni_adjusted',
    note:
      `${variants} variants are each compared with the holdout, so each interval is widened ` +
      `(Bonferroni: alpha ${alpha} / ${variants} = ${Number(perComparison.toPrecision(3))} per comparison) ` +
      `and p-values are multiplied by ${variants}. That keeps the chance of any false call across ` +
      `all variants at ${Math.round(alpha * 100)}%.`,
  };
}

function notReady(comparisons: ReportComparisons): boolean {
  const lift = comparisons.revenuePerUnit.warnings;
  return (
    lift.includes('not_enough_data') ||
    lift.includes('zero_variance') ||
    comparisons.incrementalRevenue.warnings.includes('zero_variance')
  );
}

export async function buildExperimentReport(
  ctx: AppContext,
  shop: string,
  experimentKey: string,
  options: ReportOptions,
): Promise<ExperimentReport> {
  const experiment = await ctx.db.query.experiments.findFirst({
    where: and(eq(experiments.shop, shop), eq(experiments.key, experimentKey)),
  });
  if (!experiment)
    throw new DomainError(
      'not_found',
      'experiment_not_found',
      `No experiment ${experimentKey} in this shop.`,
    );
  const control = experiment.arms.find((a) => a.holdout);
  const variantArms = experiment.arms.filter((a) => !a.holdout);
  if (!control || variantArms.length === 0)
    throw new DomainError(
      'conflict',
      'no_holdout',
      'This experiment has no holdout arm to compare with.',
    );

  const [offer, shopRow, daily, lines, pixel] = await Promise.all([
    ctx.db.query.offers.findFirst({
      where: and(eq(offers.shop, shop), eq(offers.id, experiment.offerId)),
    }),
    getShop(ctx.db, shop),
    loadArmDaily(ctx, shop, experimentKey),
    loadOfferLines(ctx, shop, experiment),
    countPixelConversions(ctx, shop, experiment),
  ]);
  const currency = shopRow?.currency ?? 'USD';
  const wording = offer ? kindModule(offer.kind).report : undefined;
  const totals = new Map<string, ArmTotals>();
  for (const row of daily) totals.set(row.arm, addTotals(totals.get(row.arm) ?? EMPTY_TOTALS, row));
  const totalsOf = (arm: string) => totals.get(arm) ?? EMPTY_TOTALS;

  const k = variantArms.length;
  const multipleComparisons = describeMultipleComparisons(options.alpha, k);
  const settings: ComparisonSettings = {
    engine: options.engine,
    sequential: options.sequential,
    alpha: multipleComparisons.alphaPerComparison,
    family: k,
    // GrowthBook's minimum of 150 in revenue terms: 150 major units of the shop's currency.
    minRevenue: 150 * 10 ** currencyDigits(currency),
  };
  const srmCheck = checkSampleRatio(
    experiment.arms.map((arm) => totalsOf(arm.key).units),
    experiment.arms.map((arm) => arm.weight),
  );
  const srm = describeSrm(srmCheck.pValue, srmCheck.warnings.includes('srm'));
  const sampleArm = (key: string) => ({
    arm: key,
    label: armLabel(key),
    orders: totalsOf(key).orders,
  });

  const c = totalsOf(control.key);
  const variants = variantArms.map((arm): VariantReport => {
    const comparisons = compareVariant(c, totalsOf(arm.key), settings);
    const sample = sampleProgress([sampleArm(control.key), sampleArm(arm.key)]);
    const verdict = describeVerdict(
      comparisons.incrementalRevenue,
      comparisons.revenuePerUnit,
      {
        alpha: settings.alpha,
        engine: options.engine,
        srmFlagged: srm.flagged,
        sample,
        ...(k > 1 ? { label: armLabel(arm.key) } : {}),
        ...(wording?.verdict && { wording: wording.verdict }),
      },
      currency,
    );
    return {
      arm: arm.key,
      label: armLabel(arm.key),
      comparisons,
      sample,
      ready: sample.reached && !notReady(comparisons),
      verdict,
    };
  });
  const sample = sampleProgress(experiment.arms.map((arm) => sampleArm(arm.key)));
  const leader =
    k > 1
      ? buildLeader(variants, {
          settings: {
            ...settings,
            alpha: multipleComparisons.alphaPerPair ?? settings.alpha,
            family: pairCount(k),
          },
          sample,
          srmFlagged: srm.flagged,
          totalsOf,
        })
      : null;

  const arms = experiment.arms.map((arm): ReportArm => {
    const a = totalsOf(arm.key);
    const offerLines = lines.get(arm.key);
    const attachedOrders = offerLines?.orders ?? 0;
    return {
      arm: arm.key,
      label: armLabel(arm.key),
      holdout: arm.holdout,
      weight: arm.weight,
      units: a.units,
      orders: a.orders,
      conversionRate: a.units ? a.orders / a.units : 0,
      revenue: a.revenue,
      revenuePerUnit: a.units ? a.revenue / a.units : 0,
      averageOrderValue: a.orders ? a.revenue / a.orders : 0,
      attachedOrders,
      attachRate: a.orders ? Math.min(1, attachedOrders / a.orders) : 0,
      attributedRevenue: offerLines?.revenue ?? 0,
      discounts: a.discounts,
      refunds: a.refunded,
    };
  });

  const warnings = new Set<StatsWarning>(srmCheck.warnings);
  for (const v of variants) {
    for (const w of v.comparisons.revenuePerUnit.warnings) warnings.add(w);
    for (const w of v.comparisons.incrementalRevenue.warnings) warnings.add(w);
  }
  const [first] = variants;
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
    // `variants` is never empty (checked above); the first keeps the single-variant shape.
    comparisons: (first as VariantReport).comparisons,
    variants,
    leader,
    multipleComparisons,
    sample,
    ready: variants.every((v) => v.ready),
    srm,
    warnings: [...warnings],
    dataQuality: {
      pixelConversions: pixel.seen,
      confirmedByWebhook: pixel.confirmed,
      pendingConfirmation: pixel.seen - pixel.confirmed,
    },
    verdict: summarizeVerdict(variants, leader, sample),
    definitions: { ...REPORT_DEFINITIONS, ...wording?.definitions },
    daily: buildDailySeries(
      daily,
      control.key,
      variantArms.map((a) => a.key),
      settings,
    ),
  };
}

/**
 * The leading variant. `settings` run at the family alpha over every pair of variants, so the
 * lead is judged as if every pair had been compared — which covers picking the leader after
 * seeing the data.
 */
function buildLeader(
  variants: readonly VariantReport[],
  context: {
    settings: ComparisonSettings;
    sample: ExperimentReport['sample'];
    srmFlagged: boolean;
    totalsOf: (arm: string) => ArmTotals;
  },
): LeaderReport {
  const { sample, srmFlagged, totalsOf } = context;
  const ranked = rankVariants(
    variants.map((v) => ({ arm: v.arm, label: v.label, totals: totalsOf(v.arm) })),
    context.settings,
  );
  const everyReady = sample.reached && variants.every((v) => v.ready);
  const status: LeaderReport['status'] = !everyReady
    ? 'too_early'
    : srmFlagged
      ? 'unreliable'
      : ranked?.margins.every((m) => m.distinguishable)
        ? 'clear'
        : 'ahead';
  const named = status === 'ahead' || status === 'clear';
  const label = named ? (ranked?.leader.label ?? null) : null;
  const margins = named ? (ranked?.margins ?? []) : [];
  return {
    arm: named ? (ranked?.leader.arm ?? null) : null,
    label,
    status,
    margins,
    text: describeLeader(status, label, margins, sample),
  };
}

function buildDailySeries(
  daily: readonly DailyRow[],
  controlKey: string,
  variantKeys: readonly string[],
  settings: ComparisonSettings,
): ReportDay[] {
  const days = [...new Set(daily.map((r) => r.day))].sort((a, b) => a - b);
  const running = new Map<string, ArmTotals>();
  const totalsOf = (arm: string) => running.get(arm) ?? EMPTY_TOTALS;
  const view = (t: ArmTotals) => ({ units: t.units, orders: t.orders, revenue: t.revenue });
  return days.map((day): ReportDay => {
    for (const row of daily) {
      if (row.day === day) running.set(row.arm, addTotals(totalsOf(row.arm), row));
    }
    const control = totalsOf(controlKey);
    const variants = variantKeys.map((arm) => {
      const totals = totalsOf(arm);
      const lift = compareRevenuePerUnit(control, totals, settings);
      const sample = sampleProgress([
        { arm: controlKey, label: '', orders: control.orders },
        { arm, label: '', orders: totals.orders },
      ]);
      const ready =
        sample.reached &&
        !lift.warnings.includes('not_enough_data') &&
        !lift.warnings.includes('zero_variance');
      return { arm, totals: view(totals), lift: lift.expected, ci: lift.ci, ready };
    });
    const [first] = variants;
    return {
      date: new Date(day * 86_400_000).toISOString().slice(0, 10),
      control: view(control),
      treatment: first?.totals ?? view(EMPTY_TOTALS),
      lift: first?.lift ?? 0,
      ci: first?.ci ?? [0, 0],
      ready: first?.ready ?? false,
      variants,
    };
  });
}
