import { describe, expect, test } from 'vitest';
import type { PublishedExperiment } from '../../core/decide/index.js';
import {
  generatePopulation,
  type PopulationParams,
  summarizeTruth,
} from '../../scripts/simulate/population.js';

// A fixed experiment makes the whole population deterministic, so these bounds cannot flake.
const experiment: PublishedExperiment = {
  key: 'exp_population',
  seed: 'exp_population',
  coverage: 1,
  arms: [
    { key: 'holdout', weight: 0.5, holdout: true },
    { key: 'treatment', weight: 0.5, holdout: false },
  ],
};

const params = (overrides: Partial<PopulationParams> = {}): PopulationParams => ({
  units: 60_000,
  lift: 0.2,
  liftVia: 'value',
  conversion: 0.3,
  aovMinor: 6000,
  refundRate: 0.1,
  skew: 0,
  seed: 3,
  runTag: 'test',
  orderIdBase: 1_000_000,
  offerPrice: 1900,
  ...overrides,
});

function rpuLift(units: ReturnType<typeof generatePopulation>) {
  const [control, treatment] = ['holdout', 'treatment'].map((key) =>
    summarizeTruth(units, experiment.arms).find((a) => a.arm === key),
  );
  return treatment!.netRevenue / treatment!.units / (control!.netRevenue / control!.units) - 1;
}

describe('synthetic shoppers', () => {
  test('the same seed draws the same shoppers', () => {
    const a = generatePopulation(params({ units: 500 }), experiment);
    const b = generatePopulation(params({ units: 500 }), experiment);
    expect(a).toEqual(b);
  });

  test('lift via order value raises revenue per unit by the lift, net of refunds', () => {
    const units = generatePopulation(params(), experiment);
    expect(rpuLift(units)).toBeGreaterThan(0.15);
    expect(rpuLift(units)).toBeLessThan(0.25);
    const refunded = units.filter((u) => (u.order?.refund ?? 0) > 0).length;
    expect(refunded / units.filter((u) => u.order).length).toBeCloseTo(0.1, 1);
  });

  test('lift via conversion raises the treatment conversion rate instead', () => {
    const units = generatePopulation(params({ liftVia: 'conversion', lift: 0.5 }), experiment);
    const rate = (holdout: boolean) => {
      const arm = units.filter((u) => u.arm.holdout === holdout);
      return arm.filter((u) => u.order).length / arm.length;
    };
    expect(rate(true)).toBeCloseTo(0.3, 1);
    expect(rate(false)).toBeCloseTo(0.45, 1);
  });

  test('offer lines appear only on treatment orders of shoppers who added the offer', () => {
    const units = generatePopulation(params(), experiment);
    const withLine = units.filter((u) => (u.order?.offerLine ?? 0) > 0);
    expect(withLine.length).toBeGreaterThan(0);
    expect(withLine.every((u) => !u.arm.holdout && u.added)).toBe(true);
  });

  test('skew drops the exposures of that share of holdout units, and only theirs', () => {
    const units = generatePopulation(params({ skew: 0.25 }), experiment);
    const [holdout, treatment] = summarizeTruth(units, experiment.arms);
    expect(treatment!.droppedUnits).toBe(0);
    const share = holdout!.droppedUnits / (holdout!.droppedUnits + holdout!.units);
    expect(share).toBeGreaterThan(0.23);
    expect(share).toBeLessThan(0.27);
  });
});

describe('synthetic shoppers, coupon kinds', () => {
  const coupon = { percentOff: 30, redemption: 0.9, repeatRate: 0 };

  test('cross-sell draws are unchanged by the coupon model existing (same seed, same shoppers)', () => {
    const a = generatePopulation(params({ units: 300 }), experiment);
    const b = generatePopulation(params({ units: 300, coupon: null }), experiment);
    expect(b).toEqual(a);
  });

  test('only treatment buyers redeem, at the redemption rate, paying the order less the percent off', () => {
    const units = generatePopulation(params({ coupon, lift: 0.05 }), experiment);
    const redeemed = units.filter((u) => (u.order?.discount ?? 0) > 0);
    expect(redeemed.every((u) => !u.arm.holdout)).toBe(true);
    const treatmentBuyers = units.filter((u) => !u.arm.holdout && u.order).length;
    expect(redeemed.length / treatmentBuyers).toBeGreaterThan(0.87);
    expect(redeemed.length / treatmentBuyers).toBeLessThan(0.93);
    for (const { order } of redeemed) {
      const gross = order!.subtotal + order!.discount;
      expect(order!.discount).toBe(Math.round((gross * 30) / 100));
    }
    // No cross-sell line on a coupon order.
    expect(units.every((u) => (u.order?.offerLine ?? 0) === 0)).toBe(true);
  });

  test('a small conversion lift under a deep discount loses revenue per unit; a large one gains', () => {
    // (1 + 0.05) · (1 − 0.9 · 0.3) = 0.77 of the holdout's revenue per unit.
    expect(rpuLift(generatePopulation(params({ coupon, lift: 0.05 }), experiment))).toBeLessThan(
      -0.18,
    );
    // (1 + 0.6) · (1 − 0.8 · 0.1) = 1.47.
    const generous = { percentOff: 10, redemption: 0.8, repeatRate: 0 };
    const gain = rpuLift(generatePopulation(params({ coupon: generous, lift: 0.6 }), experiment));
    expect(gain).toBeGreaterThan(0.4);
    expect(gain).toBeLessThan(0.55);
  });

  test('next-order customers: numeric unit ids, a share order twice, the second order undiscounted', () => {
    const units = generatePopulation(
      params({ coupon: { ...coupon, repeatRate: 0.25 }, unitIds: 'customer', units: 20_000 }),
      experiment,
    );
    expect(units.every((u) => /^\d+$/.test(u.unit))).toBe(true);
    expect(new Set(units.map((u) => u.unit)).size).toBe(units.length);
    const repeats = units.filter((u) => u.repeat);
    expect(repeats.every((u) => u.order !== null && u.repeat!.discount === 0)).toBe(true);
    const share = repeats.length / units.filter((u) => u.order).length;
    expect(share).toBeGreaterThan(0.22);
    expect(share).toBeLessThan(0.28);
    const [holdout] = summarizeTruth(units, experiment.arms);
    expect(holdout!.orders).toBe(
      units
        .filter((u) => u.arm.holdout)
        .reduce((n, u) => n + (u.order ? 1 : 0) + (u.repeat ? 1 : 0), 0),
    );
  });
});
