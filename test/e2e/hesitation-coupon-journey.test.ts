import { eq } from 'drizzle-orm';
import { describe, expect, test } from 'vitest';
import { exposures } from '../../drizzle/schema.js';
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
  type Journey,
  openReport,
  payNow,
  reportRow,
  saveEdit,
  saveNewOffer,
  setDiscount,
  startOffer,
  useJourney,
  WAIT,
} from './journey-kit.js';

/**
 * Hesitation coupon, end to end in Chromium against the real demo server: the merchant creates
 * "10% off when a buyer hesitates", activates it and edits it twice while it is live (the copy,
 * then the delay); a treatment checkout shows nothing until the buyer has stayed the delay — the
 * test advances the sandbox's clock instead of waiting — then the coupon, whose one tap applies
 * the code, and the paid order carries the discount; a holdout checkout logs its exposure when
 * the delay passes and shows nothing; the report shows both arms and what the coupon cost.
 */
const DELAY_SECONDS = 30;
const EXTENSION_BUNDLE = '**/sandbox/extension/*.js';

const journey = useJourney('closer-e2e-hesitation-');

/**
 * A fresh sandbox checkout in the wanted arm, once the extension started counting. Unlike the
 * kit's openCheckout it expects no exposure yet: this offer is exposed when its trigger fires.
 */
async function openHesitatingCheckout(j: Journey, arm: 'Treatment' | 'Holdout') {
  // The page that picks the token is a checkout too; without the bundle it starts no count.
  await j.page.route(EXTENSION_BUNDLE, (route) => route.abort());
  await j.page.goto(`${j.server.url}/sandbox`);
  await expect.poll(() => j.page.locator('[data-testid=decision]').count(), WAIT).toBe(1);
  await j.page.unroute(EXTENSION_BUNDLE);
  await j.page.getByRole('button', { name: `${arm} token`, exact: true }).click();
  await expect
    .poll(() => j.page.locator('[data-testid=decision]').first().getAttribute('data-arm'), WAIT)
    .toBe(arm === 'Treatment' ? 'treatment' : 'holdout');
  await expect.poll(() => j.page.getByTestId('clock-timers').textContent(), WAIT).toBe('1');
  return (await j.page.locator('[data-testid=token]').inputValue()).trim();
}

async function advanceClock(j: Journey, seconds: number) {
  await j.page.getByTestId('clock-advance-seconds').fill(String(seconds));
  await j.page.getByTestId('clock-advance').click();
}

function sent(j: Journey, type: string) {
  return j.page.locator(`[data-testid=events] li[data-type=${type}]`);
}

