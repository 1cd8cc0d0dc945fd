import { existsSync } from 'node:fs';
import { and, eq } from 'drizzle-orm';
import type { Browser, Locator, Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, expect } from 'vitest';
import type { OfferKind } from '../../core/offers/catalog.js';
import { attributedLines, events, orders, shopPublications } from '../../drizzle/schema.js';
import { ensureExtensionBuilt } from '../../scripts/build-extension.js';
import type { RunningServer } from '../../server/boot.js';
import { launchChromium } from '../helpers/browser.js';
import { startDemoServer } from '../helpers/demo-server.js';

/**
 * What every offer journey does the same way: one real demo server and one Debian Chromium per
 * file, the merchant's steps in the admin UI, the shopper's in the checkout sandbox, and the
 * report read back as the merchant reads it. Each journey file states only its kind's own steps
 * and what it expects.
 */
export const BLOCK = 'iframe[data-target="purchase.checkout.block.render"]';
const EXTENSION_BUNDLE = '**/sandbox/extension/*.js';
export const DESKTOP = { width: 1280, height: 1000 };
export const PHONE = { width: 390, height: 844 };
/** How long a poll waits for the app to catch up (vitest waits 1 s by default). */
export const WAIT = { timeout: 10_000 };

export const variantGid = (id: string) => `gid://shopify/ProductVariant/${id}`;

export interface Journey {
  server: RunningServer;
  browser: Browser;
  page: Page;
  shop: string;
}

/** Starts the server and browser for this file's tests; the returned getter is valid inside them. */
export function useJourney(prefix: string): () => Journey {
  let journey: Journey | null = null;
  let close: (() => Promise<void>) | null = null;
  beforeAll(async () => {
    // `npm test` builds first; a lone `npx vitest run test/e2e/…` on a fresh clone builds here.
    if (!existsSync('dist/admin-ui/index.html'))
      await build({ configFile: 'admin-ui/vite.config.ts', logLevel: 'warn' });
    await ensureExtensionBuilt();
    const demo = await startDemoServer(prefix);
    const browser = await launchChromium();
    close = async () => {
      await browser.close();
      await demo.close();
    };
    const page = await browser.newPage({ viewport: DESKTOP });
    const shop = demo.server.ctx.demo?.shop;
    if (!shop) throw new Error('the demo server has no demo shop');
    journey = { server: demo.server, browser, page, shop };
  }, 180_000);
  afterAll(async () => {
    await close?.();
  });
  return () => {
    if (!journey) throw new Error('the journey has not started');
    return journey;
  };
}

// ---------------------------------------------------------------------------------------------
// Admin

/** Opens an admin page; without a path, the offers list (`/app` itself is Home). */
export async function openAdmin(j: Journey, path = '/offers') {
  await j.page.goto(`${j.server.url}/app${path}?shop=${j.shop}`);
}

/**
 * Offers list → Create offer → the kind's card; lands on that kind's empty editor. Both pages on
 * the way must fit the current viewport.
 */
export async function startOffer(j: Journey, kind: OfferKind) {
  await openAdmin(j);
  await expect.poll(() => j.page.getByTestId('create-offer').count(), WAIT).toBeGreaterThan(0);
  await expectNoHorizontalOverflow(j.page, 'offers list');
  await j.page.getByTestId('create-offer').first().click();
  await expect.poll(() => j.page.getByTestId('kind-choice').count(), WAIT).toBeGreaterThan(0);
  await expectNoHorizontalOverflow(j.page, 'kind picker');
  await j.page.getByTestId(`kind-choice-${kind}`).click();
  await expect
    .poll(() => j.page.locator('form[aria-label=Offer]').getAttribute('data-kind'), WAIT)
    .toBe(kind);
}

/** Searches in one product picker (scoped by `within`) and adds the variant with that GID. */
export async function pickProduct(within: Locator, query: string, variantId: string) {
  await within.getByTestId('product-search').fill(query);
  const result = within.locator(`[data-testid=product-result][data-variant-id="${variantId}"]`);
  await result.getByTestId('product-add').click();
  await expect
    .poll(
      () =>
        within.locator(`[data-testid=selected-product][data-variant-id="${variantId}"]`).count(),
      WAIT,
    )
    .toBe(1);
}

