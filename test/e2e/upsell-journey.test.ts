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
 * Upsell, end to end in Chromium against the real demo server: the merchant creates "the 2-pack
 * instead of one bag" with $3.00 off each 2-pack, activates it and edits it twice while it is live;
 * a treatment checkout holding two single bags sees the edited offer, upgrades in place (the line
 * becomes two 2-packs, the code is applied) and pays; a holdout checkout sees nothing and pays;
 * the report credits the treatment with the price difference net of the discount, not the line.
 */
const COFFEE_BAG = variantGid('20201'); // $18.00
const COFFEE_2PACK = variantGid('20202'); // $26.00
const SHOES = variantGid('20071'); // $129.00
// Two bags and a pair of shoes: the upgrade must keep the quantity (2) and leave the shoes alone.
const CART = '20201:2,20071:1';

const journey = useJourney('closer-e2e-upsell-');

describe('upsell journey', { timeout: 60_000 }, () => {
  let offerId = '';
  let treatmentToken = '';

  test('the merchant creates an upsell from its kind card, with a trigger, an upgrade and $3 off each', async () => {
    const j = journey();
    await startOffer(j, 'upsell');
    // Only the upsell's own fields: no cross-sell product list, no banner icon.
    expect(await j.page.getByTestId('upsell-triggers').count()).toBe(1);
    expect(await j.page.getByTestId('upsell-replacement').count()).toBe(1);
    expect(await j.page.getByTestId('offer-icon-select').count()).toBe(0);
    await j.page.getByTestId('offer-name-input').fill('Coffee 2-pack upgrade');
    await pickProduct(j.page.getByTestId('upsell-triggers'), 'coffee', COFFEE_BAG);
    await pickProduct(j.page.getByTestId('upsell-replacement'), 'coffee', COFFEE_2PACK);
    await fillCopy(j, {
      heading: 'Make it a 2-pack',
      body: 'Two bags cost less per cup.',
      buttonLabel: 'Upgrade',
    });
    await setDiscount(j, 'fixed', '3.00');
    await j.page.getByTestId('offer-holdout-input').fill('50');
    await expectFitsBothWidths(j.page, 'upsell editor (new)');
    offerId = await saveNewOffer(j);
    await activate(j);
  });

  test('the merchant edits the active upsell twice; each save is taken and the edit goes live', async () => {
    const j = journey();
    const variant = j.page.getByTestId('offer-variant').first();
    await variant.getByTestId('offer-heading-input').fill('Upgrade to the 2-pack');
    await saveEdit(j);
    // A second save of the same, already-saved offer: the wave-1 editor failed exactly here.
    await variant.getByTestId('offer-body-input').fill('Same beans, less per cup.');
    await saveEdit(j);
    await expectLive(j, offerId);
    expect(
      await j.page
        .getByTestId('offer-variant')
        .first()
        .getByTestId('offer-heading-input')
        .inputValue(),
    ).toBe('Upgrade to the 2-pack');
    await expectFitsBothWidths(j.page, 'upsell editor (saved)');
    await expectListed(j, offerId, 'upsell');
    await expectFitsBothWidths(j.page, 'offers list');
  });

  test('a treatment checkout shows the edited upsell; one tap upgrades the line in place with the discount', async () => {
    const j = journey();
    treatmentToken = await openCheckout(j, 'Treatment', CART);
    const widget = block(j);
    await expect
      .poll(() => widget.locator('s-heading').textContent(), WAIT)
      .toBe('Upgrade to the 2-pack');
    expect(await widget.locator('s-text', { hasText: 'Same beans, less per cup.' }).count()).toBe(
      1,
    );
    // The 2-pack's price struck through beside the discounted one, and what the upgrade costs.
    expect(await widget.locator('s-text[type=redundant]').textContent()).toBe('$26.00');
    expect(await widget.locator('s-text[type=strong]', { hasText: '$23.00' }).count()).toBe(1);
    expect(await widget.locator('s-text', { hasText: 'for $5.00 more each' }).count()).toBe(1);
    await expectFitsBothWidths(j.page, 'sandbox checkout (treatment)');

    await widget.locator('s-button', { hasText: 'Upgrade' }).click();
    // The bag line became the 2-pack, keeping its quantity; the shoes are untouched.
    await expect
      .poll(() => summaryLine(j, COFFEE_2PACK).getAttribute('data-quantity'), WAIT)
      .toBe('2');
    expect(await summaryLine(j, COFFEE_BAG).count()).toBe(0);
    expect(await summaryLine(j, SHOES).getAttribute('data-quantity')).toBe('1');
    // The offer's code is applied and takes $3.00 off each of the two 2-packs, nothing else.
    await expect
      .poll(() => j.page.getByTestId('discount-code').textContent(), WAIT)
      .toMatch(/^CLOSER-/);
    const line = summaryLine(j, COFFEE_2PACK);
    await expect.poll(() => line.getByTestId('line-price').textContent(), WAIT).toBe('$46.00');
    expect(await line.getByTestId('line-original-price').textContent()).toBe('$52.00');
    expect(await summaryLine(j, SHOES).getByTestId('line-discount').count()).toBe(0);
    // The widget is gone (no trigger left in the cart) but the buyer reads what happened.
    await expect
      .poll(() => widget.locator('s-banner[tone=success]').textContent(), WAIT)
      .toContain('upgraded');

    const order = await payNow(j, treatmentToken);
    expect(order.totalDiscounts).toBe(600);
    expect(order.subtotal).toBe(4600 + 12900);
    const credited = await attributedTo(j, offerId);
    // The price difference, net of the discount: 2 × ($23.00 − $18.00).
    expect(credited.map((l) => [l.arm, l.amount])).toEqual([['treatment', 1000]]);
    expect(await eventTypes(j, offerId, treatmentToken)).toEqual(
      expect.arrayContaining(['exposure', 'impression', 'click', 'add']),
    );
  });

  test('a holdout checkout with the same cart shows nothing and pays full price', async () => {
    const j = journey();
    const token = await openCheckout(j, 'Holdout', CART);
    await expectHoldoutSeesNothing(j);
    expect(await summaryLine(j, COFFEE_BAG).getAttribute('data-quantity')).toBe('2');
    const order = await payNow(j, token);
    expect(order.totalDiscounts).toBe(0);
    expect(await eventTypes(j, offerId, token)).toEqual(['exposure']);
  });

  test('the report credits the upgrade by the price difference net of its discount', async () => {
    const j = journey();
    await openReport(j, offerId);
    const treatment = await reportRow(j, 'treatment');
    const holdout = await reportRow(j, 'holdout');
    expect(treatment).toMatchObject({
      Units: '1',
      Orders: '1',
      'Attributed revenue': '$10.00',
      Discounts: '$6.00',
      Revenue: '$175.00',
    });
    expect(holdout).toMatchObject({
      Units: '1',
      Orders: '1',
      Discounts: '$0.00',
      Revenue: '$165.00',
    });
    expect(holdout['Attributed revenue']).toContain('—');
    await expectFitsBothWidths(j.page, 'upsell report');
  });
});
