/**
 * The admin API's shapes, as documented in docs/api.md. The server's own types take over here
 * once its offer routes exist; until then this file is the contract the UI codes against.
 */
export type OfferStatus = 'draft' | 'active' | 'paused' | 'archived';
export type OfferTarget = 'checkout_block' | 'cart_line_list_after';
export type OfferAction = 'activate' | 'pause' | 'archive';

export interface Shop {
  shop: string;
  name: string;
  currency: string;
  plan: string;
  settings: { defaultHoldout: number };
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
