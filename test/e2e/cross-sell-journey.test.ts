import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  activate,
  attributedTo,
  block,
  eventTypes,
  expectFitsBothWidths,
  expectHoldoutSeesNothing,
  expectListed,
  expectLive,
  fillCopy,
  openCheckout,
  openReport,
  payNow,
  pickProduct,
  reportRow,
  saveEdit,
  saveNewOffer,
  setDiscount,
  startOffer,
  summaryLine,
  useJourney,
  variantGid,
  WAIT,
} from './journey-kit.js';

/**
 * Multi-product cross-sell with a discount, end to end in Chromium against the real demo server:
 * the merchant offers three care products at 20% off, activates the offer and edits it twice
 * while live; a treatment checkout shows the edited copy with each product's price struck
 * through, the shopper adds two of them (each leaves the list, the code is applied once) and
 * pays; a holdout checkout sees nothing and pays; the report attributes the added lines net of
 * the discount and shows the discount in its own column.
 */
const CARE_KIT = variantGid('20081'); // $19.00
const SPRAY = variantGid('20091'); // $12.00
const LACES = variantGid('20191'); // $6.00

const journey = useJourney('closer-e2e-cross-sell-');

describe('multi-product cross-sell journey', { timeout: 60_000 }, () => {
  let offerId = '';
  let treatmentToken = '';

  test('the merchant creates a cross-sell of three products at 20% off from its kind card', async () => {
    const j = journey();
    await startOffer(j, 'cross_sell');
    // Only the cross-sell's fields: no upsell trigger, no banner icon.
    expect(await j.page.getByTestId('upsell-triggers').count()).toBe(0);
    expect(await j.page.getByTestId('offer-icon-select').count()).toBe(0);
    await j.page.getByTestId('offer-name-input').fill('Rain care for new shoes');
    await fillCopy(j, {
      heading: 'Rain is coming',
      body: 'Protect your shoes for the season.',
      buttonLabel: 'Add',
    });
    const variant = j.page.getByTestId('offer-variant').first();
    await pickProduct(variant, 'care kit', CARE_KIT);
    await pickProduct(variant, 'spray', SPRAY);
    await pickProduct(variant, 'laces', LACES);
    await setDiscount(j, 'percentage', '20');
    await j.page.getByTestId('offer-holdout-input').fill('50');
    await expectFitsBothWidths(j.page, 'cross-sell editor (new)');
    offerId = await saveNewOffer(j);
    await activate(j);
  });

  test('the merchant edits the active cross-sell twice; each save is taken and goes live', async () => {
    const j = journey();
    const variant = j.page.getByTestId('offer-variant').first();
    await variant.getByTestId('offer-heading-input').fill('Ready for the rain?');
    await saveEdit(j);
    await variant.getByTestId('offer-button-label-input').fill('Add to order');
    await saveEdit(j);
    await expectLive(j, offerId);
    expect(await variant.getByTestId('offer-heading-input').inputValue()).toBe(
      'Ready for the rain?',
    );
    expect(await variant.getByTestId('selected-product').count()).toBe(3);
    await expectFitsBothWidths(j.page, 'cross-sell editor (saved)');
    await expectListed(j, offerId, 'cross_sell');
  });

  test('a treatment checkout shows the edited offer; the shopper adds two products at 20% off and pays', async () => {
    const j = journey();
    treatmentToken = await openCheckout(j, 'Treatment');
    const widget = block(j);
    const item = (title: string) => widget.locator('s-grid', { hasText: title });
    await expect
      .poll(() => widget.locator('s-heading').textContent(), WAIT)
      .toBe('Ready for the rain?');
    // Three products, each with its own button and its original price struck through.
    expect(await widget.locator('s-button').allTextContents()).toEqual([
      'Add to order',
      'Add to order',
      'Add to order',
    ]);
    for (const [title, was, now] of [
      ['Shoe Care Kit', '$19.00', '$15.20'],
      ['Water-Repellent Spray', '$12.00', '$9.60'],
      ['Recycled Laces', '$6.00', '$4.80'],
    ] as const) {
      expect(await item(title).locator('s-text[type=redundant]').textContent()).toBe(was);
      expect(await item(title).locator('s-text[type=strong]', { hasText: now }).count()).toBe(1);
    }
    await expectFitsBothWidths(j.page, 'sandbox checkout (cross-sell)');

    await item('Water-Repellent Spray').locator('s-button').click();
    await expect.poll(() => summaryLine(j, SPRAY).count(), WAIT).toBe(1);
    // The code is applied and takes 20% off the added spray only.
    await expect
      .poll(() => j.page.getByTestId('discount-code').textContent(), WAIT)
      .toMatch(/^CLOSER-/);
    await expect
      .poll(() => summaryLine(j, SPRAY).getByTestId('line-price').textContent(), WAIT)
      .toBe('$9.60');
    // The added product left the list; the others stay under the same, still true, copy.
    await expect.poll(() => widget.locator('s-button').count(), WAIT).toBe(2);
    expect(await item('Water-Repellent Spray').count()).toBe(0);
    expect(await widget.locator('s-heading').textContent()).toBe('Ready for the rain?');

    await item('Recycled Laces').locator('s-button').click();
    await expect
      .poll(() => summaryLine(j, LACES).getByTestId('line-price').textContent(), WAIT)
      .toBe('$4.80');
    await expect.poll(() => widget.locator('s-button').count(), WAIT).toBe(1);
    expect(await item('Shoe Care Kit').count()).toBe(1);
    await j.page.screenshot({ path: join(tmpdir(), 'closer-e2e-checkout.png'), fullPage: true });

    const order = await payNow(j, treatmentToken);
    expect(order.totalDiscounts).toBe(240 + 120);
    const credited = await attributedTo(j, offerId);
    // Each added line, net of its discount: $9.60 and $4.80.
    expect(credited.map((l) => [l.arm, l.amount]).sort()).toEqual([
      ['treatment', 480],
      ['treatment', 960],
    ]);
    expect(await eventTypes(j, offerId, treatmentToken)).toEqual(
      expect.arrayContaining(['exposure', 'impression', 'click', 'add']),
    );
  });

  test('a holdout checkout shows nothing; that shopper pays too', async () => {
    const j = journey();
    const token = await openCheckout(j, 'Holdout');
    await expectHoldoutSeesNothing(j);
    const order = await payNow(j, token);
    expect(order.totalDiscounts).toBe(0);
    expect(await eventTypes(j, offerId, token)).toEqual(['exposure']);
  });

  test('the report attributes the added lines net of the discount and shows the discount', async () => {
    const j = journey();
    await openReport(j, offerId);
    const treatment = await reportRow(j, 'treatment');
    const holdout = await reportRow(j, 'holdout');
    // Default cart $157.00 (trail runners, two pairs of socks) + $9.60 + $4.80.
    expect(treatment).toMatchObject({
      Units: '1',
      Orders: '1',
      Revenue: '$171.40',
      'Attributed revenue': '$14.40',
      Discounts: '$3.60',
      // From the order's lines, not from add clicks.
      'Attach rate': '100%',
    });
    expect(holdout).toMatchObject({
      Units: '1',
      Orders: '1',
      Revenue: '$157.00',
      Discounts: '$0.00',
    });
    expect(holdout['Attributed revenue']).toContain('—');
    // Two orders are far from enough: the verdict must say so rather than claim a lift.
    await expect
      .poll(() => j.page.getByTestId('report-verdict').textContent(), WAIT)
      .toMatch(/not enough data/i);
    await expectFitsBothWidths(j.page, 'cross-sell report');
    await j.page.screenshot({ path: join(tmpdir(), 'closer-e2e-results.png'), fullPage: true });
  });
});
