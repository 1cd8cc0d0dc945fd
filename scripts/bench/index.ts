/**
 * `npm run bench`: seeds a fresh libSQL file database with one experiment at scale, times the
 * uplift report against its budget and the naive join it replaces, measures event ingestion,
 * prints a table and updates docs/benchmarks.md. Timings live here, never in tests.
 *
 *   npm run bench -- [--units 1000000] [--orders 100000] [--days 30] [--runs 5]
 *     [--ingest-events 100000] [--concurrency 8] [--no-all-events] [--no-doc] [--keep]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { createBenchApp } from './bench-app.js';
import { benchIngestion, type IngestBench } from './ingest-bench.js';
import { describeMachine } from './machine.js';
import { benchReport } from './report-bench.js';
import { type BenchResults, formatMarkdown, formatTerminal } from './results-table.js';
import { seedExperiment } from './seed.js';
import { createActiveOffer, installShop } from './setup-offer.js';
import { updateResultsBlock } from './update-doc.js';

const argsSchema = z.object({
  units: z.coerce.number().int().min(1000).default(1_000_000),
  orders: z.coerce.number().int().min(1).default(100_000),
  days: z.coerce.number().int().min(1).max(366).default(30),
  runs: z.coerce.number().int().min(1).max(50).default(5),
  ingestEvents: z.coerce.number().int().min(0).default(100_000),
  concurrency: z.coerce.number().int().min(1).max(256).default(8),
  allEvents: z.boolean().default(true),
  doc: z.boolean().default(true),
  keep: z.boolean().default(false),
});

const log = (line: string) => process.stderr.write(`${line}\n`);

async function main() {
  const { values } = parseArgs({
    allowNegative: true,
    options: {
      units: { type: 'string' },
      orders: { type: 'string' },
      days: { type: 'string' },
      runs: { type: 'string' },
      'ingest-events': { type: 'string' },
      concurrency: { type: 'string' },
      'all-events': { type: 'boolean' },
      doc: { type: 'boolean' },
      keep: { type: 'boolean' },
    },
  });
  const args = argsSchema.parse({
    ...values,
    ingestEvents: values['ingest-events'],
    allEvents: values['all-events'],
  });
  if (args.orders > args.units) throw new Error('--orders must not exceed --units');
  const machine = describeMachine();
  const dir = mkdtempSync(join(tmpdir(), 'closer-bench-'));
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
      command: [
        'npm run bench',
        ...(process.argv.length > 2 ? ['--', ...process.argv.slice(2)] : []),
      ].join(' '),
      machine,
      plan: { ...args },
      seed,
      report,
      ingest,
    };
    process.stdout.write(`${formatTerminal(results)}\n`);
    if (args.doc) {
      updateResultsBlock('docs/benchmarks.md', formatMarkdown(results));
      log('docs/benchmarks.md updated');
    }
  } finally {
    bench.close();
    if (args.keep) log(`kept ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
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
