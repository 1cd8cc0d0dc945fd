import { assignArm } from '../../core/decide/decide-offers.js';
import type { PublishedExperiment } from '../../core/offers/published-config.js';
import type { StorefrontOfferSpec } from '../../core/storefront/build-config.js';

export const EXIT_OFFER: StorefrontOfferSpec = {
  id: 'exit-10',
  priority: 1,
  pages: ['product', 'cart'],
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
    key: 'exp-exit-10',
    seed: 'exp-exit-10',
    coverage: 0.9,
    arms: [
      { key: 'holdout', weight: 0.5, holdout: true },
      { key: 'treatment', weight: 0.5, holdout: false },
    ],
  },
  variants: { treatment: { heading: 'Wait: 10% off', body: 'Use this code today.' } },
  sharedCode: 'CLOSER-EXIT10',
};

/** A visitor id that decide puts in the wanted arm, or outside coverage for `null`. */
export function visitorIn(
  experiment: PublishedExperiment,
  arm: 'treatment' | 'holdout' | null,
  prefix = 'visitor',
): string {
  for (let i = 0; i < 100_000; i++) {
    const id = `${prefix}-${i.toString(16).padStart(6, '0')}`;
    const assigned = assignArm(experiment, id);
    if (arm === null ? assigned === null : assigned?.key === arm) return id;
  }
  throw new Error(`no visitor in ${arm}`);
}
