import type { StorefrontOfferSpec } from '../../../core/storefront/build-config.js';
import type { ReadStorefrontOffers } from '../../routes/proxy/storefront-offers.js';

/**
 * The demo shop's exit-intent coupon, until coupon offers can be created in the admin (they are
 * not in the offer contract yet). Half the visitors are held out, so both arms are easy to see.
 */
export const DEMO_EXIT_OFFER: StorefrontOfferSpec = {
  id: 'demo-exit-coupon',
  priority: 0,
  pages: ['index', 'product', 'cart'],
  intent: {
    minTimeOnPageMs: 3_000,
    exitSpeed: 0.3,
    scrollUpSpeed: 1,
    minReadDepth: 400,
    tabAwayMs: 3_000,
    idleMs: 45_000,
    frequencyCapHours: 24,
  },
  experiment: {
    key: 'demo-exit-coupon-1',
    seed: 'demo-exit-coupon-1',
    coverage: 1,
    arms: [
      { key: 'holdout', weight: 0.5, holdout: true },
      { key: 'treatment', weight: 0.5, holdout: false },
    ],
  },
  variants: {
    treatment: {
      heading: 'Before you go: 10% off',
      body: 'Take 10% off your order today with this code.',
    },
  },
  sharedCode: 'CLOSER-WELCOME10',
};

/** The demo shop's storefront offers, for the App Proxy's coupon route and the demo pages. */
export function demoStorefrontOffers(shop: string): ReadStorefrontOffers {
  return async (asked) => (asked === shop ? [DEMO_EXIT_OFFER] : []);
}
