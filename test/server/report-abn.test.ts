import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { compareArms, srmPValue } from '../../server/stats/index.js';
import { CARE_KIT, crossSellInput, crossSellVariant, LACES, SPRAY } from '../helpers/offers.js';
import { createTestApp, SHOP_A, type TestApp } from '../helpers/test-app.js';
import {
  armSums,
  createReportOffer,
  exposeArms,
  fetchReport,
  placeOrder,
  type ReportOffer,
} from './report-data.js';

/*
 * An A/B/n offer: three content variants and a 40 % holdout (20 % each variant). Each variant is
 * compared with the holdout at a Bonferroni-adjusted alpha; the leader is the highest revenue per
 * unit; SRM is checked over all four arms with their weights; the CSV is one table.
 */
let t: TestApp;
let offer: ReportOffer;
const VARIANT_ARMS = ['treatment', 'treatment_b', 'treatment_c'];
/** Order value (cents) per arm, before the per-order spread below. */
const BASE: Record<string, number> = {
  holdout: 4000,
  treatment: 4000,
  treatment_b: 6500,
  treatment_c: 4500,
};

beforeAll(async () => {
  t = await createTestApp();
  await t.install(SHOP_A);
  offer = await createReportOffer(
    t,
    crossSellInput({
      holdout: 0.4,
      variants: [
        crossSellVariant({ heading: 'Keep them fresh', products: [CARE_KIT] }),
        crossSellVariant({ heading: 'Rain-proof them', products: [SPRAY] }),
        crossSellVariant({ heading: 'Fresh laces', products: [LACES] }),
      ],
    }),
  );
  const byArm = await exposeArms(t, offer, {
    holdout: 120,
    treatment: 60,
    treatment_b: 60,
    treatment_c: 60,
  });
  for (const [arm, units] of Object.entries(byArm)) {
    // Every other unit orders: 60 holdout orders, 30 per variant — above the 30-order minimum.
    for (const [i, unit] of units.entries()) {
      if (i % 2 !== 0) continue;
      const subtotal = (BASE[arm] ?? 0) + (i % 7) * 150;
      const offerLine = arm === 'holdout' || i % 4 !== 0 ? undefined : { offerId: offer.id, arm };
      await placeOrder(t, unit, subtotal, { discounts: 200, ...(offerLine ? { offerLine } : {}) });
    }
  }
});
afterAll(() => t.close());

