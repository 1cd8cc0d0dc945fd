import { describe, expect, test } from 'vitest';
import {
  decideOffers,
  type OfferDecision,
  shouldLogExposure,
  shouldRender,
} from '../../core/decide/index';
import { makeConfig, makeContext, makeOffer, makeProduct, NOW, singleArm } from './fixtures';

const UNIT = 'checkout-token-abc';

function offerIds(decisions: OfferDecision[]): string[] {
  return decisions.map((d) => d.offerId);
}

describe('schedule', () => {
  test('skips an offer that has not started yet', () => {
    const offer = makeOffer({ startsAt: NOW + 1 });
    expect(decideOffers(makeConfig([offer]), makeContext(), UNIT)).toEqual([]);
  });

  test('includes an offer from the millisecond it starts', () => {
    const offer = makeOffer({ startsAt: NOW });
    expect(offerIds(decideOffers(makeConfig([offer]), makeContext(), UNIT))).toEqual(['offer-1']);
  });

  test('skips an offer once it has ended (end is exclusive)', () => {
    const offer = makeOffer({ endsAt: NOW });
    expect(decideOffers(makeConfig([offer]), makeContext(), UNIT)).toEqual([]);
  });

  test('treats null bounds as open', () => {
    const offer = makeOffer({ startsAt: null, endsAt: null });
    expect(decideOffers(makeConfig([offer]), makeContext(), UNIT)).toHaveLength(1);
  });
});

describe('targeting condition', () => {
  test('skips an offer whose condition fails', () => {
    const offer = makeOffer({ condition: { subtotal: { $gte: 10000 } } });
    expect(decideOffers(makeConfig([offer]), makeContext({ subtotal: 5000 }), UNIT)).toEqual([]);
  });

  test('includes an offer whose condition passes', () => {
    const offer = makeOffer({ condition: { subtotal: { $gte: 10000 }, currency: 'USD' } });
    const decisions = decideOffers(makeConfig([offer]), makeContext({ subtotal: 12000 }), UNIT);
    expect(offerIds(decisions)).toEqual(['offer-1']);
  });

  test('evaluates conditions against derived attributes such as cart product ids', () => {
    const offer = makeOffer({
      condition: { cartProductIds: { $in: ['gid://shopify/Product/1'] } },
    });
    expect(decideOffers(makeConfig([offer]), makeContext(), UNIT)).toHaveLength(1);
    expect(decideOffers(makeConfig([offer]), makeContext({ cartLines: [] }), UNIT)).toEqual([]);
  });

  test('skips an offer with a malformed condition instead of throwing', () => {
    const offer = makeOffer({ condition: { $and: null } });
    expect(decideOffers(makeConfig([offer]), makeContext(), UNIT)).toEqual([]);
  });
});

describe('products', () => {
  test('drops products whose variant is already in the cart', () => {
    const offer = makeOffer({ products: [makeProduct(1), makeProduct(2)] });
    const [decision] = decideOffers(makeConfig([offer]), makeContext(), UNIT);
    expect(decision?.products.map((p) => p.variantId)).toEqual(['gid://shopify/ProductVariant/2']);
  });

  test('keeps another variant of a product in the cart (upsell)', () => {
    const other = makeProduct(2, { productId: 'gid://shopify/Product/1' });
    const offer = makeOffer({ products: [other] });
    const [decision] = decideOffers(makeConfig([offer]), makeContext(), UNIT);
    expect(decision?.products).toEqual([other]);
  });

  test('an offer that requires a cart variant (upsell trigger) is eligible only while it is there', () => {
    const upgrade = makeProduct(2, { productId: 'gid://shopify/Product/1' });
    const inCart = makeContext().cartLines[0]?.variantId as string;
    const triggered = makeOffer({ products: [upgrade], requiresInCart: [inCart] });
    const absent = makeOffer({
      products: [upgrade],
      requiresInCart: ['gid://shopify/ProductVariant/999'],
    });
    expect(decideOffers(makeConfig([triggered]), makeContext(), UNIT)).toHaveLength(1);
    expect(decideOffers(makeConfig([absent]), makeContext(), UNIT)).toEqual([]);
  });

  test('drops unavailable products', () => {
    const offer = makeOffer({
      products: [makeProduct(2, { available: false }), makeProduct(3)],
    });
    const [decision] = decideOffers(makeConfig([offer]), makeContext(), UNIT);
    expect(decision?.products.map((p) => p.variantId)).toEqual(['gid://shopify/ProductVariant/3']);
  });

  test('skips an offer when every product is in the cart or unavailable', () => {
    const offer = makeOffer({ products: [makeProduct(1), makeProduct(2, { available: false })] });
    expect(decideOffers(makeConfig([offer]), makeContext(), UNIT)).toEqual([]);
  });

  test('keeps an offer that lists no products at all (CTA, coupon)', () => {
    const offer = makeOffer({ products: [] });
    const [decision] = decideOffers(makeConfig([offer]), makeContext(), UNIT);
    expect(decision?.products).toEqual([]);
  });
});

