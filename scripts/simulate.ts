/**
 * Traffic simulator: drives a RUNNING demo server through its real ingestion paths (admin API,
 * checkout events with signed session tokens, HMAC-signed orders/refunds webhooks) and prints the
 * experiment report next to the truth it simulated. See docs/benchmarks.md ("Traffic simulator")
 * and `npm run simulate -- --help` (scripts/simulate/cli-args.ts) for the options.
 */
import { parseSimulateArgs, simulateUsage } from './simulate/cli-args.js';
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
  const command = parseSimulateArgs(process.argv.slice(2));
  if (command.help) {
    process.stdout.write(`${simulateUsage()}\n`);
    return;
  }
  const result = await runSimulation({ ...command.input, onProgress: reportProgress });
  process.stdout.write(`${formatSimulationResult(result)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
