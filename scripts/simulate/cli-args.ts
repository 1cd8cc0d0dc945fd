import { parseArgs } from 'node:util';
import { SIMULATION_DEFAULTS, type SimulationInput } from './options.js';

/**
 * The command line of `npm run simulate`: every flag with its default, printed by `--help`, and
 * the parse that turns argv into run options. Values stay strings here; options.ts validates them.
 */
const FLAGS = {
  kind: {
    type: 'string',
    help: 'cross_sell, hesitation_coupon, exit_coupon or next_order_coupon',
  },
  units: { type: 'string', help: 'synthetic checkouts (units) to simulate' },
  lift: {
    type: 'string',
    help: 'true relative lift of revenue per unit (0.1 = +10 %); coupons: of conversion',
  },
  holdout: { type: 'string', help: 'share of units held out, above 0 and at most 0.5' },
  conversion: { type: 'string', help: 'share of units that place an order' },
  aov: { type: 'string', help: "average order value in the shop's currency (60 = $60.00)" },
  'refund-rate': { type: 'string', help: 'share of orders refunded (some in part)' },
  skew: { type: 'string', help: 'share of holdout exposures a buggy client drops (trips SRM)' },
  seed: { type: 'string', help: 'seed of the shoppers drawn (same seed, same shoppers)' },
  'lift-via': { type: 'string', help: 'value (bigger orders) or conversion (more orders)' },
  discount: { type: 'string', help: 'coupon kinds: whole percent off the order' },
  redemption: { type: 'string', help: 'coupon kinds: share of treatment buyers using the code' },
  offer: { type: 'string', help: 'reuse this offer id instead of creating one (never archived)' },
  concurrency: { type: 'string', help: 'requests in flight at once' },
  url: { type: 'string', help: 'the running demo server (`npm start` prints its address)' },
  'data-dir': { type: 'string', help: "the demo server's data folder (holds demo-shop.json)" },
  keep: {
    type: 'boolean',
    help: 'leave the simulated offer active (default: archive it at the end)',
  },
  help: { type: 'boolean', help: 'print this help', short: 'h' },
} as const;

type Flag = keyof typeof FLAGS;

const DEFAULT_OF: Partial<Record<Flag, string | number>> = {
  kind: SIMULATION_DEFAULTS.kind,
  discount: SIMULATION_DEFAULTS.discount,
  redemption: SIMULATION_DEFAULTS.redemption,
  units: SIMULATION_DEFAULTS.units,
  lift: SIMULATION_DEFAULTS.lift,
  holdout: SIMULATION_DEFAULTS.holdout,
  conversion: SIMULATION_DEFAULTS.conversion,
  aov: SIMULATION_DEFAULTS.aov,
  'refund-rate': SIMULATION_DEFAULTS.refundRate,
  skew: SIMULATION_DEFAULTS.skew,
  seed: SIMULATION_DEFAULTS.seed,
  'lift-via': SIMULATION_DEFAULTS.liftVia,
  concurrency: SIMULATION_DEFAULTS.concurrency,
  url: SIMULATION_DEFAULTS.baseUrl,
  'data-dir': SIMULATION_DEFAULTS.dataDir,
};

export function simulateUsage(): string {
  const lines = Object.entries(FLAGS).map(([name, flag]) => {
    const short = 'short' in flag ? `-${flag.short}, ` : '';
    const value = flag.type === 'string' ? ' <value>' : '';
    const fallback = DEFAULT_OF[name as Flag];
    const left = `  ${short}--${name}${value}`.padEnd(28);
    return `${left}${flag.help}${fallback === undefined ? '' : ` [${fallback}]`}`;
  });
  return [
    'Usage: npm run simulate -- [options]',
    '',
    'Drives a RUNNING demo server (start it first with `npm start`) through its real ingestion',
    'paths with synthetic shoppers whose true lift is known, then prints the report next to the',
    'truth. The offer it creates is named "[Simulation] …" and archived when the run ends.',
    '',
    'Options:',
    ...lines,
    '',
    'Coupon kinds: the treatment converts at conversion × (1 + lift) and redeeming buyers pay',
    'the order less --discount %, so the true incremental revenue can be negative.',
    '',
    'Example: npm run simulate -- --units 10000 --lift 0.1 --holdout 0.5 --skew 0.2',
    '         npm run simulate -- --kind exit_coupon --units 2000 --lift 0.05 --discount 30',
  ].join('\n');
}

export type SimulateCommand = { help: true } | { help: false; input: Partial<SimulationInput> };

/** argv (without node and the script) → what to do; an unknown flag says how to see the known ones. */
export function parseSimulateArgs(argv: string[]): SimulateCommand {
  let values: Partial<Record<Flag, string | boolean>>;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: Object.fromEntries(
        Object.entries(FLAGS).map(([name, f]) => [
          name,
          'short' in f ? { type: f.type, short: f.short } : { type: f.type },
        ]),
      ),
      allowPositionals: false,
      strict: true,
    }));
  } catch (error) {
    const message = error instanceof Error ? error.message.split('. ')[0] : String(error);
    throw new Error(`${message}. Run \`npm run simulate -- --help\` for the options.`);
  }
  if (values.help) return { help: true };
  const text = (flag: Flag) => values[flag] as string | undefined;
  return {
    help: false,
    input: {
      kind: text('kind') as SimulationInput['kind'],
      discount: text('discount'),
      redemption: text('redemption'),
      units: text('units'),
      lift: text('lift'),
      holdout: text('holdout'),
      conversion: text('conversion'),
      aov: text('aov'),
      refundRate: text('refund-rate'),
      skew: text('skew'),
      seed: text('seed'),
      liftVia: text('lift-via') as 'value' | 'conversion' | undefined,
      offer: text('offer'),
      concurrency: text('concurrency'),
      baseUrl: text('url'),
      dataDir: text('data-dir'),
      keep: values.keep === true ? true : undefined,
    },
  };
}