/** Fills the first content variant's copy (heading, body and, where the kind has one, button). */
export async function fillCopy(
  j: Journey,
  copy: { heading: string; body: string; buttonLabel?: string },
) {
  const variant = j.page.getByTestId('offer-variant').first();
  await variant.getByTestId('offer-heading-input').fill(copy.heading);
  await variant.getByTestId('offer-body-input').fill(copy.body);
  if (copy.buttonLabel !== undefined)
    await variant.getByTestId('offer-button-label-input').fill(copy.buttonLabel);
}

export async function setDiscount(j: Journey, type: 'percentage' | 'fixed', value: string) {
  const card = j.page.getByTestId('offer-discount');
  await card.getByTestId('offer-discount-type').selectOption(type);
  await card.getByTestId('offer-discount-value').fill(value);
}

/** Saves a new offer; returns its id once the editor moved to the offer's own URL. */
export async function saveNewOffer(j: Journey): Promise<string> {
  await j.page.getByTestId('offer-save').click();
  await expect.poll(() => new URL(j.page.url()).pathname, WAIT).toMatch(/^\/app\/offers\/off_/);
  await expectNoFormError(j);
  return new URL(j.page.url()).pathname.split('/')[3] ?? '';
}

export async function activate(j: Journey) {
  await j.page.getByTestId('offer-activate').click();
  await expect.poll(() => j.page.locator('.Page-title').textContent(), WAIT).toContain('Active');
  await expectNoFormError(j);
}

/**
 * Saves an edit of an existing offer: the Save button turns off again once the server took it
 * (nothing left unsaved), and no error banner shows.
 */
export async function saveEdit(j: Journey) {
  const save = j.page.getByTestId('offer-save');
  await expect.poll(() => save.isEnabled(), WAIT).toBe(true);
  await save.click();
  await expect.poll(() => save.isDisabled(), WAIT).toBe(true);
  await expectNoFormError(j);
}

export async function expectNoFormError(j: Journey) {
  expect(
    await j.page.getByTestId('offer-form-error').count(),
    (await j.page.getByTestId('offer-form-error').allTextContents()).join(' | '),
  ).toBe(0);
}

/** Waits until the publisher delivered the shop's latest config (what checkout reads). */
export async function waitForPublished(j: Journey) {
  await expect
    .poll(async () => {
      const [row] = await j.server.ctx.db
        .select()
        .from(shopPublications)
        .where(eq(shopPublications.shop, j.shop));
      return row ? row.delivered >= row.requested : false;
    }, WAIT)
    .toBe(true);
}

/** The merchant sees the offer live: the editor's subtitle says so after a reload. */
export async function expectLive(j: Journey, offerId: string) {
  await waitForPublished(j);
  await openAdmin(j, `/offers/${offerId}`);
  await expect.poll(() => j.page.locator('.Page-subtitle').textContent(), WAIT).toContain('Live');
}

/** The offers list shows the offer with its kind. */
export async function expectListed(j: Journey, offerId: string, kind: OfferKind) {
  await openAdmin(j);
  const row = j.page.locator(`[data-testid=offer-row][data-key="${offerId}"]`);
  await expect.poll(() => row.count(), WAIT).toBe(1);
  expect(await row.getByTestId('offer-kind').getAttribute('data-key')).toBe(kind);
  expect(await row.getByTestId('offer-status').textContent()).toContain('Active');
}

// ---------------------------------------------------------------------------------------------
// Checkout sandbox

/**
 * A fresh sandbox checkout whose token decide puts in the wanted arm, starting from `cart`
 * (`variant:quantity` pairs; the sandbox default cart when omitted). Returns the token.
 */
export async function openCheckout(
  j: Journey,
  arm: 'Treatment' | 'Holdout',
  cart?: string,
): Promise<string> {
  const query = cart ? `?cart=${encodeURIComponent(cart)}` : '';
  // The page that picks the token is a checkout too, with a random token: without the extension
  // bundle it logs no exposure, so the report counts exactly the checkouts a journey pays for.
  await j.page.route(EXTENSION_BUNDLE, (route) => route.abort());
  await j.page.goto(`${j.server.url}/sandbox${query}`);
  await expect.poll(() => j.page.locator('[data-testid=decision]').count(), WAIT).toBe(1);
  await j.page.unroute(EXTENSION_BUNDLE);
  await j.page.getByRole('button', { name: `${arm} token`, exact: true }).click();
  await expect
    .poll(() => j.page.locator('[data-testid=decision]').first().getAttribute('data-arm'), WAIT)
    .toBe(arm === 'Treatment' ? 'treatment' : 'holdout');
  // The extension logged the exposure and the server took it (either arm), before anything else.
  await expect
    .poll(
      () =>
        j.page.locator('[data-testid=events] li[data-type=exposure][data-status="202"]').count(),
      WAIT,
    )
    .toBe(1);
  return (await j.page.locator('[data-testid=token]').inputValue()).trim();
}

