/**
 * A seeded source of shopper behaviour. mulberry32 is tiny and good enough for simulation; the
 * point is that one `--seed` always draws the same numbers, so a surprising run can be replayed.
 */
export interface Random {
  /** Uniform in [0, 1). */
  uniform(): number;
  /** Standard normal (Box–Muller); always consumes exactly two uniforms, so streams stay aligned. */
  normal(): number;
}

export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const uniform = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    uniform,
    normal: () => {
      // 1 − u keeps the argument of log in (0, 1].
      const radius = Math.sqrt(-2 * Math.log(1 - uniform()));
      return radius * Math.cos(2 * Math.PI * uniform());
    },
  };
}

/**
 * A log-normal draw with the given mean (not median): μ = ln(mean) − σ²/2 makes E[X] = mean,
 * so the simulated average order value is the `--aov` asked for, whatever the spread.
 */
export function logNormal(random: Random, mean: number, sigma: number): number {
  return Math.exp(Math.log(mean) - (sigma * sigma) / 2 + sigma * random.normal());
}
