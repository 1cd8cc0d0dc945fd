import { currencyDigits } from '../../server/domain/money.js';
import type { SimulationResult } from './run-simulation.js';

/** The end-of-run summary: what the report says next to what was simulated. */
export function formatSimulationResult(result: SimulationResult): string {
  const { report, truth, currency } = result;
  const digits = currencyDigits(currency);
  const money = (minor: number) =>
    `${(minor / 10 ** digits).toLocaleString('en-US', {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    })} ${currency}`;
  const pct = (x: number) => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(2)} %`;
  const yes = (ok: boolean) => (ok ? 'yes' : 'NO');
  const rpu = report.comparisons.revenuePerUnit;
  const inc = report.comparisons.incrementalRevenue;
  const level = `${Math.round((1 - report.alpha) * 100)} %${report.sequential ? ' sequential' : ''}`;

  const rows = report.arms.map((a) => {
    const t = truth.arms.find((x) => x.arm === a.arm);
    const earlier = result.before.find((x) => x.arm === a.arm)?.revenue ?? 0;
    return [
      a.arm.padEnd(10),
      String(a.units).padStart(8),
      String(a.orders).padStart(7),
      money(a.revenue).padStart(18),
      money(a.refunds).padStart(16),
      money(a.revenuePerUnit).padStart(12),
      `${t?.netRevenue === a.revenue - earlier ? '=' : '≠'} simulated ${money(t?.netRevenue ?? 0)}` +
        (earlier ? ` + earlier ${money(earlier)}` : ''),
    ].join(' ');
  });
  return [
    `offer ${result.offerId}  experiment ${result.experimentKey}  (${result.elapsedMs} ms)`,
    result.archived
      ? 'the simulated offer is archived now (its results stay under Archived; --keep leaves it active)'
      : 'the offer stays as it is (reused with --offer, or --keep)',
    `sent ${result.sent.events} events in ${result.sent.eventBatches} batches, ` +
      `${result.sent.orders} orders, ${result.sent.refunds} refunds`,
    '',
    `${'arm'.padEnd(10)} ${'units'.padStart(8)} ${'orders'.padStart(7)} ${'net revenue'.padStart(18)} ${'refunds'.padStart(16)} ${'RPU'.padStart(12)}`,
    ...rows,
    '',
    `RPU lift            ${pct(rpu.expected)}  (${level} CI ${pct(rpu.ci[0])} … ${pct(rpu.ci[1])})`,
    `incremental revenue ${money(inc.expected)}  (CI ${money(inc.ci[0])} … ${money(inc.ci[1])})`,
    `SRM p-value         ${report.srm.pValue.toPrecision(3)}${report.srm.flagged ? '  ⚠ sample ratio mismatch' : ''}`,
    `verdict             ${report.verdict.text}`,
    `warnings            ${report.warnings.join(', ') || 'none'}`,
    '',
    `TRUE lift           ${pct(truth.lift)} (via ${truth.liftVia}; this sample realised ${pct(truth.sampleLift)})`,
    `true lift in CI     ${yes(result.checks.liftInsideCi)}`,
    `expected incr. rev. ${money(truth.expectedIncrementalRevenue)}  in CI: ${yes(result.checks.incrementalInsideCi)}`,
    `report = simulation ${yes(result.checks.armsMatch)} (units, orders, net revenue per arm)`,
    ...(result.before.some((a) => a.units > 0)
      ? [
          'note                offer reused: the report and its intervals include earlier traffic;',
          '                    "report = simulation" compares this run with the change it made',
        ]
      : []),
  ].join('\n');
}
