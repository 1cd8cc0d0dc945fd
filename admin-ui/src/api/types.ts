/**
 * The admin API's shapes, as documented in docs/api.md. Offers are not restated here: their types
 * come from the contract in core/offers (contract.ts, catalog.ts), which the server validates with.
 */
export type StatsEngine = 'frequentist' | 'bayesian';

export interface ShopSettings {
  defaultHoldout: number;
  /** Absent until the merchant picks one; the server then uses frequentist. */
  statsEngine?: StatsEngine;
  /** Absent until the merchant picks; the server then uses sequential (safe to peek). */
  sequential?: boolean;
}

export interface Shop {
  shop: string;
  name: string;
  currency: string;
  plan: string;
  settings: ShopSettings;
  installedAt: number;
}

export interface ProductVariant {
  id: string;
  title: string;
  price: number;
  available: boolean;
}

export interface Product {
  id: string;
  title: string;
  imageUrl: string | null;
  variants: ProductVariant[];
}

export interface ArmResult {
  arm: 'holdout' | 'treatment';
  holdout: boolean;
  units: number;
  orders: number;
  conversionRate: number;
  revenue: number;
  attributedRevenue: number;
  attributedOrders: number;
}

export interface OfferResults {
  currency: string;
  arms: ArmResult[];
}

// The statistics shapes come from the server's engine itself (types only: nothing is bundled).
import type { Comparison, StatsWarning } from '../../../server/stats/index.js';

export type { Comparison, StatsWarning };

/** Money fields are minor units of the report currency, net of refunds; rates are fractions. */
export interface ReportArm {
  arm: string;
  holdout: boolean;
  weight: number;
  units: number;
  orders: number;
  conversionRate: number;
  revenue: number;
  revenuePerUnit: number;
  averageOrderValue: number;
  attachRate: number;
  attributedRevenue: number;
  discounts: number;
  refunds: number;
}

export interface ReportComparisons {
  revenuePerUnit: Comparison;
  conversionRate: Comparison;
  averageOrderValue: Comparison;
  incrementalRevenue: Comparison;
}

export type VerdictKind = 'positive' | 'negative' | 'inconclusive' | 'not_enough_data';

export interface DailyArmTotals {
  units: number;
  orders: number;
  revenue: number;
}

/** Cumulative totals up to and including `date` (UTC, YYYY-MM-DD), by exposure day. */
export interface ReportDay {
  date: string;
  control: DailyArmTotals;
  treatment: DailyArmTotals;
  /** Relative lift of revenue per unit so far, and its interval. */
  lift: number;
  ci: [number, number];
}

/** `GET /experiments/:key/report` (docs/api.md, "Experiment report"). */
export interface ExperimentReport {
  experimentKey: string;
  offerId: string;
  offerName: string | null;
  currency: string;
  startedAt: number;
  stoppedAt: number | null;
  engine: StatsEngine;
  sequential: boolean;
  alpha: number;
  arms: ReportArm[];
  comparisons: ReportComparisons;
  srm: { pValue: number; flagged: boolean };
  warnings: StatsWarning[];
  dataQuality: {
    pixelConversions: number;
    confirmedByWebhook: number;
    pendingConfirmation: number;
  };
  verdict: { kind: VerdictKind; text: string };
  daily: ReportDay[];
}

/** How a report is computed; both map to the report's query string. */
export interface ReportChoice {
  engine: StatsEngine;
  sequential: boolean;
}
