import type { ExperimentReport, StatsWarning } from '../../../api/types.js';
import type { BannerTone } from '../../../components/Banner.js';
import { formatCount, formatPercent } from '../../../lib/format.js';
import { formatPStatement } from './report-format.js';

/** One thing a merchant must know before trusting the numbers, in plain words. */
export interface ReportNotice {
  key: StatsWarning | 'pending_confirmation';
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

function describeSampleRatio(report: ExperimentReport): ReportNotice {
  const holdout = report.arms.find((arm) => arm.holdout);
  const total = report.arms.reduce((sum, arm) => sum + arm.units, 0);
  const split =
    holdout && total > 0
      ? ` The holdout should get ${formatPercent(holdout.weight)} of shoppers but got ${formatPercent(
          holdout.units / total,
        )} (${formatCount(holdout.units)} of ${formatCount(total)}).`
      : '';
  return {
    key: 'srm',
    tone: 'critical',
    title: `Sample ratio mismatch (${formatPStatement(report.srm.pValue)})`,
    body:
      `The split is not what was configured; results are unreliable until the cause is fixed.${split}` +
      ' Common causes: the holdout’s visits not being recorded, or the offer’s settings changing mid-test.',
  };
}

export function describeReportWarnings(report: ExperimentReport): ReportNotice[] {
  const present = new Set<StatsWarning>(report.warnings);
  if (report.srm.flagged) present.add('srm');
  const notices = ORDER.filter((warning) => present.has(warning)).map((warning) =>
    warning === 'srm' ? describeSampleRatio(report) : { key: warning, ...WORDING[warning] },
  );
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
