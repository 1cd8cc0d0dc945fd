import { describe, expect, test } from 'vitest';
import {
  hasExposures,
  toResultsRows,
} from '../../admin-ui/src/pages/offer-results/results-rows.js';
import { arm } from './fixtures.js';

describe('results rows', () => {
  const arms = [
    arm({
      arm: 'treatment',
      units: 1200,
      orders: 300,
      conversionRate: 0.25,
      revenue: 1_234_500,
      attributedRevenue: 45_000,
    }),
    arm({ arm: 'holdout', holdout: true, units: 130, orders: 30, conversionRate: 30 / 130 }),
  ];

  test('puts the holdout baseline first', () => {
    expect(toResultsRows(arms, 'USD').map((row) => row.arm)).toEqual(['holdout', 'treatment']);
  });

  test('formats counts, rates and money in the shop currency', () => {
    const treatment = toResultsRows(arms, 'USD')[1];
    expect(treatment).toMatchObject({
      label: 'Variant A (saw the offer)',
      units: (1200).toLocaleString(),
      orders: '300',
      conversionRate: (0.25).toLocaleString(undefined, { style: 'percent' }),
    });
    const usd = new Intl.NumberFormat(undefined, { style: 'currency', currency: 'USD' });
    expect(treatment?.revenue).toBe(usd.format(12_345));
    expect(treatment?.attributedRevenue).toBe(usd.format(450));
  });

  test('gives revenue per unit, the figure that compares arms of different sizes', () => {
    const [holdout, treatment] = toResultsRows(
      [
        arm({ units: 3, revenue: 1000 }),
        arm({ arm: 'holdout', holdout: true, units: 1, revenue: 0 }),
      ],
      'USD',
    );
    const usd = new Intl.NumberFormat(undefined, { style: 'currency', currency: 'USD' });
    expect(treatment?.revenuePerUnit).toBe(usd.format(3.33));
    expect(holdout?.revenuePerUnit).toBe(usd.format(0));
    expect(toResultsRows([arm({ units: 0 })], 'USD')[0]?.revenuePerUnit).toBe('—');
  });

  test('attributes nothing to the holdout, which never saw the offer', () => {
    expect(toResultsRows(arms, 'USD')[0]?.attributedRevenue).toBeNull();
  });

  test('shows no conversion rate for an arm without units', () => {
    expect(toResultsRows([arm({ units: 0 })], 'JPY')[0]?.conversionRate).toBe('—');
    expect(hasExposures([arm({ units: 0 })])).toBe(false);
    expect(hasExposures(arms)).toBe(true);
  });
});
