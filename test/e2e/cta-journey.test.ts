import { describe, expect, test } from 'vitest';
import {
  activate,
  attributedTo,
  block,
  DESKTOP,
  eventTypes,
  expectFitsBothWidths,
  expectHoldoutSeesNothing,
  expectListed,
  expectLive,
  expectNoHorizontalOverflow,
  fillCopy,
  openCheckout,
  openReport,
  PHONE,
  payNow,
  reportRow,
  saveEdit,
  saveNewOffer,
  startOffer,
  useJourney,
  WAIT,
} from './journey-kit.js';

/**
 * Trust banner, end to end in Chromium against the real demo server — the merchant's side done
 * on a phone (390 px): create a shipping banner with an icon and a shop-relative link, activate
 * it, edit it twice while live; a treatment checkout shows the edited banner and the shopper
 * follows its link (a tracked click) and pays; a holdout checkout shows nothing and pays; the
 * report counts both orders in their arms and credits the banner with no line revenue (it sells
 * nothing: its effect is the difference between the arms).
 */
const journey = useJourney('closer-e2e-cta-');

describe('trust banner journey', { timeout: 60_000 }, () => {
  let offerId = '';
  let treatmentToken = '';

  test('on a phone, the merchant creates a banner from its kind card: icon, copy and a link', async () => {
    const j = journey();
    await j.page.setViewportSize(PHONE);
    await startOffer(j, 'cta');
    // Only the banner's fields: no products, no button, no discount.
    expect(await j.page.getByTestId('product-search').count()).toBe(0);
    expect(await j.page.getByTestId('offer-button-label-input').count()).toBe(0);
    expect(await j.page.getByTestId('offer-discount').count()).toBe(0);
    await j.page.getByTestId('offer-name-input').fill('Shipping reassurance');
    await fillCopy(j, { heading: 'Free shipping over $50', body: 'Delivered in 3 to 5 days.' });
    await j.page.getByTestId('offer-icon-select').selectOption('truck');
    await j.page.getByTestId('offer-link-toggle').check();
    await j.page.getByTestId('offer-link-url-input').fill('/policies/shipping-policy');
    await j.page.getByTestId('offer-link-label-input').fill('Shipping details');
    await j.page.getByTestId('offer-holdout-input').fill('50');
    await expectNoHorizontalOverflow(j.page, 'banner editor (new)');
    offerId = await saveNewOffer(j);
    await activate(j);
    await expectNoHorizontalOverflow(j.page, 'banner editor (active)');
  });

  test('on a phone, the merchant edits the live banner twice; each save is taken and goes live', async () => {
    const j = journey();
    const variant = j.page.getByTestId('offer-variant').first();
    await variant.getByTestId('offer-heading-input').fill('Free shipping on every order');
    await saveEdit(j);
    await variant.getByTestId('offer-link-label-input').fill('How we ship');
    await saveEdit(j);
    await expectNoHorizontalOverflow(j.page, 'banner editor (edited)');
    await expectLive(j, offerId);
    await expectNoHorizontalOverflow(j.page, 'banner editor (reloaded)');
    expect(await variant.getByTestId('offer-link-label-input').inputValue()).toBe('How we ship');
    await expectListed(j, offerId, 'cta');
    await expectNoHorizontalOverflow(j.page, 'offers list');
    await j.page.setViewportSize(DESKTOP);
  });

  test('a treatment checkout shows the edited banner; the shopper follows its link and pays', async () => {
    const j = journey();
    treatmentToken = await openCheckout(j, 'Treatment');
    const widget = block(j);
    await expect
      .poll(() => widget.locator('s-heading').textContent(), WAIT)
      .toBe('Free shipping on every order');
    expect(await widget.locator('s-text').textContent()).toBe('Delivered in 3 to 5 days.');
    expect(await widget.locator('s-icon').getAttribute('type')).toBe('truck');
    // No product, no button: a banner offers nothing to add.
    expect(await widget.locator('s-button, s-product-thumbnail').count()).toBe(0);
    const link = widget.locator('s-link');
    expect(await link.textContent()).toBe('How we ship');
    // A shop-relative link opens on the storefront (checkout runs on another origin).
    expect(await link.getAttribute('href')).toBe(`https://${j.shop}/policies/shipping-policy`);
    await expectFitsBothWidths(j.page, 'sandbox checkout (banner)');

    await link.click();
    await expect
      .poll(() => j.page.getByTestId('followed-link').getAttribute('data-href'), WAIT)
      .toBe(`https://${j.shop}/policies/shipping-policy`);
    await expect
      .poll(
        () => j.page.locator('[data-testid=events] li[data-type=click][data-status="202"]').count(),
        WAIT,
      )
      .toBe(1);
    expect(await eventTypes(j, offerId, treatmentToken)).toEqual(
      expect.arrayContaining(['exposure', 'impression', 'click']),
    );
    const order = await payNow(j, treatmentToken);
    expect(order.totalDiscounts).toBe(0);
    // The banner added no line: nothing is attributed to it.
    expect(await attributedTo(j, offerId)).toEqual([]);
  });

  test('a holdout checkout shows no banner; that shopper pays too', async () => {
    const j = journey();
    const token = await openCheckout(j, 'Holdout');
    await expectHoldoutSeesNothing(j);
    await payNow(j, token);
    expect(await eventTypes(j, offerId, token)).toEqual(['exposure']);
  });

  test('the report counts both orders in their arms and attributes no line revenue to a banner', async () => {
    const j = journey();
    await openReport(j, offerId);
    const treatment = await reportRow(j, 'treatment');
    const holdout = await reportRow(j, 'holdout');
    // The sandbox's default cart: trail runners ($129) and two pairs of socks ($14 each).
    expect(treatment).toMatchObject({
      Units: '1',
      Orders: '1',
      Revenue: '$157.00',
      'Attributed revenue': '$0.00',
      Discounts: '$0.00',
    });
    expect(holdout).toMatchObject({ Units: '1', Orders: '1', Revenue: '$157.00' });
    expect(holdout['Attributed revenue']).toContain('—');
    await j.page.setViewportSize(PHONE);
    await expectNoHorizontalOverflow(j.page, 'banner report');
    await j.page.setViewportSize(DESKTOP);
  });
});
