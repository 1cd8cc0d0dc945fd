import { expect, test } from 'vitest';
import { FUZZ_RUNS, FUZZ_TOTAL, MIN_TOTAL_INPUTS } from './plan.js';

// Each fuzz file checks that its targets ran their planned count; together they reach the floor.
test(`the fuzz suite plans at least ${MIN_TOTAL_INPUTS} generated inputs across the endpoints`, () => {
  expect(FUZZ_TOTAL).toBeGreaterThanOrEqual(MIN_TOTAL_INPUTS);
  for (const [target, runs] of Object.entries(FUZZ_RUNS)) expect(runs, target).toBeGreaterThan(0);
});
