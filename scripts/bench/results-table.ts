import type { IngestBench } from './ingest-bench.js';
import type { MachineInfo } from './machine.js';
import type { ReportBench } from './report-bench.js';
import type { SeedResult } from './seed.js';
import type { Timing } from './timing.js';

/** Everything one bench run measured, rendered for the terminal and for docs/benchmarks.md. */
export interface BenchResults {
  command: string;
  machine: MachineInfo;
  plan: { units: number; orders: number; days: number; allEvents: boolean; runs: number };
  seed: SeedResult;
  report: ReportBench;
  ingest: IngestBench | null;
}

const REPORT_BUDGET_MS = 150;
const INGEST_BUDGET_EPS = 20_000;

const ms = (x: number) =>
  x >= 10_000 ? `${(x / 1000).toFixed(1)} s` : `${x < 10 ? x.toFixed(2) : x.toFixed(1)} ms`;
const int = (x: number) => Math.round(x).toLocaleString('en-US');
const speedup = (x: number) =>
  x >= 1 ? `report ${x.toFixed(0)}× faster` : `report ${(1 / x).toFixed(0)}× **slower**`;
const verdict = (ok: boolean) => (ok ? 'within budget' : '**over budget**');

interface Row {
  measure: string;
  figure: string;
  budget: string;
  status: string;
}

function rows(r: BenchResults): Row[] {
  const t = (x: Timing) =>
    x.runsMs.length === 1
      ? `${ms(x.medianMs)} (1 run: too slow to repeat)`
      : `${ms(x.medianMs)} median of ${x.runsMs.length} (min ${ms(x.minMs)}, max ${ms(x.maxMs)})`;
  const out: Row[] = [
    {
      measure: `seed ${int(r.seed.rows.exposures)} exposures (triggers on)`,
      figure: `${ms(r.seed.ms.exposures)} — ${int((r.seed.rows.exposures / r.seed.ms.exposures) * 1000)} rows/s`,
      budget: '—',
      status: '—',
    },
    {
      measure: `seed ${int(r.seed.rows.orders)} orders (triggers on)`,
      figure: `${ms(r.seed.ms.orders)} — ${int((r.seed.rows.orders / r.seed.ms.orders) * 1000)} rows/s`,
      budget: '—',
      status: '—',
    },
    {
      measure: `seed ${int(r.seed.rows.events)} events, ${int(r.seed.rows.refunds)} refunds, ${int(r.seed.rows.attributedLines)} offer lines`,
      figure: ms(r.seed.ms.events + r.seed.ms.refunds + r.seed.ms.attributedLines),
      budget: '—',
      status: '—',
    },
    {
      measure: 'report: `buildExperimentReport`',
      figure: t(r.report.domain),
      budget: `≤ ${REPORT_BUDGET_MS} ms`,
      status: verdict(r.report.domain.medianMs <= REPORT_BUDGET_MS),
    },
    {
      measure: 'report: `GET /api/admin/experiments/:key/report` via app.request',
      figure: t(r.report.endpoint),
      budget: `≤ ${REPORT_BUDGET_MS} ms`,
      status: verdict(r.report.endpoint.medianMs <= REPORT_BUDGET_MS),
    },
    {
      measure: 'baseline: naive `exposures ⋈ orders` per arm',
      figure: t(r.report.naive),
      budget: '(reference)',
      status: speedup(r.report.naive.medianMs / r.report.domain.medianMs),
    },
  ];
  if (r.ingest) {
    const i = r.ingest;
    out.push({
      measure: `ingestion: ${int(i.events)} events, ${int(i.batches)} batches of 50, ${i.concurrency} in flight`,
      figure: `${int(i.eventsPerSecond)} events/s (${ms(i.ms)}), lost ${i.lost}`,
      budget: `≥ ${int(INGEST_BUDGET_EPS)} events/s, none lost`,
      status: verdict(i.eventsPerSecond >= INGEST_BUDGET_EPS && i.lost === 0),
    });
  }
  return out;
}

export function formatTerminal(r: BenchResults): string {
  const table = rows(r);
  const w = (k: keyof Row) => Math.max(...table.map((x) => x[k].length), k.length);
  const line = (x: Row) =>
    `${x.measure.padEnd(w('measure'))}  ${x.figure.padEnd(w('figure'))}  ${x.budget.padEnd(w('budget'))}  ${x.status}`;
  return [
    line({ measure: 'measure', figure: 'figure', budget: 'budget', status: 'status' }),
    ...table.map(line),
    `arm_daily rows: ${r.report.dailyRows}; rollup equals naive join: ${r.report.rollupMatchesJoin ? 'yes' : 'NO'}`,
  ].join('\n');
}

export function formatMarkdown(r: BenchResults): string {
  const m = r.machine;
  return [
    `Measured ${m.date} with \`${r.command}\`.`,
    '',
    `Machine: ${m.cpus} CPUs (${m.cpuModel}), ${m.memoryGiB} GiB RAM, Node ${m.node}; ` +
      `1-minute load average at start ${m.loadAverage}. Dataset: ${int(r.plan.units)} exposed units, ` +
      `${int(r.plan.orders)} orders over ${r.plan.days} days, one experiment` +
      `${r.plan.allEvents ? ', with the exposure/impression events ingestion stores' : ''}; ` +
      `libSQL file database (WAL, synchronous = NORMAL) opened and migrated by \`openDatabase\`.`,
    '',
    '| measure | figure | budget | status |',
    '| --- | --- | --- | --- |',
    ...rows(r).map((x) => `| ${x.measure} | ${x.figure} | ${x.budget} | ${x.status} |`),
    '',
    `\`arm_daily\` holds ${r.report.dailyRows} rows for the experiment and equals the naive join ` +
      `arm by arm: ${r.report.rollupMatchesJoin ? 'yes' : '**no**'}.` +
      (r.ingest
        ? ` Ingestion stored ${int(r.ingest.stored.events)} of ${int(r.ingest.events)} events and ` +
          `${int(r.ingest.stored.exposures)} of ${int(r.ingest.expectedExposures)} exposures.`
        : ''),
  ].join('\n');
}
