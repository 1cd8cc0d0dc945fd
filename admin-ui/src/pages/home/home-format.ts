import { formatCount, formatPercent } from '../../lib/format.js';
import { formatSignedMoney } from '../../lib/money.js';
import { publicationText } from '../../lib/offer-labels.js';
import type {
  Dashboard,
  DashboardOffer,
  DashboardTotals,
  MoneyEstimate,
} from './dashboard-types.js';

/** "+$1,240" and "−$40 to +$2,520": whole units, signed, as the report writes them. */
export function formatEstimate(estimate: MoneyEstimate, currency: string, locale?: string) {
  return {
    value: formatSignedMoney(estimate.expected, currency, locale),
    interval: `${formatSignedMoney(estimate.ci[0], currency, locale)} to ${formatSignedMoney(estimate.ci[1], currency, locale)}`,
  };
}

/**
 * What the interval says, in words: a figure whose interval spans zero is not a finding yet,
 * however large it prints (the report's verdict reads the same way).
 */
export function intervalVerdict(estimate: MoneyEstimate): string {
  if (estimate.ci[0] > 0) return 'Above zero beyond chance.';
  if (estimate.ci[1] < 0) return 'Below zero beyond chance: the offers cost revenue.';
  return 'Not distinguishable from zero yet.';
}

/** "95%" from alpha 0.05. */
export function formatLevel(alpha: number): string {
  const percent = Math.round((1 - alpha) * 1000) / 10;
  return `${Number.isInteger(percent) ? percent.toFixed(0) : percent.toFixed(1)}%`;
}

/** What kind of interval the page shows, named the way the report names it. */
export function intervalName(method: Dashboard['method']): string {
  const level = formatLevel(method.alpha);
  if (method.engine === 'bayesian') return `${level} credible interval`;
  return method.sequential ? `${level} always-valid interval` : `${level} confidence interval`;
}

/**
 * The footnote under the headline. The total adds estimates and variances across offers, which
 * treats their experiments as independent; it says so rather than leave it to be assumed.
 */
export function describeMethod(method: Dashboard['method']): string {
  return (
    `Incremental revenue compares checkouts that saw each offer with its holdout (who saw ` +
    `nothing), net of discounts and refunds. The total adds up the measured offers' estimates; ` +
    `its ${intervalName(method)} adds their variances, treating the offers' experiments as ` +
    `independent (a shopper who sees two offers is in both). An offer counts only once each arm ` +
    `has its minimum number of orders.`
  );
}

export interface FunnelStep {
  label: string;
  value: string;
  /** Share of the step before, e.g. "12.5% of views"; null for the first step or after zero. */
  rate: string | null;
}

export function funnelSteps(totals: Pick<DashboardTotals, 'views' | 'adds' | 'orders'>) {
  const share = (part: number, whole: number, of: string) =>
    whole > 0 ? `${formatPercent(part / whole)} of ${of}` : null;
  const steps: FunnelStep[] = [
    { label: 'Views', value: formatCount(totals.views), rate: null },
    {
      label: 'Adds',
      value: formatCount(totals.adds),
      rate: share(totals.adds, totals.views, 'views'),
    },
    {
      label: 'Orders',
      value: formatCount(totals.orders),
      rate: share(totals.orders, totals.adds, 'adds'),
    },
  ];
  return steps;
}

/** Whether shoppers can see the offer now, in words. */
export function liveText(offer: Pick<DashboardOffer, 'live' | 'status' | 'publication'>): string {
  if (offer.live) return 'Live';
  return publicationText(offer) ?? 'Not live';
}

/** The incremental column of an offer row: a figure only once the offer is measured. */
export function measurementText(
  offer: Pick<DashboardOffer, 'state' | 'incrementalRevenue' | 'ordersNeeded'>,
  currency: string,
  locale?: string,
): { value: string; detail: string | null } {
  switch (offer.state) {
    case 'measured': {
      if (!offer.incrementalRevenue) return { value: '—', detail: null };
      const { value, interval } = formatEstimate(offer.incrementalRevenue, currency, locale);
      return { value, detail: interval };
    }
    case 'waiting':
      return offer.ordersNeeded > 0
        ? {
            value: 'Too early',
            detail: `${formatCount(offer.ordersNeeded)} more ${offer.ordersNeeded === 1 ? 'order' : 'orders'} per arm needed`,
          }
        : { value: 'Too early', detail: 'Revenue cannot be compared yet' };
    case 'unreliable':
      return { value: 'Not reliable', detail: 'Traffic split check failed' };
    case 'unmeasured':
      return { value: 'Not measured', detail: 'No holdout' };
    case 'no_data':
      return { value: '—', detail: 'No checkouts in this period' };
  }
}

export function abandonmentText(rate: number | null): string {
  return rate === null ? '—' : formatPercent(rate);
}
