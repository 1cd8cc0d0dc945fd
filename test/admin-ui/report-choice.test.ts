import { describe, expect, test } from 'vitest';
import { reportPath } from '../../admin-ui/src/api/endpoints.js';
import {
  csvFileName,
  defaultChoice,
  effectiveChoice,
  isSavedDefault,
} from '../../admin-ui/src/pages/offer-results/report/report-choice.js';
import { report } from './report-fixture.js';

describe('report choice', () => {
  test('falls back to the server defaults when the shop saved none', () => {
    expect(defaultChoice(null)).toEqual({ engine: 'frequentist', sequential: true });
    expect(defaultChoice({ defaultHoldout: 0.1 })).toEqual({
      engine: 'frequentist',
      sequential: true,
    });
    expect(
      defaultChoice({ defaultHoldout: 0.1, statsEngine: 'bayesian', sequential: false }),
    ).toEqual({ engine: 'bayesian', sequential: false });
  });

  test('shows what the report was computed with until the merchant picks', () => {
    expect(effectiveChoice(null, report({ sequential: false }), null)).toEqual({
      engine: 'frequentist',
      sequential: false,
    });
    const picked = { engine: 'bayesian', sequential: true } as const;
    expect(effectiveChoice(picked, report(), null)).toBe(picked);
  });

  test('keeps the saved sequential preference behind a Bayesian report', () => {
    const bayesian = report({ engine: 'bayesian', sequential: false });
    expect(
      effectiveChoice(null, bayesian, { defaultHoldout: 0.1, statsEngine: 'bayesian' }),
    ).toEqual({ engine: 'bayesian', sequential: true });
  });

  test('knows when the choice is already the saved default', () => {
    expect(isSavedDefault({ engine: 'frequentist', sequential: true }, null)).toBe(true);
    expect(isSavedDefault({ engine: 'bayesian', sequential: true }, null)).toBe(false);
  });

  test('names the CSV as the server does, safe for a file system', () => {
    expect(csvFileName('exp_6353e3c05c53')).toBe('closer-exp_6353e3c05c53.csv');
    expect(csvFileName('a/b c')).toBe('closer-a_b_c.csv');
  });
});

describe('report path', () => {
  test('lets the server apply the shop defaults when nothing is picked', () => {
    expect(reportPath('exp_1', null)).toBe('/experiments/exp_1/report');
  });

  test('carries engine, sequential mode and format in the query', () => {
    expect(reportPath('exp_1', { engine: 'bayesian', sequential: false }, 'csv')).toBe(
      '/experiments/exp_1/report?format=csv&engine=bayesian&sequential=false',
    );
  });

  test('encodes the experiment key', () => {
    expect(reportPath('a/b', null)).toBe('/experiments/a%2Fb/report');
  });
});
