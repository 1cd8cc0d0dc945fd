/** Wall-clock timings: warm-up runs first (JIT, page cache, prepared statements), then the median. */
export interface Timing {
  /** Median of `runsMs`; a single run when the warm-up alone was too slow to repeat. */
  medianMs: number;
  minMs: number;
  maxMs: number;
  runsMs: number[];
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export async function measure(
  work: () => Promise<unknown>,
  {
    warmups = 1,
    runs = 5,
    tooSlowMs = 10_000,
  }: { warmups?: number; runs?: number; tooSlowMs?: number } = {},
): Promise<Timing> {
  for (let i = 0; i < warmups; i++) {
    const started = performance.now();
    await work();
    const ms = performance.now() - started;
    // Far over any budget: one figure says so as well as five, and the bench still ends today.
    if (ms > tooSlowMs) return { medianMs: ms, minMs: ms, maxMs: ms, runsMs: [ms] };
  }
  const runsMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await work();
    runsMs.push(performance.now() - started);
  }
  return {
    medianMs: median(runsMs),
    minMs: Math.min(...runsMs),
    maxMs: Math.max(...runsMs),
    runsMs,
  };
}
