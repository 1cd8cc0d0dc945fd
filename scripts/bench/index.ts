/**
 * `npm run bench`: two suites, both by default.
 *
 * - `report`: seeds a fresh libSQL file database with one experiment at scale, times the uplift
 *   report against its budget and the naive join it replaces, and in-process event ingestion.
 * - `http`: the ingestion path side by side over real HTTP (scripts/bench/http/): the bare-Hono
 *   floor, floor + JWT, checkout events at batch 3 and 50, replays, signed webhooks, kill -9 in
 *   the middle, the raw-insert ceiling, start-up, and a CPU profile of the batch-3 run.
 *
 * Prints tables and updates docs/benchmarks.md. Timings live here, never in tests.
 *
 *   npm run bench -- [--suite all|report|http] [--no-doc] [--keep]
 *     report: [--units 1000000] [--orders 100000] [--days 30] [--runs 5]
 *             [--ingest-events 100000] [--concurrency 8] [--no-all-events]
 *     http:   [--duration 10] [--warmup 2] [--connections 50] [--kill-after 5] [--no-profile]
 *             [--startup npm-start|entry|none] [--unit-keys sequential|random] [--scenarios floor,events-3,…]
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { createBenchApp } from './bench-app.js';
import { formatHttpMarkdown, formatHttpTerminal } from './http/http-table.js';
import { runHttpBench, SCENARIOS } from './http/run-http-bench.js';
import { benchIngestion, type IngestBench } from './ingest-bench.js';
import { describeMachine, type MachineInfo } from './machine.js';
import { benchReport } from './report-bench.js';
import { type BenchResults, formatMarkdown, formatTerminal } from './results-table.js';
import { seedExperiment } from './seed.js';
import { createActiveOffer, installShop } from './setup-offer.js';
import { HTTP_MARKERS, updateResultsBlock } from './update-doc.js';

const argsSchema = z.object({
  suite: z.enum(['all', 'report', 'http']).default('all'),
  units: z.coerce.number().int().min(1000).default(1_000_000),
  orders: z.coerce.number().int().min(1).default(100_000),
  days: z.coerce.number().int().min(1).max(366).default(30),
  runs: z.coerce.number().int().min(1).max(50).default(5),
  ingestEvents: z.coerce.number().int().min(0).default(100_000),
  concurrency: z.coerce.number().int().min(1).max(256).default(8),
  allEvents: z.boolean().default(true),
  duration: z.coerce.number().min(1).max(600).default(10),
  warmup: z.coerce.number().min(0).max(60).default(2),
  connections: z.coerce.number().int().min(1).max(1000).default(50),
  killAfter: z.coerce.number().min(0.5).max(600).default(5),
  profile: z.boolean().default(true),
  startup: z.enum(['npm-start', 'entry', 'none']).default('npm-start'),
  unitKeys: z.enum(['sequential', 'random']).default('sequential'),
  scenarios: z
    .string()
    .transform((list) => list.split(',').map((s) => s.trim()))
    .pipe(z.array(z.enum(SCENARIOS)))
    .optional(),
  doc: z.boolean().default(true),
  keep: z.boolean().default(false),
});

type Args = z.infer<typeof argsSchema>;

const log = (line: string) => process.stderr.write(`${line}\n`);

async function main() {
  const { values } = parseArgs({
    allowNegative: true,
    options: {
      suite: { type: 'string' },
      units: { type: 'string' },
      orders: { type: 'string' },
      days: { type: 'string' },
      runs: { type: 'string' },
      'ingest-events': { type: 'string' },
      concurrency: { type: 'string' },
      'all-events': { type: 'boolean' },
      duration: { type: 'string' },
      warmup: { type: 'string' },
      connections: { type: 'string' },
      'kill-after': { type: 'string' },
      profile: { type: 'boolean' },
      startup: { type: 'string' },
      'unit-keys': { type: 'string' },
      scenarios: { type: 'string' },
      doc: { type: 'boolean' },
      keep: { type: 'boolean' },
    },
  });
  const args = argsSchema.parse({
    ...values,
    ingestEvents: values['ingest-events'],
    allEvents: values['all-events'],
    killAfter: values['kill-after'],
    unitKeys: values['unit-keys'],
  });
  if (args.orders > args.units) throw new Error('--orders must not exceed --units');
  const command = [
    'npm run bench',
    ...(process.argv.length > 2 ? ['--', ...process.argv.slice(2)] : []),
  ].join(' ');
  const machine = describeMachine();
  const dir = mkdtempSync(join(tmpdir(), 'closer-bench-'));
  try {
    if (args.suite !== 'report') await httpSuite(args, machine, command, join(dir, 'http'));
    if (args.suite !== 'http') await reportSuite(args, machine, command, join(dir, 'report'));
  } finally {
    if (args.keep) log(`kept ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

async function httpSuite(args: Args, machine: MachineInfo, command: string, dir: string) {
  mkdirSync(dir, { recursive: true });
  const results = await runHttpBench({
    durationSec: args.duration,
    warmupSec: args.warmup,
    connections: args.connections,
    killAfterSec: args.killAfter,
    profile: args.profile,
    startup: args.startup,
    unitKeys: args.unitKeys,
    scenarios: args.scenarios ?? SCENARIOS,
    freshServers: true,
    dir,
    log,
  });
  // Everything measured, for a closer look at a surprising run (kept with --keep).
  writeFileSync(join(dir, 'results.json'), JSON.stringify(results, null, 2));
  process.stdout.write(`${formatHttpTerminal(results)}\n`);
  if (args.doc) {
    updateResultsBlock(
      'docs/benchmarks.md',
      formatHttpMarkdown(results, machine, command),
      HTTP_MARKERS,
    );
    log('docs/benchmarks.md updated (HTTP ingestion)');
  }
}

async function reportSuite(args: Args, machine: MachineInfo, command: string, dir: string) {
  mkdirSync(dir, { recursive: true });
  const databaseUrl = `file:${join(dir, 'bench.db')}`;
  const bench = await createBenchApp(databaseUrl);
  try {
    await installShop(bench);
    const { offerId, experiment } = await createActiveOffer(bench, 'Bench cross-sell', 0.2);
    log(`seeding ${args.units} units and ${args.orders} orders into ${dir} …`);
    const seed = await seedExperiment(databaseUrl, {
      shop: bench.shop,
      offerId,
      experiment,
      units: args.units,
      orders: args.orders,
      days: args.days,
      lift: 0.05,
      seed: 1,
      allEvents: args.allEvents,
    });
    log(`seeded in ${(seed.ms.total / 1000).toFixed(1)} s; timing the report …`);
    const report = await benchReport(bench, experiment.key, args.runs);
    let ingest: IngestBench | null = null;
    if (args.ingestEvents > 0) {
      log(`ingesting ${args.ingestEvents} events …`);
      ingest = await benchIngestion(bench, {
        events: args.ingestEvents,
        concurrency: args.concurrency,
      });
    }
    const results: BenchResults = {
      command,
      machine,
      plan: { ...args },
      seed,
      report,
      ingest,
    };
    process.stdout.write(`${formatTerminal(results)}\n`);
    if (args.doc) {
      updateResultsBlock('docs/benchmarks.md', formatMarkdown(results));
      log('docs/benchmarks.md updated (report)');
    }
  } finally {
    bench.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n${
      error instanceof Error && error.cause ? `cause: ${String(error.cause)}\n` : ''
    }`,
  );
  process.exitCode = 1;
});
