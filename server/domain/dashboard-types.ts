import type { OfferKind } from '../../core/offers/catalog.js';
import type { OfferPublication, OfferStatus } from '../../core/offers/contract.js';

/**
 * `GET /api/admin/dashboard?from=&to=`: the home page's payload. Declared once here; the admin UI
 * imports these types (type-only), so the two sides cannot drift apart. Money is integer minor
 * units of `currency`; days are UTC calendar dates (`YYYY-MM-DD`), both ends included.
 */
export interface DashboardRange {
  from: string;
  to: string;
  days: number;
}

/** An estimate in money with its interval; `stddev` is its standard error (or posterior sd). */
export interface MoneyEstimate {
  expected: number;
  ci: [number, number];
  stddev: number;
}

/**
 * Where an offer's measurement stands in the range:
 * - `measured`: at least one of its experiments passed the report's honesty rules;
 * - `waiting`: data, but below the minimum sample (or the engine cannot compare yet);
 * - `unreliable`: the traffic split fails the sample ratio check, so nothing is called;
 * - `unmeasured`: no holdout (0 %), so there is nothing to compare with;
 * - `no_data`: no checkout reached the offer in the range.
 */
export type MeasurementState = 'measured' | 'waiting' | 'unreliable' | 'unmeasured' | 'no_data';

export interface DashboardOffer {
  id: string;
  name: string;
  kind: OfferKind;
  status: OfferStatus;
  publication: OfferPublication;
  /** Active and Shopify holds its latest change: shoppers can see it now. */
  live: boolean;
  /** Checkouts that reached the offer (every arm, holdout included), by first exposure day. */
  checkouts: number;
  /** Checkouts that saw the offer (an impression), distinct. */
  views: number;
  /** Checkouts that added or upgraded from the offer, distinct. */
  adds: number;
  /** Orders placed in the range holding a line the offer added or upgraded. */
  orders: number;
  /** What the offer's own lines credit: the figure peer apps report. Not incremental. */
  attributedRevenue: number;
  state: MeasurementState;
  /** Sum over the offer's measured experiments in the range; null unless `state` is measured. */
  incrementalRevenue: MoneyEstimate | null;
  /** Orders per arm still needed before the offer counts (0 once measured or without data). */
  ordersNeeded: number;
  /** One sentence per experiment that is not counted, e.g. how far it has to go. */
  notes: string[];
}

export interface DashboardTotals {
  /**
   * Sum of the measured offers' incremental revenue; the interval adds their variances (their
   * experiments are treated as independent). Null until some offer reached its minimum sample.
   */
  incrementalRevenue: MoneyEstimate | null;
  /** Offers that count towards `incrementalRevenue`, and offers with data that do not (yet). */
  measuredOffers: number;
  unmeasuredOffers: number;
  /** Why there is no headline, or what it leaves out; null when every offer with data counts. */
  note: string | null;
  attributedRevenue: number;
  /** views → adds → orders, summed over offers; `orders` counts an order once. */
  views: number;
  adds: number;
  orders: number;
}

/** From the web pixel, confirmed by the signed webhook where one arrived. */
export interface CheckoutFunnel {
  /** Distinct checkouts that started in the range (pixel `checkout_started`). */
  started: number;
  /** Of those, checkouts that completed (pixel `checkout_completed` or an order webhook). */
  completed: number;
  /** 1 − completed / started; null before any checkout started. */
  abandonmentRate: number | null;
}

export type SetupStepKey = 'offer_created' | 'block_placed' | 'block_live' | 'pixel_connected';

export interface SetupStep {
  key: SetupStepKey;
  done: boolean;
  /** When the evidence was last seen (epoch ms), where the step has one. */
  lastSeenAt: number | null;
}

export interface DashboardSetup {
  steps: SetupStep[];
  /** The checkout and accounts editor of this shop, on its Apps tab. */
  checkoutEditorUrl: string;
  /** Shopify's plan name as the shop reported it at install, e.g. "Shopify Plus"; null if unknown. */
  plan: string | null;
}

export interface Dashboard {
  range: DashboardRange;
  currency: string;
  /** How every interval on the page is computed (the shop's report settings). */
  method: { engine: 'frequentist' | 'bayesian'; sequential: boolean; alpha: number };
  totals: DashboardTotals;
  offers: DashboardOffer[];
  checkout: CheckoutFunnel;
  setup: DashboardSetup;
}
