import type { ExperimentReport, StatsWarning } from '../../../api/types.js';
import type { BannerTone } from '../../../components/Banner.js';
import { formatCount, formatPercent } from '../../../lib/format.js';
import { formatPStatement } from './report-format.js';
import { formatShortfall } from './variant-summary.js';

/** One thing a merchant must know before trusting the numbers, in plain words. */
export interface ReportNotice {
  key: StatsWarning | 'srm_notice' | 'pending_confirmation';
  tone: BannerTone;
  title: string;
  body: string;
}

const WORDING: Record<Exclude<StatsWarning, 'srm'>, Omit<ReportNotice, 'key'>> = {
  invalid_input: {
    tone: 'critical',
    title: 'Some figures could not be compared',
    body: 'The report received numbers it cannot use. Contact Closer support with this offer’s name.',
  },
  not_enough_data: {
    tone: 'warning',
    title: 'Not enough data yet',
    body: 'Both groups need more orders before the result means much. Keep the offer running; the interval narrows as orders come in.',
  },
  zero_variance: {
    tone: 'warning',
    title: 'Too little variation to compare',
    body: 'Revenue is the same for every shopper in one group (usually because it has no orders yet), so no interval can be computed.',
  },
  zero_control_mean: {
    tone: 'warning',
    title: 'The holdout has no revenue yet',
    body: 'A lift is measured against the holdout’s revenue, so it cannot be computed until the holdout has orders.',
  },
  // The server flags at GrowthBook's default of a 50 % change (server/stats/warnings.ts).
  suspicious_lift: {
    tone: 'warning',
    title: 'Unusually large difference',
    body: 'The groups differ by 50% or more. That is rare for a single offer: check for a tracking problem or one unusually large order before acting on it.',
  },
};

/** Severe first: a broken split invalidates everything below it. */
const ORDER: readonly StatsWarning[] = [
  'srm',
  'invalid_input',
  'not_enough_data',
  'zero_variance',
  'zero_control_mean',
  'suspicious_lift',
];

/** "Holdout should get 40% of checkouts but got 45% (1,266 of 2,784)", then each variant's share. */
function describeSplit(report: ExperimentReport): string {
  const total = report.arms.reduce((sum, arm) => sum + arm.units, 0);
  if (total === 0) return '';
  const share = (units: number) => formatPercent(units / total);
  const holdout = report.arms.find((arm) => arm.holdout);
  const holdoutText = holdout
    ? ` The holdout should get ${formatPercent(holdout.weight)} of shoppers but got ${share(
        holdout.units,
      )} (${formatCount(holdout.units)} of ${formatCount(total)}).`
    : '';
  const variants = report.arms.filter((arm) => !arm.holdout);
  if (variants.length <= 1) return holdoutText;
  const list = variants
    .map((arm) => `${arm.label} ${formatPercent(arm.weight)} → ${share(arm.units)}`)
    .join(', ');
  return `${holdoutText} Variants, configured → observed: ${list}.`;
}

function describeSampleRatio(report: ExperimentReport): ReportNotice {
  return {
    key: 'srm',
    tone: 'critical',
    title: `Sample ratio mismatch (${formatPStatement(report.srm.pValue)})`,
    body:
      `The split is not what was configured; results are unreliable until the cause is fixed.${describeSplit(report)}` +
      ' Common causes: the holdout’s visits not being recorded, or the offer’s settings changing mid-test.',
  };
}

/**
 * Below p = 0.05 the split is worth a line even though GrowthBook only alerts below 0.001: an
 * SRM p of 0.011 left unmentioned is a problem the merchant finds later, on their own.
 */
function describeSplitNotice(report: ExperimentReport): ReportNotice {
  return {
    key: 'srm_notice',
    tone: 'warning',
    title: `Traffic split check (${formatPStatement(report.srm.pValue)})`,
    body:
      `The arms’ shares of checkouts are further from the configured split than chance usually gives.${describeSplit(report)}` +
      ' Results are still shown; if the p-value falls below 0.001 the report stops calling them.',
  };
}

/** Not enough data, with how far there is to go when the minimum sample is the reason. */
function describeNotEnoughData(report: ExperimentReport): ReportNotice {
  const { sample } = report;
  if (sample.reached) return { key: 'not_enough_data', ...WORDING.not_enough_data };
  const furthest = sample.furthest
    ? ` ${sample.furthest.label} has ${formatCount(sample.furthest.orders)}.`
    : '';
  return {
    key: 'not_enough_data',
    tone: 'warning',
    title: `Not enough data yet: ${formatShortfall(sample)}`,
    body:
      `Every arm needs at least ${formatCount(sample.minimumOrdersPerArm)} orders before the report shows a result.${furthest}` +
      ' Until then no lift or revenue figure is shown: with a handful of orders they swing wildly and read like findings.',
  };
}

export function describeReportWarnings(report: ExperimentReport): ReportNotice[] {
  const present = new Set<StatsWarning>(report.warnings);
  if (report.srm.flagged) present.add('srm');
  if (!report.sample.reached) {
    present.add('not_enough_data');
    // "The groups differ by 50% or more" on a handful of orders is itself a figure read as a
    // finding; below the minimum sample it says nothing the shortfall does not.
    present.delete('suspicious_lift');
  }
  const notices = ORDER.filter((warning) => present.has(warning)).map((warning) => {
    if (warning === 'srm') return describeSampleRatio(report);
    if (warning === 'not_enough_data') return describeNotEnoughData(report);
    return { key: warning, ...WORDING[warning] };
  });
  if (!present.has('srm') && report.srm.level === 'notice') {
    notices.unshift(describeSplitNotice(report));
  }
  const pending = report.dataQuality.pendingConfirmation;
  if (pending > 0) {
    notices.push({
      key: 'pending_confirmation',
      tone: 'info',
      title: `${formatCount(pending)} ${pending === 1 ? 'order is' : 'orders are'} waiting for confirmation`,
      body:
        'The checkout pixel saw these orders complete, but Shopify’s order webhook has not confirmed them yet. ' +
        'Revenue counts confirmed orders only, so they will appear here once confirmed.',
    });
  }
  return notices;
}
