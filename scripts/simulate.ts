/**
 * Traffic simulator: drives a RUNNING demo server through its real ingestion paths (admin API,
 * checkout events with signed session tokens, HMAC-signed orders/refunds webhooks) and prints the
 * experiment report next to the truth it simulated. See docs/benchmarks.md ("Traffic simulator").
 *
 *   npm run simulate -- --units 10000 --lift 0.1 --holdout 0.5 [--conversion 0.3] [--aov 60]
 *     [--refund-rate 0.05] [--skew 0] [--seed 1] [--lift-via value|conversion] [--offer ID]
 *     [--concurrency 8] [--url http://127.0.0.1:3000] [--data-dir data]
 */
import { parseArgs } from 'node:util';
import { formatSimulationResult } from './simulate/format-result.js';
import { runSimulation, type SimulationProgress } from './simulate/run-simulation.js';

function reportProgress({ phase, done, total }: SimulationProgress) {
  // A line per ~5 %, not per request: progress must not cost more than the work.
  const step = Math.max(1, Math.floor(total / 20));
  if (done % step === 0 || done === total) {
    process.stderr.write(`${phase.padEnd(8)} ${done}/${total}\n`);
  }
}

async function main() {
  const { values } = parseArgs({
    options: {
      units: { type: 'string' },
      lift: { type: 'string' },
      holdout: { type: 'string' },
      conversion: { type: 'string' },
      aov: { type: 'string' },
      'refund-rate': { type: 'string' },
      skew: { type: 'string' },
      seed: { type: 'string' },
      'lift-via': { type: 'string' },
      offer: { type: 'string' },
      concurrency: { type: 'string' },
      url: { type: 'string' },
      'data-dir': { type: 'string' },
    },
  });
  const result = await runSimulation({
    units: values.units,
    lift: values.lift,
    holdout: values.holdout,
    conversion: values.conversion,
    aov: values.aov,
    refundRate: values['refund-rate'],
    skew: values.skew,
    seed: values.seed,
    liftVia: values['lift-via'] as 'value' | 'conversion' | undefined,
    offer: values.offer,
    concurrency: values.concurrency,
    baseUrl: values.url,
    dataDir: values['data-dir'],
    onProgress: reportProgress,
  });
  process.stdout.write(`${formatSimulationResult(result)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
