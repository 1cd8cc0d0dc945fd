import { and, eq } from 'drizzle-orm';
import { describe, expect, test } from 'vitest';
import { assignArm } from '../../core/decide/decide-offers.js';
import { experiments, exposures, offers, orders } from '../../drizzle/schema.js';
import {
  activate,
  eventTypes,
  expectLive,
  expectNoHorizontalOverflow,
  fillCopy,
  type Journey,
  openReport,
  reportRow,
  saveEdit,
  saveNewOffer,
  setDiscount,
  startOffer,
  useJourney,
  WAIT,
} from './journey-kit.js';

/**
 * Next-order coupon, end to end in Chromium against the real demo server: the merchant creates a
 * Thank you page coupon (10% off the next order) with a 50% holdout, activates it and edits its
 * copy while live; a treatment customer pays in the checkout sandbox, the Thank you page shows
 * their own code with a copy button, and a later order by the same customer redeems it; a holdout
 * customer pays and their Thank you page shows nothing (their exposure is still logged); the
 * report counts only the repeat order — not the order that showed the page — with its discount.
 */
const journey = useJourney('closer-e2e-next-order-');
const THANK_YOU = 'iframe[data-target="purchase.thank-you.block.render"]';

/** The offer's experiment, once a customer was picked for it. */
let experimentRow: typeof experiments.$inferSelect | undefined;

function assignedArm(customer: string) {
  return experimentRow ? (assignArm(experimentRow, customer)?.key ?? null) : null;
}

async function customerIn(j: Journey, offerId: string, arm: 'treatment' | 'holdout', from: number) {
  const offer = await j.server.ctx.db.query.offers.findFirst({ where: eq(offers.id, offerId) });
  const experiment = await j.server.ctx.db.query.experiments.findFirst({
    where: and(eq(experiments.shop, j.shop), eq(experiments.key, offer?.experimentKey ?? '')),
  });
  if (!experiment) throw new Error('no experiment');
  experimentRow = experiment;
  for (let id = from; id < from + 10_000; id++) {
    if (assignArm(experiment, String(id))?.key === arm) return String(id);
  }
  throw new Error(`no ${arm} customer`);
}

/** Opens a sandbox checkout as this customer and pays; returns the stored order. */
async function payAs(j: Journey, customer: string, code?: string) {
  const query = new URLSearchParams({ customer, ...(code ? { code } : {}) });
  await j.page.goto(`${j.server.url}/sandbox?${query}`);
  // The debug panel decides Thank you page offers on the customer, as the block does.
  const arm = assignedArm(customer);
  await expect
    .poll(() => j.page.getByTestId('customer-decision').first().getAttribute('data-arm'), WAIT)
    .toBe(arm);
  if (code) {
    await expect.poll(() => j.page.getByTestId('discount-code').count(), WAIT).toBeGreaterThan(0);
  }
  const before = await ordersOf(j, customer);
  await j.page.getByTestId('pay-now').click();
  await expect.poll(() => j.page.getByTestId('order-name').count(), WAIT).toBe(1);
  await expect.poll(async () => (await ordersOf(j, customer)).length, WAIT).toBe(before.length + 1);
  return (await ordersOf(j, customer)).at(-1);
}

function ordersOf(j: Journey, customer: string) {
  return j.server.ctx.db
    .select()
    .from(orders)
    .where(and(eq(orders.shop, j.shop), eq(orders.customerId, customer)))
    .orderBy(orders.createdAt);
}

function exposureOf(j: Journey, offerId: string, customer: string) {
  return j.server.ctx.db
    .select()
    .from(exposures)
    .where(and(eq(exposures.offerId, offerId), eq(exposures.unit, customer)));
}

