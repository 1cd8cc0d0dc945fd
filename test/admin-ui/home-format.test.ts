import { describe, expect, test } from 'vitest';
import {
  abandonmentText,
  describeMethod,
  formatEstimate,
  funnelSteps,
  intervalName,
  intervalVerdict,
  liveText,
  measurementText,
} from '../../admin-ui/src/pages/home/home-format.js';

const estimate = { expected: 124_000, ci: [-4_000, 252_000] as [number, number], stddev: 65_000 };

describe('the headline figure', () => {
  test('is signed whole money with its interval, as the report writes it', () => {
    expect(formatEstimate(estimate, 'USD', 'en-US')).toEqual({
      value: '+$1,240',
      interval: '-$40 to +$2,520',
    });
    expect(formatEstimate({ ...estimate, expected: -90_000 }, 'JPY', 'en-US').value).toBe(
      '-¥90,000',
    );
  });

  test('a figure whose interval spans zero is said to be no finding yet', () => {
    expect(intervalVerdict(estimate)).toBe('Not distinguishable from zero yet.');
    expect(intervalVerdict({ ...estimate, ci: [1, 252_000] })).toBe('Above zero beyond chance.');
    expect(intervalVerdict({ ...estimate, expected: -5_000, ci: [-9_000, -1] })).toContain(
      'Below zero beyond chance',
    );
  });

  test('names its interval the way the shop computes it', () => {
    const frequentist = { engine: 'frequentist', sequential: true, alpha: 0.05 } as const;
    expect(intervalName(frequentist)).toBe('95% always-valid interval');
    expect(intervalName({ ...frequentist, sequential: false })).toBe('95% confidence interval');
    expect(intervalName({ ...frequentist, engine: 'bayesian' })).toBe('95% credible interval');
  });

  test('the footnote says variances are added and experiments treated as independent', () => {
    const text = describeMethod({ engine: 'frequentist', sequential: true, alpha: 0.05 });
    expect(text).toContain('adds their variances');
    expect(text).toContain('independent');
    expect(text).toContain('minimum number of orders');
  });
});

describe('an offer row', () => {
  test('shows a figure and interval only once measured', () => {
    expect(
      measurementText(
        { state: 'measured', incrementalRevenue: estimate, ordersNeeded: 0 },
        'USD',
        'en-US',
      ),
    ).toEqual({ value: '+$1,240', detail: '-$40 to +$2,520' });
  });

  test('before the minimum sample says how far there is to go, with no money', () => {
    const waiting = measurementText(
      { state: 'waiting', incrementalRevenue: null, ordersNeeded: 12 },
      'USD',
      'en-US',
    );
    expect(waiting).toEqual({ value: 'Too early', detail: '12 more orders per arm needed' });
    expect(
      measurementText({ state: 'waiting', incrementalRevenue: null, ordersNeeded: 1 }, 'USD')
        .detail,
    ).toBe('1 more order per arm needed');
    expect(JSON.stringify(waiting)).not.toMatch(/\$/);
  });

  test('names the states that never show a figure', () => {
    const row = (state: 'unreliable' | 'unmeasured' | 'no_data') =>
      measurementText({ state, incrementalRevenue: null, ordersNeeded: 0 }, 'USD');
    expect(row('unreliable')).toEqual({
      value: 'Not reliable',
      detail: 'Traffic split check failed',
    });
    expect(row('unmeasured')).toEqual({ value: 'Not measured', detail: 'No holdout' });
    expect(row('no_data').value).toBe('—');
  });

  test('live only when active and published; otherwise why not', () => {
    const live = { state: 'live', message: null, nextAttemptAt: null } as const;
    expect(liveText({ live: true, status: 'active', publication: live })).toBe('Live');
    expect(liveText({ live: false, status: 'paused', publication: live })).toBe('Not live');
    expect(
      liveText({
        live: false,
        status: 'active',
        publication: { state: 'retrying', message: 'Shopify refused', nextAttemptAt: 1 },
      }),
    ).toBe('Not live: Shopify refused — retrying');
    expect(
      liveText({
        live: false,
        status: 'active',
        publication: { state: 'publishing', message: null, nextAttemptAt: null },
      }),
    ).toBe('Publishing…');
  });
});

describe('funnels', () => {
  test('views → adds → orders, each step as a share of the one before', () => {
    const [views, adds, orders] = funnelSteps({ views: 200, adds: 50, orders: 10 });
    expect(views).toMatchObject({ label: 'Views', rate: null });
    expect(adds?.label).toBe('Adds');
    expect(adds?.rate).toMatch(/^25\s?% of views$/);
    expect(orders?.rate).toMatch(/^20\s?% of adds$/);
  });

  test('no rate after a zero step rather than a division by zero', () => {
    const steps = funnelSteps({ views: 0, adds: 0, orders: 0 });
    expect(steps.map((s) => s.rate)).toEqual([null, null, null]);
  });

  test('abandonment is a percentage, or a dash before any checkout started', () => {
    expect(abandonmentText(null)).toBe('—');
    expect(abandonmentText(0.5)).toMatch(/^50\s?%$/);
  });
});
