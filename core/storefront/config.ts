// The storefront config: what the server publishes to the app-owned shop metafield
// `$app` / `storefront_config` and the theme app embed inlines into every page, so the exit-intent
// script decides without a network call. Plain types on purpose: the script has a 3 KB budget
// and cannot pay for a schema library; the server builds the value from validated input.
import type { PublishedExperiment } from '../offers/published-config';

/** The metafield key (namespace `$app`) the embed's Liquid reads. */
export const STOREFRONT_CONFIG_KEY = 'storefront_config';

/** Liquid's `request.page_type` values the modal may show on (checkout is never one). */
export const STOREFRONT_PAGES = [
  'index',
  'product',
  'collection',
  'cart',
  'search',
  'page',
] as const;
export type StorefrontPage = (typeof STOREFRONT_PAGES)[number];

/**
 * When intent fires; merchant-tunable. Speeds are in CSS pixels per millisecond. A value of 0
 * switches the signal off (idle timer, tab return).
 */
export type IntentSettings = {
  /** Nothing fires before the visitor has been this long on the page. */
  minTimeOnPageMs: number;
  /** Desktop: the pointer leaves through the top at least this fast upwards. */
  exitSpeed: number;
  /** Touch: an upward scroll at least this fast ... */
  scrollUpSpeed: number;
  /** ... after the visitor scrolled at least this far down (read something). */
  minReadDepth: number;
  /** Touch: coming back to the tab after at least this long away. */
  tabAwayMs: number;
  /** Any device: no pointer, key, touch or scroll for this long. */
  idleMs: number;
  /** At most one trigger per visitor in this window (local storage), holdout included. */
  frequencyCapHours: number;
};

/** What a non-holdout arm shows: the offer's text. The code itself arrives after intent. */
export type StorefrontContent = { heading: string; body: string; buttonLabel?: string };

export type StorefrontOffer = {
  id: string;
  /** Higher first; the script shows at most one offer per page view. */
  priority: number;
  /** Epoch ms, inclusive / exclusive. */
  startsAt?: number | null;
  endsAt?: number | null;
  pages: StorefrontPage[];
  intent: IntentSettings;
  /** The unit is the storefront visitor id (`_closer_vid`). */
  experiment: PublishedExperiment;
  /** Content per non-holdout arm key. */
  variants: Record<string, StorefrontContent>;
};

export type StorefrontConfig = {
  v: 1;
  shop: string;
  publishedAt: number;
  offers: StorefrontOffer[];
};

/**
 * The modal's own words, from the embed's locale files: each key `k` is rendered by the Liquid as
 * `{{ 'closer.modal.k' | t | json }}`.
 */
export const MODAL_STRING_KEYS = ['code_label', 'copy', 'copied', 'apply', 'close'] as const;
export type ModalStrings = Record<(typeof MODAL_STRING_KEYS)[number], string>;

/**
 * The JSON the app embed renders into `<script type="application/json" id="closer-embed">`:
 * the published config, the modal's translated strings, the page type, and the path the shop's
 * App Proxy and `/discount/…` links live under ("/" on a storefront).
 */
export type EmbedData = {
  config: StorefrontConfig | null;
  strings: ModalStrings;
  page: string;
  root: string;
};

/** What the server answers at `GET /apps/closer/coupon` for a treatment visitor. */
export type CouponAnswer = { code: string };
