// GrowthBook's bucket maths (not exported by @growthbook/growthbook's entry, see hash.ts).

/** Half-open [start, end) slice of the unit interval owned by one arm. */
export type BucketRange = readonly [start: number, end: number];

function getEqualWeights(count: number): number[] {
  return count <= 0 ? [] : new Array<number>(count).fill(1 / count);
}

/**
 * One range per arm. Each arm keeps its place in [0, 1) whatever the coverage, so raising
 * coverage only adds units to arms and never moves a unit from one arm to another.
 * Invalid input is repaired the way GrowthBook repairs it, so both agree on every config:
 * coverage is clamped to [0, 1]; weights of the wrong length or not summing to 1 (±0.01)
 * fall back to equal weights.
 */
export function getBucketRanges(
  numVariations: number,
  coverage: number | null | undefined,
  weights?: readonly number[] | null,
): BucketRange[] {
  const cover = Math.min(1, Math.max(0, coverage ?? 1));
  const equal = getEqualWeights(numVariations);
  let used: readonly number[] = weights && weights.length === numVariations ? weights : equal;
  const total = used.reduce((sum, w) => sum + w, 0);
  if (total < 0.99 || total > 1.01) used = equal;

  let cumulative = 0;
  return used.map((w) => {
    const start = cumulative;
    cumulative += w;
    return [start, start + cover * w] as const;
  });
}

/** Index of the range holding n, or -1 when n falls in the uncovered gap. */
export function chooseVariation(n: number, ranges: readonly BucketRange[]): number {
  return ranges.findIndex(([start, end]) => n >= start && n < end);
}
