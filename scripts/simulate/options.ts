import { z } from 'zod';

/** The kinds the simulator can drive; cross_sell is the default. */
export const SIMULATED_KINDS = [
  'cross_sell',
  'hesitation_coupon',
  'exit_coupon',
  'next_order_coupon',
] as const;

/**
 * What a simulation run is told. Rates are fractions; `aov` is in major units of the shop's
 * currency (60 = $60.00), as a merchant would say it.
 */
export const simulationOptionsSchema = z
  .object({
    /** The offer kind simulated, each exposed and linked to orders the way its surface does. */
    kind: z.enum(SIMULATED_KINDS),
    baseUrl: z.url({ protocol: /^https?$/ }).transform((u) => u.replace(/\/$/, '')),
    dataDir: z.string().min(1),
    units: z.coerce.number().int().min(1).max(1_000_000),
    /** True relative lift of revenue per unit in the treatment (0.1 = +10 %). */
    lift: z.coerce.number().gt(-1).max(10),
    holdout: z.coerce.number().gt(0).max(0.5),
    conversion: z.coerce.number().gt(0).max(1),
    aov: z.coerce.number().positive().max(100_000),
    refundRate: z.coerce.number().min(0).max(1),
    /** Share of holdout units whose exposure the (simulated, buggy) client never sends. */
    skew: z.coerce.number().min(0).max(1),
    seed: z.coerce
      .number()
      .int()
      .min(0)
      .max(2 ** 32 - 1),
    /** Reuse this offer instead of creating one (its own holdout then wins over `holdout`). */
    offer: z.string().min(1).max(64).optional(),
    /** Where the treatment's lift comes from: bigger orders (default) or more of them. */
    liftVia: z.enum(['value', 'conversion']),
    concurrency: z.coerce.number().int().min(1).max(64),
    /** Leave a created offer active after the run (by default it is archived). */
    keep: z.boolean(),
    /** Coupon kinds: whole percent off the order the coupon gives. */
    discount: z.coerce.number().int().min(1).max(90),
    /** Coupon kinds: share of treatment buyers who use their code. */
    redemption: z.coerce.number().min(0).max(1),
  })
  .refine(
    (o) =>
      (o.liftVia !== 'conversion' && o.kind === 'cross_sell') || o.conversion * (1 + o.lift) <= 1,
    {
      message:
        'with --lift-via conversion or a coupon kind, conversion × (1 + lift) must be at most 1',
      path: ['lift'],
    },
  );

export type SimulatedKind = (typeof SIMULATED_KINDS)[number];

export function isCouponKind(kind: SimulatedKind): boolean {
  return kind !== 'cross_sell';
}

export type SimulationOptions = z.infer<typeof simulationOptionsSchema>;
export type SimulationInput = z.input<typeof simulationOptionsSchema>;

export const SIMULATION_DEFAULTS = {
  kind: 'cross_sell',
  baseUrl: 'http://127.0.0.1:3000',
  dataDir: 'data',
  units: 10_000,
  lift: 0.1,
  holdout: 0.5,
  conversion: 0.3,
  aov: 60,
  refundRate: 0.05,
  skew: 0,
  seed: 1,
  liftVia: 'value',
  concurrency: 8,
  keep: false,
  discount: 10,
  redemption: 0.8,
} as const satisfies SimulationInput;

/** Fills defaults and validates; throws a readable message naming the bad flag. */
export function resolveSimulationOptions(input: Partial<SimulationInput>): SimulationOptions {
  const defined = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
  const parsed = simulationOptionsSchema.safeParse({ ...SIMULATION_DEFAULTS, ...defined });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `--${kebab(String(i.path[0]))}: ${i.message}`);
    throw new Error(`Invalid options:\n  ${problems.join('\n  ')}`);
  }
  return parsed.data;
}

function kebab(name: string) {
  return name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}