describe('hesitation coupon journey', { timeout: 90_000 }, () => {
  let offerId = '';

  test('the merchant creates a hesitation coupon from its kind card: delay, copy and 10% off the order', async () => {
    const j = journey();
    await startOffer(j, 'hesitation_coupon');
    // Only the coupon's own fields: no product to pick, no banner icon; the discount is required.
    expect(await j.page.getByTestId('product-search').count()).toBe(0);
    expect(await j.page.getByTestId('offer-icon-select').count()).toBe(0);
    const types = await j.page
      .getByTestId('offer-discount-type')
      .locator('option')
      .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
    expect(types).toEqual(['percentage', 'fixed']);
    expect(await j.page.getByTestId('coupon-skip-discounted').isChecked()).toBe(true);
    await j.page.getByTestId('offer-name-input').fill('Hesitation 10%');
    await j.page.getByTestId('coupon-delay-input').fill('60');
    await fillCopy(j, {
      heading: 'Still deciding?',
      body: 'Here is 10% off your order.',
      buttonLabel: 'Apply code',
    });
    await setDiscount(j, 'percentage', '10');
    await j.page.getByTestId('offer-holdout-input').fill('50');
    await expectFitsBothWidths(j.page, 'hesitation coupon editor (new)');
    offerId = await saveNewOffer(j);
    await activate(j);
  });

  test('the merchant edits the active coupon twice (copy, then delay); each save is taken and goes live', async () => {
    const j = journey();
    const variant = j.page.getByTestId('offer-variant').first();
    await variant.getByTestId('offer-heading-input').fill('Still deciding? Take 10% off');
    await saveEdit(j);
    await j.page.getByTestId('coupon-delay-input').fill(String(DELAY_SECONDS));
    await saveEdit(j);
    await expectLive(j, offerId);
    expect(await j.page.getByTestId('coupon-delay-input').inputValue()).toBe(String(DELAY_SECONDS));
    expect(
      await j.page
        .getByTestId('offer-variant')
        .first()
        .getByTestId('offer-heading-input')
        .inputValue(),
    ).toBe('Still deciding? Take 10% off');
    await expectListed(j, offerId, 'hesitation_coupon');
  });

  test('treatment: nothing before the delay; then the coupon, one tap applies it, the order carries the discount', async () => {
    const j = journey();
    const token = await openHesitatingCheckout(j, 'Treatment');
    const widget = block(j);
    await advanceClock(j, DELAY_SECONDS - 1);
    await expect
      .poll(() => j.page.getByTestId('clock-offset').textContent(), WAIT)
      .toBe(String(DELAY_SECONDS - 1));
    expect(await widget.locator('s-heading, s-button').count()).toBe(0);
    expect(await sent(j, 'exposure').count()).toBe(0);

    const due = Date.now();
    await advanceClock(j, 1);
    await expect
      .poll(() => widget.locator('s-heading').textContent(), WAIT)
      .toBe('Still deciding? Take 10% off');
    expect(await widget.locator('s-text[type=strong]').textContent()).toBe('10% off your order');
    await expect.poll(() => sent(j, 'exposure').getAttribute('data-status'), WAIT).toBe('202');
    await expectFitsBothWidths(j.page, 'sandbox checkout (coupon shown)');

    await widget.locator('s-button').click();
    await expect.poll(() => j.page.getByTestId('discount-code').count(), WAIT).toBe(1);
    await expect.poll(() => widget.locator('s-banner[tone=success]').count(), WAIT).toBe(1);
    expect(await j.page.getByTestId('discount-total').textContent()).toBe('$15.70');
    await expect.poll(() => sent(j, 'coupon_apply').getAttribute('data-status'), WAIT).toBe('202');

    const order = await payNow(j, token);
    // The default cart ($129 shoes, two $14 socks): 10% off the whole order.
    expect(order.totalDiscounts).toBe(1570);
    expect(order.subtotal).toBe(14_130);
    expect(await eventTypes(j, offerId, token)).toEqual([
      'click',
      'coupon_apply',
      'exposure',
      'impression',
    ]);
    // The coupon adds no line: nothing is attributed to it.
    expect(await attributedTo(j, offerId)).toEqual([]);
    // Exposed when the buyer had hesitated the delay, not when checkout opened.
    const [exposure] = await j.server.ctx.db
      .select()
      .from(exposures)
      .where(eq(exposures.unit, token));
    expect(exposure?.firstExposedAt).toBeGreaterThanOrEqual(due);
  });

  test('holdout: when the delay passes nothing shows, but the exposure is logged', async () => {
    const j = journey();
    const token = await openHesitatingCheckout(j, 'Holdout');
    await advanceClock(j, DELAY_SECONDS);
    await expect.poll(() => sent(j, 'exposure').getAttribute('data-status'), WAIT).toBe('202');
    await expect.poll(() => j.page.getByTestId('clock-timers').textContent(), WAIT).toBe('0');
    await expectHoldoutSeesNothing(j);
    const order = await payNow(j, token);
    expect(order.totalDiscounts).toBe(0);
    expect(await eventTypes(j, offerId, token)).toEqual(['exposure']);
  });

  test('the report shows both arms, what the coupon cost, and reads incremental revenue net of it', async () => {
    const j = journey();
    await openReport(j, offerId);
    const treatment = await reportRow(j, 'treatment');
    const holdout = await reportRow(j, 'holdout');
    expect(treatment).toMatchObject({
      Units: '1',
      Orders: '1',
      Revenue: '$141.30',
      Discounts: '$15.70',
    });
    expect(holdout).toMatchObject({
      Units: '1',
      Orders: '1',
      Revenue: '$157.00',
      Discounts: '$0.00',
    });
    const definitions = await j.page.getByTestId('report-definitions').textContent();
    expect(definitions).toContain('what the coupon gave away');
    expect(definitions).toContain('recovered checkouts that would have been abandoned');
    // Two orders are far from a result: the verdict says how far, with no figure.
    expect(await j.page.getByTestId('report-verdict').textContent()).toContain(
      'Not enough data yet',
    );
    await expectFitsBothWidths(j.page, 'hesitation coupon report');
  });
});