describe('target and order', () => {
  test('returns only offers at the requested target', () => {
    const config = makeConfig([
      makeOffer({ id: 'block' }),
      makeOffer({ id: 'lines', target: 'cart_line_list_after' }),
    ]);
    const decisions = decideOffers(config, makeContext(), UNIT, { target: 'cart_line_list_after' });
    expect(offerIds(decisions)).toEqual(['lines']);
  });

  test('returns every target when none is requested', () => {
    const config = makeConfig([
      makeOffer({ id: 'block' }),
      makeOffer({ id: 'lines', target: 'cart_line_list_after' }),
    ]);
    expect(offerIds(decideOffers(config, makeContext(), UNIT))).toEqual(['block', 'lines']);
  });

  test('sorts by priority, higher first, keeping config order on ties', () => {
    const config = makeConfig([
      makeOffer({ id: 'low', priority: 1 }),
      makeOffer({ id: 'tie-a', priority: 5 }),
      makeOffer({ id: 'high', priority: 10 }),
      makeOffer({ id: 'tie-b', priority: 5 }),
    ]);
    expect(offerIds(decideOffers(config, makeContext(), UNIT))).toEqual([
      'high',
      'tie-a',
      'tie-b',
      'low',
    ]);
  });
});

describe('assignment', () => {
  test('a treatment arm is rendered and logged', () => {
    const offer = makeOffer({ experiment: singleArm(false) });
    const [decision] = decideOffers(makeConfig([offer]), makeContext(), UNIT);
    expect(decision).toMatchObject({ experimentKey: 'exp-1', inExperiment: true, arm: 'only' });
    expect(decision && shouldRender(decision)).toBe(true);
    expect(decision && shouldLogExposure(decision)).toBe(true);
  });

  test('a holdout arm is returned with holdout: true, logged but not rendered', () => {
    const offer = makeOffer({ experiment: singleArm(true) });
    const [decision] = decideOffers(makeConfig([offer]), makeContext(), UNIT);
    expect(decision).toMatchObject({ inExperiment: true, arm: 'only', holdout: true });
    expect(decision && shouldRender(decision)).toBe(false);
    expect(decision && shouldLogExposure(decision)).toBe(true);
  });

  test('a unit outside coverage is not in the experiment: no render, no exposure', () => {
    const offer = makeOffer({ experiment: singleArm(false, 0) });
    const [decision] = decideOffers(makeConfig([offer]), makeContext(), UNIT);
    expect(decision).toMatchObject({ inExperiment: false, arm: null, holdout: false });
    expect(decision && shouldRender(decision)).toBe(false);
    expect(decision && shouldLogExposure(decision)).toBe(false);
  });

  test('an empty unit id is never put in the experiment', () => {
    const offer = makeOffer({ experiment: singleArm(false) });
    const [decision] = decideOffers(makeConfig([offer]), makeContext(), '');
    expect(decision?.inExperiment).toBe(false);
  });

  test('skips an offer whose experiment has no arms', () => {
    const offer = makeOffer({ experiment: { key: 'e', seed: 's', coverage: 1, arms: [] } });
    expect(decideOffers(makeConfig([offer]), makeContext(), UNIT)).toEqual([]);
  });

  test('the same unit gets the same arm on every call and in any context', () => {
    const config = makeConfig([makeOffer()]);
    for (let i = 0; i < 200; i++) {
      const unit = `unit-${i}`;
      const first = decideOffers(config, makeContext(), unit);
      const again = decideOffers(config, makeContext({ subtotal: 99999, now: NOW + 1000 }), unit);
      expect(again).toEqual(first);
    }
  });

  test('a different seed reshuffles units', () => {
    const a = makeConfig([makeOffer()]);
    const b = makeConfig([makeOffer({ experiment: { ...makeOffer().experiment, seed: 'other' } })]);
    const arms = (config: typeof a, unit: string) =>
      decideOffers(config, makeContext(), unit)[0]?.arm;
    const units = Array.from({ length: 500 }, (_, i) => `unit-${i}`);
    expect(units.some((u) => arms(a, u) !== arms(b, u))).toBe(true);
  });

  test('raising coverage never moves a covered unit to another arm', () => {
    const experiment = (coverage: number) => ({ ...makeOffer().experiment, coverage });
    const half = makeConfig([makeOffer({ experiment: experiment(0.5) })]);
    const full = makeConfig([makeOffer({ experiment: experiment(1) })]);
    for (let i = 0; i < 1000; i++) {
      const [before] = decideOffers(half, makeContext(), `unit-${i}`);
      const [after] = decideOffers(full, makeContext(), `unit-${i}`);
      if (before?.inExperiment) expect(after?.arm).toBe(before.arm);
    }
  });
});

describe('split', () => {
  function holdoutShare(coverage: number, holdoutWeight: number) {
    const offer = makeOffer({
      experiment: {
        key: 'split',
        seed: 'split-seed',
        coverage,
        arms: [
          { key: 'control', weight: holdoutWeight, holdout: true },
          { key: 'treatment', weight: 1 - holdoutWeight, holdout: false },
        ],
      },
    });
    const config = makeConfig([offer]);
    let inExperiment = 0;
    let holdout = 0;
    for (let i = 0; i < 10_000; i++) {
      const [decision] = decideOffers(config, makeContext(), `unit-${i}`);
      if (decision?.inExperiment) inExperiment++;
      if (decision?.holdout) holdout++;
    }
    return { inExperiment, share: holdout / inExperiment };
  }

  test.each([0.1, 0.2, 0.5])(
    'holdout share over 10,000 units is within ±1.5 points of %s',
    (weight) => {
      const { inExperiment, share } = holdoutShare(1, weight);
      expect(inExperiment).toBe(10_000);
      expect(Math.abs(share - weight)).toBeLessThanOrEqual(0.015);
    },
  );

  test('coverage 0.5 admits about half the units and keeps the holdout share', () => {
    const { inExperiment, share } = holdoutShare(0.5, 0.1);
    expect(Math.abs(inExperiment / 10_000 - 0.5)).toBeLessThanOrEqual(0.015);
    expect(Math.abs(share - 0.1)).toBeLessThanOrEqual(0.015);
  });
});
