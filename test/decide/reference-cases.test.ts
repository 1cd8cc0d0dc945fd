// GrowthBook's own SDK test cases are the spec for hashing, bucketing and conditions.
// Vendored unchanged in test/fixtures/ (source, commit and licence in its README.md).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  type BucketRange,
  type Condition,
  chooseVariation,
  evaluateCondition,
  getBucketRanges,
  hash,
} from '../../core/decide/index';

type SavedGroups = Parameters<typeof evaluateCondition>[2];
type ReferenceCases = {
  hash: [seed: string, value: string, version: number, expected: number | null][];
  getBucketRange: [
    name: string,
    args: [numVariations: number, coverage: number, weights: number[] | null],
    expected: [number, number][],
  ][];
  chooseVariation: [name: string, n: number, ranges: BucketRange[], expected: number][];
  evalCondition: [
    name: string,
    condition: Condition,
    attributes: Record<string, unknown>,
    expected: boolean,
    savedGroups?: SavedGroups,
  ][];
};

const casesPath = path.resolve(import.meta.dirname, '..', 'fixtures', 'growthbook-sdk-cases.json');
const cases = JSON.parse(readFileSync(casesPath, 'utf8')) as ReferenceCases;

/** Two cases share a name in the file; suffix repeats so every test has its own id. */
function uniqueNames<T extends { name: string }>(rows: T[]): T[] {
  const seen = new Map<string, number>();
  return rows.map((row) => {
    const count = (seen.get(row.name) ?? 0) + 1;
    seen.set(row.name, count);
    return count === 1 ? row : { ...row, name: `${row.name} (#${count})` };
  });
}

describe('hash', () => {
  const rows = cases.hash.map(([seed, value, version, expected]) => ({
    name: `hash(${JSON.stringify(seed)}, ${JSON.stringify(value)}, v${version}) = ${expected}`,
    seed,
    value,
    version,
    expected,
  }));
  test.each(rows)('$name', ({ seed, value, version, expected }) => {
    expect(hash(seed, value, version)).toBe(expected);
  });
});

describe('getBucketRange', () => {
  const rows = cases.getBucketRange.map(([name, args, expected]) => ({ name, args, expected }));
  test.each(uniqueNames(rows))('$name', ({ args, expected }) => {
    const [numVariations, coverage, weights] = args;
    const ranges = getBucketRanges(numVariations, coverage, weights);
    expect(ranges).toHaveLength(expected.length);
    ranges.forEach(([start, end], i) => {
      expect(start).toBeCloseTo(expected[i]![0], 6);
      expect(end).toBeCloseTo(expected[i]![1], 6);
    });
  });
});

describe('chooseVariation', () => {
  const rows = cases.chooseVariation.map(([name, n, ranges, expected]) => ({
    name,
    n,
    ranges,
    expected,
  }));
  test.each(uniqueNames(rows))('$name', ({ n, ranges, expected }) => {
    expect(chooseVariation(n, ranges)).toBe(expected);
  });
});

describe('evalCondition', () => {
  const rows = cases.evalCondition.map(([name, condition, attributes, expected, savedGroups]) => ({
    name,
    condition,
    attributes,
    expected,
    savedGroups,
  }));
  test.each(uniqueNames(rows))('$name', ({ condition, attributes, expected, savedGroups }) => {
    expect(evaluateCondition(condition, attributes, savedGroups)).toBe(expected);
  });
});
