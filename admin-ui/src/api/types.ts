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

/** A language the shop sells in (Admin GraphQL `shopLocales`). */
export interface ShopLocale {
  locale: string;
  primary: boolean;
  published: boolean;
}

export interface Shop {
  shop: string;
  name: string;
  currency: string;
  plan: string;
  settings: ShopSettings;
  installedAt: number;
  /** Null when Shopify could not say; the preview then offers the extension's languages. */
  locales: ShopLocale[] | null;
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

// The results, statistics and report shapes come from the server itself (types only: nothing is
// bundled), so the two sides cannot drift apart.
export type { ArmResult, OfferResults } from '../../../server/domain/offer-results.js';
export type {
  DailyArmTotals,
  ExperimentReport,
  LeaderMargin,
  LeaderReport,
  MultipleComparisons,
  ReportArm,
  ReportComparisons,
  ReportDay,
  ReportDayVariant,
  ReportSrm,
  SampleProgress,
  VariantReport,
  VerdictKind,
} from '../../../server/domain/report-types.js';
export type { Comparison, StatsWarning } from '../../../server/stats/index.js';

/** How a report is computed; both map to the report's query string. */
export interface ReportChoice {
  engine: StatsEngine;
  sequential: boolean;
}
