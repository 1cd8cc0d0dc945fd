// The hesitation coupon on the server: its order-level Shopify discount through the real admin
// API and the emulated Admin GraphQL, what it publishes, its coupon_apply event, and a report
// that reads incremental revenue net of the coupon's discount.
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { PublishedConfig } from '../../core/offers/published-config.js';
import { events } from '../../drizzle/schema.js';
import { kindModule } from '../../server/domain/offer-kinds/index.js';
import { adminCall, hesitationCouponInput, type JsonBody } from '../helpers/offers.js';
import { createTestApp, SHOP_A, type TestApp } from '../helpers/test-app.js';
import { createReportOffer, exposeArms, fetchReport, placeOrder } from './report-data.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await t.install(SHOP_A);
});
afterAll(() => t.close());

function discountByCode(code: string) {
  return [...t.emulator.state(SHOP_A).discounts.values()].find((d) => d.code === code);
}

function publishedConfig(): PublishedConfig {
  return JSON.parse(t.emulator.state(SHOP_A).metafields.get('$app.closer_config')?.value ?? '{}');
}

describe('the order-level discount behind a hesitation coupon', () => {
  test('is a Shopify code discount on every item, not combined with other order codes', async () => {
    const { status, body } = await adminCall(t, SHOP_A, 'POST', '/offers', hesitationCouponInput());
    expect(status).toBe(201);
    const code = body.offer.discountCode as string;
    expect(code).toMatch(/^CLOSER-[A-Z0-9]{10}$/);
    expect(discountByCode(code)).toMatchObject({
      allItems: true,
      variantIds: [],
      percentage: 0.1,
      minimumSubtotal: null,
      combinesWith: { orderDiscounts: false, productDiscounts: true, shippingDiscounts: true },
    });
  });

  test('follows edits: a fixed amount off the order once, a minimum subtotal, then none; archived, it is gone', async () => {
    const created = await adminCall(t, SHOP_A, 'POST', '/offers', hesitationCouponInput());
    const { id, discountCode: code } = created.body.offer as JsonBody;
    const edited = await adminCall(t, SHOP_A, 'PATCH', `/offers/${id}`, {
      discount: { type: 'fixed', value: 500 },
      minimumSubtotal: 5000,
    });
    expect(edited.status).toBe(200);
    expect(edited.body.offer.discountCode).toBe(code);
    expect(discountByCode(code)).toMatchObject({
      allItems: true,
      percentage: null,
      amountPerItem: '5.00',
      appliesOnEachItem: false,
      minimumSubtotal: '50.00',
    });
    await adminCall(t, SHOP_A, 'PATCH', `/offers/${id}`, { minimumSubtotal: null });
    expect(discountByCode(code)?.minimumSubtotal).toBeNull();
    await adminCall(t, SHOP_A, 'POST', `/offers/${id}/archive`);
    expect(discountByCode(code)).toBeUndefined();
  });

  test('a coupon needs a discount and a delay in range; the contract says so', async () => {
    const noDiscount = await adminCall(
      t,
      SHOP_A,
      'POST',
      '/offers',
      hesitationCouponInput({ discount: null }),
    );
    expect(noDiscount.status).toBe(400);
    expect(noDiscount.body.error.message).toMatch(/^discount/);
    for (const delaySeconds of [9, 1801, 12.5]) {
      const res = await adminCall(
        t,
        SHOP_A,
        'POST',
        '/offers',
        hesitationCouponInput({ delaySeconds }),
      );
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(/^delaySeconds: /);
    }
    const defaults = hesitationCouponInput();
    delete (defaults as Record<string, unknown>).delaySeconds;
    delete (defaults as Record<string, unknown>).skipIfCodeApplied;
    const created = await adminCall(t, SHOP_A, 'POST', '/offers', defaults);
    expect(created.body.offer).toMatchObject({ delaySeconds: 45, skipIfCodeApplied: true });
  });
});

