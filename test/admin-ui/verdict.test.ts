import { describe, expect, test } from 'vitest';
import {
  describeMethod,
  verdictNextStep,
  verdictTone,
} from '../../admin-ui/src/pages/offer-results/report/verdict.js';
import { report } from './report-fixture.js';

describe('verdict', () => {
  test('maps each verdict kind to its banner tone', () => {
    expect(verdictTone('positive')).toBe('success');
    expect(verdictTone('negative')).toBe('critical');
    expect(verdictTone('inconclusive')).toBe('info');
    expect(verdictTone('not_enough_data')).toBe('warning');
  });

  test('tells the merchant what to do next', () => {
    expect(verdictNextStep('negative')).toContain('Consider pausing');
    expect(verdictNextStep('inconclusive')).toContain('includes zero');
  });

  test('puts a sample ratio mismatch before any advice about the result', () => {
    expect(verdictNextStep('positive', true)).toMatch(/^Do not act on this yet/);
  });

  test('names the method, the interval level and the sample', () => {
    expect(describeMethod(report())).toBe(
      `Frequentist · 95% sequential interval (safe to peek) · ${(4000).toLocaleString()} checkouts in the test`,
    );
    expect(describeMethod(report({ sequential: false }))).toContain('fixed-horizon');
    expect(describeMethod(report({ engine: 'bayesian', sequential: false }))).toMatch(
      /^Bayesian · 95% credible interval/,
    );
  });
});