describe('next-order coupon journey', { timeout: 90_000 }, () => {
  let offerId = '';
  let treatment = '';
  let code = '';

  test('the merchant creates a Thank you page coupon, activates it and edits it while live', async () => {
    const j = journey();
    await startOffer(j, 'next_order_coupon');
    // Its own fields: copy without a button, the discount, the code expiry and the window.
    expect(await j.page.getByTestId('offer-button-label-input').count()).toBe(0);
    expect(await j.page.getByTestId('product-search').count()).toBe(0);
    await j.page.getByTestId('offer-name-input').fill('Come back soon');
    await fillCopy(j, { heading: 'Thanks! 10% off next time', body: 'Your own code.' });
    await setDiscount(j, 'percentage', '10');
    await j.page.getByTestId('next-order-expiry-input').fill('30');
    await j.page.getByTestId('next-order-window-input').fill('30');
    await j.page.getByTestId('offer-holdout-input').fill('50');
    offerId = await saveNewOffer(j);
    await activate(j);

    const variant = j.page.getByTestId('offer-variant').first();
    await variant.getByTestId('offer-heading-input').fill('Thank you! 10% off your next order');
    await saveEdit(j);
    await expectLive(j, offerId);
    expect(await variant.getByTestId('offer-heading-input').inputValue()).toBe(
      'Thank you! 10% off your next order',
    );
    await expectNoHorizontalOverflow(j.page, 'next-order coupon editor');
  });

  test('a treatment customer pays; the Thank you page shows their own code to copy', async () => {
    const j = journey();
    treatment = await customerIn(j, offerId, 'treatment', 500_001);
    await j.page.context().grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: j.server.url,
    });
    const first = await payAs(j, treatment);
    expect(first?.totalDiscounts).toBe(0);

    const thankYou = j.page.frameLocator(THANK_YOU);
    await expect
      .poll(() => thankYou.locator('s-heading').textContent(), WAIT)
      .toBe('Thank you! 10% off your next order');
    code = ((await thankYou.locator('s-text[type=strong]').textContent()) ?? '').trim();
    expect(code).toMatch(/^[A-Z0-9-]{8,}$/);
    expect(await thankYou.locator('s-text').allTextContents()).toEqual(
      expect.arrayContaining(['Next time: 10% off your order']),
    );
    await thankYou.getByRole('button', { name: `Copy discount code ${code}` }).click();
    await expect.poll(() => thankYou.locator('s-banner').textContent(), WAIT).toBe('Code copied.');
    expect(await j.page.evaluate(() => navigator.clipboard.readText())).toBe(code);
    // Seeing and copying the code are the block's impression and click, for this customer.
    await expect
      .poll(async () => (await eventTypes(j, offerId, treatment)).join(), WAIT)
      .toBe('click,exposure,impression');

    // The Thank you page was the exposure, logged after the order it followed.
    const [exposure] = await exposureOf(j, offerId, treatment);
    expect(exposure?.arm).toBe('treatment');
    expect(exposure?.firstExposedAt).toBeGreaterThan(first?.createdAt ?? Number.POSITIVE_INFINITY);
  });

  test('a later order by the same customer redeems the code', async () => {
    const j = journey();
    // Reloading the Thank you page's way back in: same customer, a new checkout.
    await j.page.getByTestId('shop-again').click();
    await expect
      .poll(() => new URL(j.page.url()).searchParams.get('customer'), WAIT)
      .toBe(treatment);
    const later = await payAs(j, treatment, code);
    // The sandbox's default cart: trail runners ($129) and two pairs of socks ($14 each).
    expect(later?.totalDiscounts).toBe(1570);
    expect(later?.subtotal).toBe(14130);
  });

  test('a holdout customer pays and sees nothing on the Thank you page', async () => {
    const j = journey();
    const holdout = await customerIn(j, offerId, 'holdout', 700_001);
    await payAs(j, holdout);
    await expect.poll(async () => (await exposureOf(j, offerId, holdout)).length, WAIT).toBe(1);
    expect((await exposureOf(j, offerId, holdout))[0]?.arm).toBe('holdout');
    expect(
      await j.page.locator(THANK_YOU).evaluate((el) => el.getBoundingClientRect().height),
    ).toBe(0);
    expect(await j.page.frameLocator(THANK_YOU).locator('s-heading, s-text').count()).toBe(0);
    // Its exposure is the server's; the block sent nothing else.
    expect(await eventTypes(j, offerId, holdout)).toEqual([]);
  });

  test('the report counts the repeat order and its discount, not the order that showed the page', async () => {
    const j = journey();
    await openReport(j, offerId);
    expect(await reportRow(j, 'treatment')).toMatchObject({
      Units: '1',
      Orders: '1',
      Revenue: '$141.30',
      Discounts: '$15.70',
    });
    expect(await reportRow(j, 'holdout')).toMatchObject({ Units: '1', Orders: '0' });
  });
});
