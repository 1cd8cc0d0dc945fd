import type { ArmSums } from '../../server/stats';

/** mulberry32: a tiny seeded PRNG so every simulation run draws the same numbers. */
export function createUniform(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Standard normal draws by Box–Muller, using both outputs of each pair. */
export function createNormal(seed: number): () => number {
  const uniform = createUniform(seed);
  let spare: number | null = null;
  return () => {
    if (spare !== null) {
      const value = spare;
      spare = null;
      return value;
    }
    // 1 − u keeps the argument of log in (0, 1].
    const radius = Math.sqrt(-2 * Math.log(1 - uniform()));
    const angle = 2 * Math.PI * uniform();
    spare = radius * Math.sin(angle);
    return radius * Math.cos(angle);
  };
}

/** Per-arm sums that grow as units arrive, like the database aggregate would. */
export function createArmAccumulator(): { add: (value: number) => void; sums: () => ArmSums } {
  let n = 0;
  let sum = 0;
  let sumSquares = 0;
  return {
    add: (value) => {
      n += 1;
      sum += value;
      sumSquares += value * value;
    },
    sums: () => ({ n, sum, sumSquares }),
  };
}