describe('A/B/n report', () => {
  test('compares each variant with the holdout at alpha / k, and says so', async () => {
    const report = await fetchReport(t, offer);
    expect(report.variants.map((v: { arm: string }) => v.arm)).toEqual(VARIANT_ARMS);
    expect(report.variants.map((v: { label: string }) => v.label)).toEqual([
      'Variant A',
      'Variant B',
      'Variant C',
    ]);
    expect(report.multipleComparisons).toMatchObject({
      variants: 3,
      method: 'bonferroni',
      familyAlpha: 0.05,
      pValues: 'bonferroni_adjusted',
    });
    expect(report.multipleComparisons.alphaPerComparison).toBeCloseTo(0.05 / 3, 12);
    expect(report.multipleComparisons.alphaPerPair).toBeCloseTo(0.05 / 3, 12);
    expect(report.multipleComparisons.note).toMatch(/Bonferroni/);

    const sums = await armSums(t, offer);
    const holdout = sums.get('holdout');
    if (!holdout) throw new Error('no holdout sums');
    for (const variant of report.variants) {
      const arm = sums.get(variant.arm);
      if (!arm) throw new Error(`no sums for ${variant.arm}`);
      const options = {
        metric: 'mean' as const,
        engine: 'frequentist' as const,
        difference: 'relative' as const,
        minSampleSize: 15_000,
        sequential: {},
      };
      const adjusted = compareArms(holdout, arm, { ...options, alpha: 0.05 / 3 });
      const unadjusted = compareArms(holdout, arm, { ...options, alpha: 0.05 });
      const rpu = variant.comparisons.revenuePerUnit;
      expect(rpu.expected).toBeCloseTo(adjusted.expected, 10);
      expect(rpu.ci[0]).toBeCloseTo(adjusted.ci[0], 10);
      expect(rpu.ci[1]).toBeCloseTo(adjusted.ci[1], 10);
      // The adjustment widens the interval; the p-value is the Bonferroni-adjusted one.
      expect(rpu.ci[1] - rpu.ci[0]).toBeGreaterThan(unadjusted.ci[1] - unadjusted.ci[0]);
      expect(rpu.pValue).toBeCloseTo(Math.min(1, 3 * (adjusted.pValue ?? 1)), 10);
      // Incremental revenue: (RPU_variant − RPU_holdout) · units_variant.
      const reportArm = report.arms.find((a: { arm: string }) => a.arm === variant.arm);
      const reportHoldout = report.arms.find((a: { holdout: boolean }) => a.holdout);
      expect(variant.comparisons.incrementalRevenue.expected).toBeCloseTo(
        (reportArm.revenuePerUnit - reportHoldout.revenuePerUnit) * reportArm.units,
        6,
      );
      // The verdict names the variant and reads its interval at the adjusted level.
      expect(variant.ready).toBe(true);
      expect(variant.verdict.text).toMatch(new RegExp(`^${variant.label}: .*98\\.3% CI`));
    }
    // The single-variant shape is kept: `comparisons` is the first variant's.
    expect(report.comparisons).toEqual(report.variants[0].comparisons);
  });

  test('names the leading variant, with its margin over each of the others', async () => {
    const report = await fetchReport(t, offer);
    const rpu = (arm: string) =>
      report.arms.find((a: { arm: string }) => a.arm === arm).revenuePerUnit;
    const best = [...VARIANT_ARMS].sort((a, b) => rpu(b) - rpu(a))[0];
    expect(best).toBe('treatment_b');
    expect(report.leader.arm).toBe(best);
    expect(report.leader.label).toBe('Variant B');
    expect(report.leader.margins.map((m: { arm: string }) => m.arm)).toEqual([
      'treatment',
      'treatment_c',
    ]);
    for (const margin of report.leader.margins) {
      expect(margin.difference.expected).toBeCloseTo(rpu(best as string) - rpu(margin.arm), 6);
      expect(margin.distinguishable).toBe(margin.difference.ci[0] > 0);
    }
    const clear = report.leader.margins.every(
      (m: { distinguishable: boolean }) => m.distinguishable,
    );
    expect(report.leader.status).toBe(clear ? 'clear' : 'ahead');
    expect(report.leader.text).toMatch(/^Variant B leads on revenue per unit/);
    expect(report.verdict.text.startsWith(report.leader.text)).toBe(true);
  });

  test('checks the split over all four arms with their weights', async () => {
    const report = await fetchReport(t, offer);
    const units = report.arms.map((a: { units: number }) => a.units);
    const weights = report.arms.map((a: { weight: number }) => a.weight);
    expect(units).toEqual([120, 60, 60, 60]);
    expect(weights[0]).toBeCloseTo(0.4, 12);
    expect(report.srm.pValue).toBeCloseTo(srmPValue(units, weights), 12);
    expect(report.srm.level).toBe('none');
    expect(report.srm.text).toBeNull();
  });

  test('reports a daily series per variant', async () => {
    const report = await fetchReport(t, offer);
    const last = report.daily.at(-1);
    expect(last.variants.map((v: { arm: string }) => v.arm)).toEqual(VARIANT_ARMS);
    expect(last.variants[1].totals.units).toBe(60);
    expect(last.treatment).toEqual(last.variants[0].totals);
  });

  test('shows each arm’s discount cost, already taken off its revenue', async () => {
    const report = await fetchReport(t, offer);
    for (const arm of report.arms) {
      // Every order carried 2.00 of discounts.
      expect(arm.discounts).toBe(arm.orders * 200);
    }
    expect(report.definitions.revenue).toMatch(/after all discounts/);
    expect(report.definitions.incrementalRevenue).toMatch(/net of discounts/);
  });

  test('exports one CSV table with a row per arm', async () => {
    const res = await t.app.request(
      `/api/admin/experiments/${offer.experiment.key}/report?format=csv`,
      { headers: { Authorization: `Bearer ${await t.idToken(SHOP_A)}` } },
    );
    const csv = (await res.text()).trimEnd().split('\n').map(splitCsvLine);
    expect(csv).toHaveLength(5);
    const header = csv[0] ?? [];
    expect(header.slice(0, 4)).toEqual(['arm', 'label', 'holdout', 'weight']);
    expect(header).toContain('incremental_revenue_ci_low');
    expect(header).toContain('discounts');
    expect(csv.slice(1).map((row) => row[0])).toEqual(['holdout', ...VARIANT_ARMS]);
    for (const row of csv) expect(row).toHaveLength(header.length);
    const cellOf = (row: string[] | undefined, column: string) => row?.[header.indexOf(column)];
    expect(cellOf(csv[1], 'rpu_lift')).toBe('');
    expect(cellOf(csv[2], 'label')).toBe('Variant A');
    expect(Number(cellOf(csv[3], 'rpu_lift'))).toBeCloseTo(
      (await fetchReport(t, offer)).variants[1].comparisons.revenuePerUnit.expected,
      10,
    );
    expect(Number(cellOf(csv[1], 'alpha_per_comparison'))).toBeCloseTo(0.05 / 3, 12);
  });
});

/** One CSV line into its cells (quoted cells may hold commas and doubled quotes). */
function splitCsvLine(line: string): string[] {
  const cells: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        current += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else current += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      cells.push(current);
      current = '';
    } else current += ch;
  }
  cells.push(current);
  return cells;
}
