/**
 * The admin API's shapes, as documented in docs/api.md. The server's own types take over here
 * once its offer routes exist; until then this file is the contract the UI codes against.
 */
export type OfferStatus = 'draft' | 'active' | 'paused' | 'archived';
export type OfferTarget = 'checkout_block' | 'cart_line_list_after';
export type OfferAction = 'activate' | 'pause' | 'archive';

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

export interface OfferContent {
  heading: string;
  body: string;
  buttonLabel: string;
}

export interface OfferInput {
  name: string;
  kind: 'cross_sell';
  target: OfferTarget;
  content: OfferContent;
  /** ProductVariant GIDs, 1..3. */
  products: string[];
  condition: Record<string, unknown> | null;
  priority: number;
  startsAt: number | null;
  endsAt: number | null;
  /** Fraction of units held out, 0..0.5. */
  holdout: number;
}

export interface ProductDetail {
  variantId: string;
  productId: string;
  title: string;
  variantTitle: string | null;
  imageUrl: string | null;
  /** Minor units of the shop currency. */
  price: number;
  available: boolean;
}

export interface Offer extends OfferInput {
  id: string;
  status: OfferStatus;
  version: number;
  experiment: { key: string; seed: string; holdout: number; coverage: number };
  productDetails: ProductDetail[];
  createdAt: number;
  updatedAt: number;
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
