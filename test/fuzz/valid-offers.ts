import fc from 'fast-check';
import { CTA_ICONS } from '../../core/offers/catalog.js';
import {
  CARE_KIT,
  COFFEE_2PACK,
  COFFEE_BAG,
  crossSellInput,
  ctaInput,
  LACES,
  SPRAY,
  TOTE,
  upsellInput,
} from '../helpers/offers.js';

/**
 * Valid admin requests, varied, for the fuzzers to start from: an input the contract accepts
 * with one field made hostile is how a fuzzer gets past the first check to the code behind it.
 */
const catalogVariant = fc.constantFrom(TOTE, CARE_KIT, SPRAY, LACES);
const text = (max: number) =>
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: max }).filter((s) => s.trim() !== '');

const discount = fc.option(
  fc.oneof(
    fc.record({ type: fc.constant('percentage'), value: fc.integer({ min: 1, max: 90 }) }),
    fc.record({ type: fc.constant('fixed'), value: fc.integer({ min: 1, max: 10_000 }) }),
  ),
  { nil: null },
);

const common = {
  name: text(40),
  priority: fc.integer({ min: -1000, max: 1000 }),
  holdout: fc.double({ min: 0, max: 0.5, noNaN: true }),
};

const crossSell = fc
  .record({
    ...common,
    heading: text(40),
    products: fc.uniqueArray(catalogVariant, { minLength: 1, maxLength: 3 }),
    discount,
  })
  .map(({ heading, products, ...rest }) =>
    crossSellInput({
      ...rest,
      variants: [{ heading, body: '', buttonLabel: 'Add', products }],
    }),
  );

const upsell = fc
  .record({ ...common, discount })
  .map((fields) => upsellInput({ ...fields, triggers: [COFFEE_BAG], replacement: COFFEE_2PACK }));

const cta = fc
  .record({ ...common, icon: fc.constantFrom(...CTA_ICONS), heading: text(40) })
  .map(({ icon, heading, ...rest }) =>
    ctaInput({ ...rest, variants: [{ heading, body: 'Body', icon, link: null }] }),
  );

/** A body `POST /api/admin/offers` accepts. */
export const validOfferInput: fc.Arbitrary<Record<string, unknown>> = fc.oneof(
  crossSell,
  upsell,
  cta,
);

/** A body `PATCH /api/admin/offers/:id` accepts for any kind: common fields only. */
export const validOfferPatch: fc.Arbitrary<Record<string, unknown>> = fc.record(
  {
    name: common.name,
    priority: common.priority,
    holdout: common.holdout,
    startsAt: fc.constant(null),
    endsAt: fc.constant(null),
    condition: fc.constant(null),
  },
  { requiredKeys: [] },
);

/** A body `PATCH /api/admin/settings` accepts. */
export const validSettings: fc.Arbitrary<Record<string, unknown>> = fc.record(
  {
    defaultHoldout: fc.double({ min: 0, max: 0.5, noNaN: true }),
    statsEngine: fc.constantFrom('frequentist', 'bayesian'),
    sequential: fc.boolean(),
  },
  { requiredKeys: [] },
);
