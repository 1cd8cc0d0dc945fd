import type { OfferCreateBody } from '../../core/offers/contract.js';
import type { SimulatedKind } from './options.js';

/** Marks the simulator's offers in the merchant's list, so no one mistakes one for their own. */
export const SIMULATION_NAME_PREFIX = '[Simulation]';

/**
 * The offer each simulated kind creates through the admin API, as a merchant would fill the
 * editor: the cross-sell offers the demo catalog's care kit; every coupon gives `percentOff` %
 * off the whole order (the kinds' required order-level discount).
 */
export function offerInputFor(kind: SimulatedKind, percentOff: number): OfferCreateBody {
  const common = {
    name: `${SIMULATION_NAME_PREFIX} ${kind.replace(/_/g, '-')}`,
    condition: null,
    priority: 0,
  };
  const discount = { type: 'percentage' as const, value: percentOff };
  switch (kind) {
    case 'cross_sell':
      return {
        ...common,
        kind,
        target: 'checkout_block',
        variants: [
          {
            heading: 'Complete your order',
            body: 'Add the care kit',
            buttonLabel: 'Add',
            // The demo catalog's Shoe Care Kit.
            products: ['gid://shopify/ProductVariant/20081'],
          },
        ],
      } as OfferCreateBody;
    case 'hesitation_coupon':
      return {
        ...common,
        kind,
        target: 'checkout_block',
        variants: [{ heading: 'Still deciding?', body: 'Here is a coupon', buttonLabel: 'Apply' }],
        discount,
      } as OfferCreateBody;
    case 'exit_coupon':
      return {
        ...common,
        kind,
        target: 'storefront_embed',
        variants: [{ heading: 'Before you go', body: 'A code for you', buttonLabel: 'Use it' }],
        discount,
      } as OfferCreateBody;
    case 'next_order_coupon':
      return {
        ...common,
        kind,
        target: 'thank_you_block',
        variants: [{ heading: 'Come back soon', body: 'Your next order, cheaper' }],
        discount,
      } as OfferCreateBody;
  }
}
