import { describe, expect, test } from 'vitest';
import { describeShortfall, sampleProgress } from '../../server/domain/report-sample.js';
import type { LeaderReport, VariantReport } from '../../server/domain/report-types.js';
import {
  describeLeader,
  describeVerdict,
  formatLevel,
  formatPValue,
  summarizeVerdict,
} from '../../server/domain/report-verdict.js';
import type { Comparison } from '../../server/stats/index.js';

const ci = (lo: number, hi: number, warnings: Comparison['warnings'] = []): Comparison => ({
  expected: (lo + hi) / 2,
  ci: [lo, hi],
  stddev: 1,
  warnings,
});
const options = { alpha: 0.05, engine: 'frequentist' as const };

describe('minimum sample', () => {
  test('counts the orders the arm furthest from the minimum still needs', () => {
    const sample = sampleProgress([
      { arm: 'holdout', label: 'Holdout', orders: 2 },
      { arm: 'treatment', label: 'Variant A', orders: 40 },
    ]);
    expect(sample).toMatchObject({ reached: false, ordersNeeded: 28, minimumOrdersPerArm: 30 });
    expect(describeShortfall(sample)).toBe(
      '28 more orders per arm needed before a result is shown (each arm needs 30; Holdout has 2)',
    );
    expect(
      sampleProgress([
        { arm: 'holdout', label: 'Holdout', orders: 30 },
        { arm: 'treatment', label: 'Variant A', orders: 31 },
      ]),
    ).toMatchObject({ reached: true, ordersNeeded: 0 });
  });
});

describe('verdict before the minimum sample', () => {
  const early = sampleProgress([
    { arm: 'holdout', label: 'Holdout', orders: 1 },
    { arm: 'treatment', label: 'Variant A', orders: 1 },
  ]);

  test('states no figure, only how far there is to go', () => {
    // The interval would be "−$5,375 to +$5,321": exactly what must not headline.
    const verdict = describeVerdict(
      ci(-537_500, 532_100),
      ci(-25, 25),
      { ...options, sample: early },
      'USD',
    );
    expect(verdict.kind).toBe('not_enough_data');
    expect(verdict.text).toBe(
      'Not enough data yet: 29 more orders per arm needed before a result is shown (each arm needs 30; Holdout has 1).',
    );
  });

  test('states no figure when the engine cannot compare either', () => {
    const verdict = describeVerdict(
      ci(-5000, 5000),
      ci(-1, 1, ['not_enough_data']),
      options,
      'USD',
    );
    expect(verdict.kind).toBe('not_enough_data');
    expect(verdict.text).not.toMatch(/\$|%/);
  });

  test('reads a multiple-comparison interval at its own level, prefixed with the variant', () => {
    const verdict = describeVerdict(
      ci(31000, 217000),
      ci(0.1, 0.3),
      { alpha: 0.05 / 3, engine: 'frequentist', label: 'Variant B' },
      'USD',
    );
    expect(verdict).toEqual({
      kind: 'positive',
      text: 'Variant B: +$1,240 incremental revenue, 98.3% CI +$310 to +$2,170',
    });
  });
});

describe('formatting', () => {
  test('names interval levels with the decimal they need', () => {
    expect(formatLevel(0.05)).toBe('95%');
    expect(formatLevel(0.025)).toBe('97.5%');
    expect(formatLevel(0.05 / 3)).toBe('98.3%');
  });

  test('never prints a p-value of 1.000 or 0.000', () => {
    expect(formatPValue(1)).toBe('> 0.99');
    expect(formatPValue(0.995)).toBe('> 0.99');
    expect(formatPValue(0.0002)).toBe('< 0.001');
    expect(formatPValue(0.0112)).toBe('0.011');
  });
});

describe('A/B/n headline', () => {
  const reached = sampleProgress([
    { arm: 'holdout', label: 'Holdout', orders: 90 },
    { arm: 'treatment', label: 'Variant A', orders: 40 },
    { arm: 'treatment_b', label: 'Variant B', orders: 45 },
  ]);
  const variant = (arm: string, label: string, kind: VariantReport['verdict']['kind']) =>
    ({
      arm,
      label,
      ready: true,
      sample: reached,
      verdict: { kind, text: `${label}: verdict` },
    }) as VariantReport;
  const margin = (distinguishable: boolean) => ({
    arm: 'treatment',
    label: 'Variant A',
    difference: ci(1, 2),
    distinguishable,
  });

  test('names the leader and whether it can be told apart from the others', () => {
    expect(describeLeader('ahead', 'Variant B', [margin(false)], reached)).toBe(
      'Variant B leads on revenue per unit so far, but cannot yet be told apart from Variant A.',
    );
    expect(describeLeader('clear', 'Variant B', [margin(true)], reached)).toBe(
      'Variant B leads on revenue per unit, ahead of Variant A beyond chance.',
    );
  });

  test('leads with the leader, then its verdict against the holdout', () => {
    const leader: LeaderReport = {
      arm: 'treatment_b',
      label: 'Variant B',
      status: 'clear',
      margins: [margin(true)],
      text: 'Variant B leads.',
    };
    const verdict = summarizeVerdict(
      [
        variant('treatment', 'Variant A', 'inconclusive'),
        variant('treatment_b', 'Variant B', 'positive'),
      ],
      leader,
      reached,
    );
    expect(verdict).toEqual({ kind: 'positive', text: 'Variant B leads. Variant B: verdict' });
  });

  test('says nothing about a leader under a sample ratio mismatch', () => {
    const verdict = summarizeVerdict(
      [
        variant('treatment', 'Variant A', 'inconclusive'),
        variant('treatment_b', 'Variant B', 'positive'),
      ],
      { arm: null, label: null, status: 'unreliable', margins: [], text: '' },
      reached,
    );
    expect(verdict.kind).toBe('inconclusive');
    expect(verdict.text).toMatch(/^Sample ratio mismatch/);
  });
});
