import { and, eq, sql } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import type { PublishedExperiment } from '../../core/offers/published-config.js';
import { couponCodes, experiments, exposures, offers, orders } from '../../drizzle/schema.js';
import { ensureStorefrontBuilt } from '../../scripts/build-storefront.js';
import { visitorIn } from '../storefront/fixtures.js';
import {
  activate,
  fillCopy,
  openReport,
  reportRow,
  saveNewOffer,
  setDiscount,
  startOffer,
  useJourney,
  WAIT,
  waitForPublished,
} from './journey-kit.js';

/**
 * Exit-intent coupon, end to end in Chromium against the real demo server: the merchant creates
 * and activates the coupon in the admin (the theme editor link is there); the server publishes it
 * to `$app.storefront_config` and mints the pool; on the demo storefront a treatment visitor's
 * pointer leaves through the top and the modal shows their own code, a holdout visitor's does
 * the same and sees nothing (but is exposed); the treatment visitor applies the code and pays,
 * the signed orders/create webhook carries the discount and `_closer_vid`, and the report counts
 * the discount cost in the treatment arm.
 */
const journey = useJourney('closer-e2e-exit-');

const PRODUCT_PAGE = '/dev/storefront/products/1008';
const COUPON_PATH = '/dev/storefront/apps/closer/coupon';

/** The pointer heads for the browser's tab bar: fast upwards, out through the top edge. */
async function exitThroughTop(page: Page) {
  await page.mouse.move(640, 420);
  await page.clock.runFor(16);
  await page.mouse.move(640, 160);
  await page.clock.runFor(16);
  await page.mouse.move(640, -10);
}

describe('exit-intent coupon journey', { timeout: 120_000 }, () => {
  let offerId = '';
  let experiment: PublishedExperiment;
  let code = '';
  const visitors = { treatment: '', holdout: '' };

  async function visit(visitor: string) {
    const j = journey();
    const context = await j.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.clock.install();
    await page.addInitScript((id) => localStorage.setItem('_closer_vid', id), visitor);
    await page.goto(`${j.server.url}${PRODUCT_PAGE}`);
    // Into the cart (the modal may show there too), past the minimum time on the page (5 s).
    await page.getByRole('link', { name: 'Add to cart' }).click();
    await expect.poll(() => new URL(page.url()).pathname, WAIT).toBe('/dev/storefront/cart');
    // The deferred script has run (it starts its clock then) before the page's time moves on.
    await page.waitForLoadState('load');
    await page.clock.runFor(6_000);
    return page;
  }

  test('the merchant creates and activates the coupon; the theme editor link is offered', async () => {
    await ensureStorefrontBuilt();
    const j = journey();
    await startOffer(j, 'exit_coupon');
    await j.page.getByTestId('offer-name-input').fill('Before you go');
    await fillCopy(j, {
      heading: 'Before you go: 10% off',
      body: 'Your own code, for today.',
      buttonLabel: 'Apply and check out',
    });
    await setDiscount(j, 'percentage', '10');
    await j.page.getByTestId('offer-holdout-input').fill('50');
    const link = await j.page.getByTestId('exit-embed-link').getAttribute('href');
    expect(link).toMatch(
      new RegExp(
        `^https://${j.shop.replace(/\./g, '\\.')}/admin/themes/current/editor\\?context=apps&activateAppId=[^/&]+/closer-embed$`,
      ),
    );
    offerId = await saveNewOffer(j);
    await activate(j);
    await waitForPublished(j);
    const db = j.server.ctx.db;
    const offer = await db.query.offers.findFirst({ where: eq(offers.id, offerId) });
    const row = await db.query.experiments.findFirst({
      where: eq(experiments.key, offer?.experimentKey ?? ''),
    });
    experiment = {
      key: row?.key ?? '',
      seed: row?.seed ?? '',
      coverage: row?.coverage ?? 0,
      arms: row?.arms ?? [],
    };
    // The publication filled the pool in the background.
    await expect
      .poll(async () => {
        const [n] = await db
          .select({ n: sql<number>`count(*)` })
          .from(couponCodes)
          .where(and(eq(couponCodes.offerId, offerId), eq(couponCodes.state, 'available')));
        return n?.n ?? 0;
      }, WAIT)
      .toBeGreaterThan(0);
    visitors.treatment = visitorIn(experiment, 'treatment', 'e2e-exit-t');
    visitors.holdout = visitorIn(experiment, 'holdout', 'e2e-exit-h');
  });

  test('a treatment visitor leaving through the top sees the modal with their own code', async () => {
    const page = await visit(visitors.treatment);
    const answered = page.waitForResponse((r) => r.url().includes(COUPON_PATH));
    await exitThroughTop(page);
    expect((await answered).status()).toBe(200);
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.count(), WAIT).toBe(1);
    expect(await dialog.textContent()).toContain('Before you go: 10% off');
    const [held] = await journey()
      .server.ctx.db.select()
      .from(couponCodes)
      .where(and(eq(couponCodes.offerId, offerId), eq(couponCodes.visitor, visitors.treatment)));
    code = held?.code ?? '';
    expect(code).toMatch(/^EXIT-/);
    expect(await dialog.textContent()).toContain(code);

    // Apply and check out: Shopify's /discount/CODE link, then the checkout with the code.
    await dialog.getByRole('link', { name: 'Apply and check out' }).click();
    await expect.poll(() => page.getByTestId('checkout-code').textContent(), WAIT).toBe(code);
    await page.getByTestId('pay-now').click();
    await expect
      .poll(() => page.getByTestId('order-status').textContent(), WAIT)
      .toMatch(/^Order .+ placed$/);
    await page.context().close();
  });

  test('a holdout visitor doing the same sees nothing, and is exposed', async () => {
    const page = await visit(visitors.holdout);
    const answered = page.waitForResponse((r) => r.url().includes(COUPON_PATH));
    await exitThroughTop(page);
    expect((await answered).status()).toBe(404);
    await page.clock.runFor(1_000);
    expect(await page.getByRole('dialog').count()).toBe(0);
    const rows = await journey()
      .server.ctx.db.select()
      .from(exposures)
      .where(eq(exposures.offerId, offerId));
    expect(Object.fromEntries(rows.map((r) => [r.unit, r.arm]))).toEqual({
      [visitors.treatment]: 'treatment',
      [visitors.holdout]: 'holdout',
    });
    await page.context().close();
  });

  test('the signed order carries the discount and the visitor; the report counts its cost', async () => {
    const j = journey();
    const [order] = await j.server.ctx.db
      .select()
      .from(orders)
      .where(sql`${orders.attributes} like ${`%${visitors.treatment}%`}`);
    expect(order?.totalDiscounts).toBeGreaterThan(0);
    expect(order?.attributes._closer_vid).toBe(visitors.treatment);
    const [used] = await j.server.ctx.db
      .select()
      .from(couponCodes)
      .where(eq(couponCodes.code, code));
    expect(used?.state).toBe('redeemed');
    await openReport(j, offerId);
    const treatment = await reportRow(j, 'treatment');
    expect(treatment.Orders).toBe('1');
    expect(treatment.Discounts).toBe(`$${((order?.totalDiscounts ?? 0) / 100).toFixed(2)}`);
    // The report says what the sign means for a coupon: net of what it gave away.
    const definitions = await j.page.getByTestId('report-definitions').textContent();
    expect(definitions).toContain('kept visitors who would have left');
    expect(definitions).toContain('Only visitors whose exit intent fired count');
  });
});