describe('what an active hesitation coupon publishes', () => {
  test('its copy, no product, the trigger both arms wait for, and its order discount', async () => {
    const input = hesitationCouponInput({
      delaySeconds: 120,
      skipIfCodeApplied: false,
      minimumSubtotal: 4000,
      target: 'cart_line_list_after',
    });
    const created = await adminCall(t, SHOP_A, 'POST', '/offers', input);
    const { id, discountCode } = created.body.offer as JsonBody;
    await adminCall(t, SHOP_A, 'POST', `/offers/${id}/activate`);
    const published = publishedConfig().offers.find((o) => o.id === id);
    expect(published).toMatchObject({
      kind: 'hesitation_coupon',
      target: 'cart_line_list_after',
      products: [],
      variants: { treatment: input.variants[0] },
      trigger: { afterSeconds: 120, unlessCodeApplied: false },
      discount: {
        code: discountCode,
        type: 'percentage',
        value: 10,
        appliesTo: 'order',
        minimumSubtotal: 4000,
      },
    });
    // Nothing of it is credited on an order line: its effect is the difference between the arms.
    expect(
      kindModule('hesitation_coupon').creditLine(published as never, {} as never, new Map()),
    ).toBe(0);
    await adminCall(t, SHOP_A, 'POST', `/offers/${id}/pause`);
    expect(publishedConfig().offers.some((o) => o.id === id)).toBe(false);
  });
});

describe('coupon_apply', () => {
  test('is an event type the checkout endpoint takes and keeps', async () => {
    const offer = await createReportOffer(t, hesitationCouponInput({ holdout: 0.5 }));
    await adminCall(t, SHOP_A, 'POST', `/offers/${offer.id}/activate`);
    const { treatment } = await exposeArms(t, offer, { treatment: 1 });
    const unit = treatment?.[0] as string;
    const res = await t.app.request('/api/checkout/events', {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${await t.checkoutToken(SHOP_A)}`,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({
        events: [
          {
            id: randomUUID(),
            type: 'coupon_apply',
            offerId: offer.id,
            experimentKey: offer.experiment.key,
            arm: 'treatment',
            unit,
            at: Date.now(),
          },
        ],
      }),
    });
    expect(res.status).toBe(202);
    const rows = await t.db
      .select()
      .from(events)
      .where(and(eq(events.offerId, offer.id), eq(events.unit, unit)));
    expect(rows.map((r) => r.type).sort()).toEqual(['coupon_apply', 'exposure']);
  });
});

describe('the report of a hesitation coupon', () => {
  test('a coupon that only discounted orders that would have happened anyway is a loss, with its interval', async () => {
    const offer = await createReportOffer(
      t,
      hesitationCouponInput({ name: 'Subsidy', holdout: 0.5 }),
    );
    await adminCall(t, SHOP_A, 'POST', `/offers/${offer.id}/activate`);
    const units = await exposeArms(t, offer, { holdout: 120, treatment: 120 });
    // Both arms convert alike (9 in 10); the treatment's orders carry $20 of coupon discount.
    let i = 0;
    for (const unit of units.holdout ?? []) {
      i += 1;
      if (i % 10 !== 0) await placeOrder(t, unit, 9000 + (i % 3) * 1000);
    }
    i = 0;
    for (const unit of units.treatment ?? []) {
      i += 1;
      if (i % 10 !== 0) await placeOrder(t, unit, 7000 + (i % 3) * 1000, { discounts: 2000 });
    }
    const report = await fetchReport(t, offer);
    const treatment = report.arms.find((a: JsonBody) => a.arm === 'treatment');
    const holdout = report.arms.find((a: JsonBody) => a.arm === 'holdout');
    expect(treatment.discounts).toBe(108 * 2000);
    expect(holdout.discounts).toBe(0);
    expect(report.verdict.kind).toBe('negative');
    expect(report.verdict.text).toMatch(
      /^-\$[\d,]+ incremental revenue net of the coupon’s discount, 95% CI -\$[\d,]+ to -\$[\d,]+ — a loss: the coupon mostly discounted orders that would have been placed anyway\.$/,
    );
    const incremental = report.comparisons.incrementalRevenue;
    expect(incremental.ci[1]).toBeLessThan(0);
    expect(report.definitions.incrementalRevenue).toContain(
      'recovered checkouts that would have been abandoned',
    );
    expect(report.definitions.discounts).toContain('what the coupon gave away');
  });

  test('other kinds keep the shared wording', async () => {
    expect(kindModule('cross_sell').report).toBeUndefined();
    expect(kindModule('hesitation_coupon').report?.verdict?.metric).toBe(
      'incremental revenue net of the coupon’s discount',
    );
  });
});
