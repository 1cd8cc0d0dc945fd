import { describe, expect, test } from 'vitest';
import { isJsonDeeperThan, MAX_JSON_DEPTH } from '../../server/http/json-depth.js';

const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

describe('isJsonDeeperThan', () => {
  test('exactly the limit passes, one more level does not', () => {
    expect(isJsonDeeperThan(nested(MAX_JSON_DEPTH))).toBe(false);
    expect(isJsonDeeperThan(nested(MAX_JSON_DEPTH + 1))).toBe(true);
    expect(isJsonDeeperThan(`{"a":${nested(3)}}`, 3)).toBe(true);
    expect(isJsonDeeperThan(`{"a":${nested(2)}}`, 3)).toBe(false);
  });

  test('brackets inside strings, escaped quotes included, do not count', () => {
    const text = JSON.stringify({ s: `\\"${'['.repeat(200)}"` });
    expect(isJsonDeeperThan(text)).toBe(false);
    expect(isJsonDeeperThan(JSON.stringify(['{{{{', [['"[']]]), 2)).toBe(true);
  });

  test('siblings do not add up: depth, not bracket count', () => {
    const wide = JSON.stringify(Array.from({ length: 500 }, () => [[1]]));
    expect(isJsonDeeperThan(wide, 3)).toBe(false);
  });
});
