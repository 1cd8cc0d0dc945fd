import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { srmPValue } from '../../server/stats/index.js';
import { CARE_KIT, crossSellInput, crossSellVariant, SPRAY } from '../helpers/offers.js';
import { createTestApp, SHOP_A, type TestApp } from '../helpers/test-app.js';
import {
  createReportOffer,
  exposeArms,
  fetchReport,
  placeOrder,
  sendEvents,
} from './report-data.js';

/*
 * The report never overclaims (issue 11, "Report honesty"): no figure before the minimum sample,
 * a line about the split whenever SRM p < 0.05, and the attach rate counted from orders.
 */
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
  await t.install(SHOP_A);
});
afterAll(() => t.close());

describe('before the minimum sample', () => {
  test('a tiny sample gets no headline figure, only how far there is to go', async () => {
    const offer = await createReportOffer(t, crossSellInput({ holdout: 0.5 }));
    const byArm = await exposeArms(t, offer, { holdout: 3, treatment: 3 });
    await placeOrder(t, byArm.holdout?.[0] as string, 2_900);
    await placeOrder(t, byArm.treatment?.[0] as string, 12_000, {
      offerLine: { offerId: offer.id, arm: 'treatment' },
    });
    const report = await fetchReport(t, offer);
    expect(report.verdict.kind).toBe('not_enough_data');
    expect(report.verdict.text).toContain('29 more orders per arm needed');
    // No money, no percentage: nothing a merchant could read as a result.
    expect(report.verdict.text).not.toMatch(/\$|%|CI/);
    expect(report.ready).toBe(false);
    expect(report.variants[0].ready).toBe(false);
    expect(report.sample).toMatchObject({
      minimumOrdersPerArm: 30,
      reached: false,
      ordersNeeded: 29,
    });
    expect(report.leader).toBeNull();
    expect(report.daily.every((d: { ready: boolean }) => !d.ready)).toBe(true);
  });

  test('an A/B/n offer names no leader until every arm has the minimum', async () => {
    const offer = await createReportOffer(
      t,
      crossSellInput({
        holdout: 0.5,
        variants: [
          crossSellVariant({ products: [CARE_KIT] }),
          crossSellVariant({ heading: 'Spray', products: [SPRAY] }),
        ],
      }),
    );
    const byArm = await exposeArms(t, offer, { holdout: 2, treatment: 1, treatment_b: 1 });
    await placeOrder(t, byArm.treatment_b?.[0] as string, 9_000);
    const report = await fetchReport(t, offer);
    expect(report.leader).toMatchObject({ arm: null, label: null, status: 'too_early' });
    expect(report.leader.text).toMatch(/^Too early to name a leading variant: 30 more orders/);
    expect(report.verdict.kind).toBe('not_enough_data');
    expect(report.verdict.text).not.toMatch(/\$|%/);
    expect(report.multipleComparisons.method).toBe('bonferroni');
  });
});

describe('sample ratio check', () => {
  test('a split with p < 0.05 is mentioned, without blocking the result', async () => {
    const offer = await createReportOffer(t, crossSellInput({ holdout: 0.5 }));
    await exposeArms(t, offer, { holdout: 60, treatment: 40 });
    const report = await fetchReport(t, offer);
    const expected = srmPValue([60, 40], [0.5, 0.5]);
    expect(expected).toBeLessThan(0.05);
    expect(expected).toBeGreaterThan(0.001);
    expect(report.srm.pValue).toBeCloseTo(expected, 12);
    expect(report.srm).toMatchObject({ flagged: false, level: 'notice' });
    expect(report.srm.text).toContain(`p = ${expected.toFixed(3)}`);
    expect(report.warnings).not.toContain('srm');
  });

  test('below 0.001 it is an alert that blocks the verdict', async () => {
    const offer = await createReportOffer(t, crossSellInput({ holdout: 0.5 }));
    await exposeArms(t, offer, { holdout: 80, treatment: 30 });
    const report = await fetchReport(t, offer);
    expect(report.srm).toMatchObject({ flagged: true, level: 'alert' });
    expect(report.srm.text).toMatch(/^Sample ratio mismatch \(p < 0\.001\)/);
    expect(report.warnings).toContain('srm');
  });

  test('a split in line with the weights gets no line', async () => {
    const offer = await createReportOffer(t, crossSellInput({ holdout: 0.5 }));
    await exposeArms(t, offer, { holdout: 50, treatment: 50 });
    const report = await fetchReport(t, offer);
    expect(report.srm).toMatchObject({ flagged: false, level: 'none', text: null });
  });
});

describe('attach rate', () => {
  test('is the share of the arm’s orders holding an offer line, not of add events', async () => {
    const offer = await createReportOffer(t, crossSellInput({ holdout: 0.5 }));
    const byArm = await exposeArms(t, offer, { holdout: 2, treatment: 5 });
    const treatment = byArm.treatment ?? [];
    // Three shoppers tap Add (one of them twice); only one of them pays with the line.
    await sendEvents(
      t,
      offer,
      'add',
      [treatment[0], treatment[0], treatment[1], treatment[2]].map((unit) => ({
        unit: unit as string,
        arm: 'treatment',
      })),
    );
    await placeOrder(t, treatment[0] as string, 7_000, {
      offerLine: { offerId: offer.id, arm: 'treatment' },
    });
    await placeOrder(t, treatment[3] as string, 5_000);
    // An order of a checkout this experiment never saw does not count, offer line or not.
    await placeOrder(t, 'not-exposed-checkout', 5_000, {
      offerLine: { offerId: offer.id, arm: 'treatment' },
    });
    const report = await fetchReport(t, offer);
    const arm = report.arms.find((a: { arm: string }) => a.arm === 'treatment');
    expect(arm).toMatchObject({ orders: 2, attachedOrders: 1, attachRate: 0.5 });
    // Counting distinct units with an add event would say 3 of 5 = 60%.
    expect(arm.attachRate).not.toBe(3 / 5);
    expect(arm.attributedRevenue).toBe(1_000);
    expect(report.arms.find((a: { holdout: boolean }) => a.holdout).attachRate).toBe(0);
  });
});