/** The checkout block's frame, where the extension draws. */
export function block(j: Journey) {
  return j.page.frameLocator(BLOCK);
}

/** A holdout sees nothing (its exposure was logged in openCheckout): the block takes no space. */
export async function expectHoldoutSeesNothing(j: Journey) {
  expect(await j.page.locator(BLOCK).evaluate((el) => el.getBoundingClientRect().height)).toBe(0);
  expect(await block(j).locator('s-heading, s-button, s-link').count()).toBe(0);
}

export function summaryLine(j: Journey, variantId: string) {
  return j.page.locator(`[data-testid=summary-line][data-variant="${variantId}"]`);
}

/** Pays; returns once the order was stored through the signed orders/create webhook. */
export async function payNow(j: Journey, token: string) {
  await j.page.locator('[data-testid=pay-now]').click();
  await expect.poll(() => j.page.locator('[data-testid=order-name]').count(), WAIT).toBe(1);
  await expect
    .poll(
      async () =>
        (await j.server.ctx.db.select().from(orders).where(eq(orders.checkoutToken, token))).length,
      WAIT,
    )
    .toBe(1);
  const [order] = await j.server.ctx.db
    .select()
    .from(orders)
    .where(eq(orders.checkoutToken, token));
  if (!order) throw new Error('no order');
  return order;
}

export async function attributedTo(j: Journey, offerId: string) {
  return j.server.ctx.db.select().from(attributedLines).where(eq(attributedLines.offerId, offerId));
}

export async function eventTypes(j: Journey, offerId: string, unit: string) {
  const rows = await j.server.ctx.db
    .select()
    .from(events)
    .where(and(eq(events.offerId, offerId), eq(events.unit, unit)));
  return rows.map((r) => r.type).sort();
}

// ---------------------------------------------------------------------------------------------
// Report

/** The report's per-arm table as the merchant reads it: column header → cell text. */
export async function reportRow(j: Journey, arm: string): Promise<Record<string, string>> {
  const table = j.page.getByTestId('report-arms-table');
  const row = table.locator(`[data-testid=report-arm-row][data-key="${arm}"]`);
  await expect.poll(() => row.count(), WAIT).toBe(1);
  // Headers by their first words ("Revenue (after discounts…)" → "Revenue"): the explanations
  // in parentheses are the report's wording to refine, not what a row is.
  const headers = (await table.locator('thead th').allTextContents()).map((s) =>
    s.replace(/\(.*\)/, '').trim(),
  );
  const cells = (await row.locator('th, td').allTextContents()).map((s) => s.trim());
  return Object.fromEntries(headers.map((h, i) => [h, cells[i] ?? '']));
}

/** Offers list → the offer's Results link, as the merchant gets there. */
export async function openReport(j: Journey, offerId: string) {
  await openAdmin(j);
  const row = j.page.locator(`[data-testid=offer-row][data-key="${offerId}"]`);
  await row.getByTestId('offer-results-link').click();
  await expect
    .poll(() => new URL(j.page.url()).pathname, WAIT)
    .toBe(`/app/offers/${offerId}/results`);
  await expect.poll(() => j.page.getByTestId('report-arms-table').count(), WAIT).toBe(1);
}

// ---------------------------------------------------------------------------------------------
// Layout

/** The page fits its viewport: nothing wider than the window (no sideways scrolling). */
export async function expectNoHorizontalOverflow(page: Page, what: string) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  // Soft: a layout fault is reported with the rest of the journey still run and checked.
  expect
    .soft(scrollWidth, `${what} at ${innerWidth}px is ${scrollWidth}px wide`)
    .toBeLessThanOrEqual(innerWidth);
}

/** Checks the current page at desktop and phone width, then returns to desktop. */
export async function expectFitsBothWidths(page: Page, what: string) {
  await page.setViewportSize(DESKTOP);
  await expectNoHorizontalOverflow(page, what);
  await page.setViewportSize(PHONE);
  await expectNoHorizontalOverflow(page, what);
  await page.setViewportSize(DESKTOP);
}
