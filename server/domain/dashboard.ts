import { eq } from 'drizzle-orm';
import { offers } from '../../drizzle/schema.js';
import type { AppContext } from '../app-context.js';
import { DEFAULT_ALPHA } from '../stats/index.js';
import { loadExperimentsInRange } from './dashboard-arm-totals.js';
import { loadCheckoutFunnel } from './dashboard-checkout-funnel.js';
import {
  combineEstimates,
  type Measurement,
  type MeasureSettings,
  measureExperiment,
  summarizeOffer,
} from './dashboard-measure.js';
import { loadOfferFunnel } from './dashboard-offer-funnel.js';
import type { ResolvedRange } from './dashboard-range.js';
import { loadSetup } from './dashboard-setup.js';
import type {
  Dashboard,
  DashboardOffer,
  DashboardTotals,
  MoneyEstimate,
} from './dashboard-types.js';
import { currencyDigits } from './money.js';
import { getPublicationRow, publicationOf } from './publication.js';
import { getShop } from './shops.js';

export type { Dashboard } from './dashboard-types.js';

/** A row with the measured experiments' estimates it sums, for the shop-wide total. */
type OfferRow = DashboardOffer & { parts: MoneyEstimate[] };

/**
 * The home page: what the shop's offers added in a date range, next to what peers would report,
 * the offer and checkout funnels, and the setup checklist. Every read is scoped to `shop`.
 */
export async function buildDashboard(
  ctx: AppContext,
  shop: string,
  range: ResolvedRange,
  now: number,
): Promise<Dashboard> {
  const shopRow = await getShop(ctx.db, shop);
  const currency = shopRow?.currency ?? 'USD';
  const settings: MeasureSettings = {
    engine: shopRow?.settings.statsEngine ?? 'frequentist',
    sequential: shopRow?.settings.sequential ?? true,
    alpha: DEFAULT_ALPHA,
    // The report's minimum: 150 major units of the shop's currency (GrowthBook's default).
    minRevenue: 150 * 10 ** currencyDigits(currency),
  };
  const [offerRows, publication, experiments, funnel, checkout, setup] = await Promise.all([
    ctx.db.select().from(offers).where(eq(offers.shop, shop)),
    getPublicationRow(ctx, shop),
    loadExperimentsInRange(ctx, shop, range.fromDay, range.toDay),
    loadOfferFunnel(ctx, shop, range.startMs, range.endMs),
    loadCheckoutFunnel(ctx, shop, range.startMs, range.endMs),
    loadSetup(ctx, shop, shopRow?.plan ?? null, now),
  ]);

  const measurements = new Map<string, Measurement[]>();
  const checkouts = new Map<string, number>();
  for (const experiment of experiments) {
    const list = measurements.get(experiment.offerId) ?? [];
    list.push(measureExperiment(experiment, settings, currency));
    measurements.set(experiment.offerId, list);
    let units = 0;
    for (const totals of experiment.totals.values()) units += totals.units;
    checkouts.set(experiment.offerId, (checkouts.get(experiment.offerId) ?? 0) + units);
  }

  const rows: OfferRow[] = [];
  for (const offer of offerRows) {
    const numbers = funnel.byOffer.get(offer.id);
    const hasData = measurements.has(offer.id) || numbers !== undefined;
    // Archived offers appear only for the periods they still have numbers in.
    if (offer.status === 'archived' && !hasData) continue;
    const summary = summarizeOffer(measurements.get(offer.id) ?? []);
    const state = publicationOf(offer.publishSeq, publication);
    rows.push({
      id: offer.id,
      name: offer.name,
      kind: offer.kind,
      status: offer.status,
      publication: state,
      live: offer.status === 'active' && state.state === 'live',
      checkouts: checkouts.get(offer.id) ?? 0,
      views: numbers?.views ?? 0,
      adds: numbers?.adds ?? 0,
      orders: numbers?.orders ?? 0,
      attributedRevenue: numbers?.attributedRevenue ?? 0,
      state: summary.state,
      incrementalRevenue: summary.incrementalRevenue,
      ordersNeeded: summary.ordersNeeded,
      notes: summary.notes,
      parts: summary.parts,
    });
  }
  rows.sort(byActivity);

  return {
    range: { from: range.from, to: range.to, days: range.days },
    currency,
    method: {
      engine: settings.engine,
      sequential: settings.sequential && settings.engine === 'frequentist',
      alpha: settings.alpha,
    },
    totals: summarizeTotals(rows, funnel.orders),
    offers: rows.map(({ parts: _parts, ...row }) => row),
    checkout,
    setup,
  };
}

/** Live offers first, then by reach in the range, then by name. */
function byActivity(a: DashboardOffer, b: DashboardOffer): number {
  return (
    Number(b.live) - Number(a.live) ||
    b.checkouts - a.checkouts ||
    b.views - a.views ||
    a.name.localeCompare(b.name)
  );
}

function summarizeTotals(rows: readonly OfferRow[], orders: number): DashboardTotals {
  const measured = rows.filter((row) => row.state === 'measured');
  const withData = rows.filter((row) => row.state !== 'no_data');
  const pending = withData.filter((row) => row.state !== 'measured');
  return {
    incrementalRevenue: combineEstimates(measured.flatMap((row) => row.parts)),
    measuredOffers: measured.length,
    unmeasuredOffers: pending.length,
    note: describeTotalsNote(measured.length, pending),
    attributedRevenue: rows.reduce((sum, row) => sum + row.attributedRevenue, 0),
    views: rows.reduce((sum, row) => sum + row.views, 0),
    adds: rows.reduce((sum, row) => sum + row.adds, 0),
    orders,
  };
}

const plural = (n: number, one: string, many: string) =>
  `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** Why the headline is missing, or which offers it leaves out and how far the nearest has to go. */
function describeTotalsNote(measured: number, pending: readonly DashboardOffer[]): string | null {
  if (measured === 0 && pending.length === 0) {
    return 'No checkout reached an offer in this period, so there is nothing to measure yet.';
  }
  if (pending.length === 0) return null;
  const waiting = pending
    .filter((row) => row.state === 'waiting' && row.ordersNeeded > 0)
    .sort((a, b) => a.ordersNeeded - b.ordersNeeded);
  const nearest = waiting[0];
  const distance = nearest
    ? ` The nearest, ${nearest.name}, needs ${plural(nearest.ordersNeeded, 'more order', 'more orders')} per arm.`
    : '';
  if (measured === 0) {
    return `No offer has reached its minimum sample yet, so no total is shown.${distance}`;
  }
  return `Leaves out ${plural(pending.length, 'offer', 'offers')} not measured yet.${distance}`;
}
