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
  const perUnit = (minor: number) =>
    `${(minor / 10 ** digits).toLocaleString('en-US', {
      minimumFractionDigits: digits + 2,
      maximumFractionDigits: digits + 2,
    })} ${currency}`;
  const treatment = report.arms.find((a) => !a.holdout);
  const treatmentUnits = Math.max(1, treatment?.units ?? 1);
  const couponLines = truth.coupon
    ? [
        '',
        `coupon              ${truth.coupon.percentOff} % off, used by ${pct(truth.coupon.redemption).slice(1)} of treatment buyers` +
          `; ${truth.arms.reduce((n, a) => n + a.redemptions, 0)} redemptions, discount cost ${money(truth.arms.reduce((n, a) => n + a.discounts, 0))}` +
          ` (report: ${money(report.arms.reduce((n, a) => n + a.discounts, 0))})`,
        `TRUE incr. revenue  ${perUnit(truth.incrementalPerUnit)} per treatment unit, net of the discount` +
          (truth.incrementalPerUnit < 0
            ? ' (a LOSS: the coupon mostly subsidises buyers who would have bought)'
            : ''),
        `report incr./unit   ${perUnit(inc.expected / treatmentUnits)}  (CI ${perUnit(inc.ci[0] / treatmentUnits)} … ${perUnit(inc.ci[1] / treatmentUnits)})` +
          `  truth inside: ${yes(result.checks.incrementalInsideCi)}`,
      ]
    : [];
  return [
    `kind ${truth.kind}  offer ${result.offerId}  experiment ${result.experimentKey}  (${result.elapsedMs} ms)`,
    result.archived
      ? 'the simulated offer is archived now (its results stay under Archived; --keep leaves it active)'
      : 'the offer stays as it is (reused with --offer, or --keep)',
    'sent ' +
      (result.sent.events > 0
        ? `${result.sent.events} events in ${result.sent.eventBatches} batches, `
        : '') +
      (result.sent.couponCalls > 0 ? `${result.sent.couponCalls} coupon calls, ` : '') +
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
    `TRUE lift           ${pct(truth.lift)} (via ${truth.liftVia}${truth.coupon ? ', net of the discount' : ''}; this sample realised ${pct(truth.sampleLift)})`,
    `true lift in CI     ${yes(result.checks.liftInsideCi)}`,
    `expected incr. rev. ${money(truth.expectedIncrementalRevenue)}  in CI: ${yes(result.checks.incrementalInsideCi)}`,
    `report = simulation ${yes(result.checks.armsMatch)} (units, orders, net revenue, discounts per arm)`,
    ...couponLines,
    ...(result.before.some((a) => a.units > 0)
      ? [
          'note                offer reused: the report and its intervals include earlier traffic;',
          '                    "report = simulation" compares this run with the change it made',
        ]
      : []),
  ].join('\n');
}
