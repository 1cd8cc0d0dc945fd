import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { attributedLines, orders } from '../../drizzle/schema.js';
import { ensureExtensionBuilt } from '../../scripts/build-extension.js';
import type { RunningServer } from '../../server/boot.js';
import { launchChromium } from '../helpers/browser.js';
import { startDemoServer } from '../helpers/demo-server.js';

/**
 * The whole first-widget path as a merchant and a shopper do it, in Debian's Chromium against
 * the real demo server: create a cross-sell in the admin UI → the checkout sandbox (running the
 * shipped extension bundle over the published metafield) shows it to a treatment checkout and
 * not to a holdout one → the shopper adds it and pays → the admin results show both orders in
 * their arms, with the offer's line attributed to the treatment only.
 */
const BLOCK = 'iframe[data-target="purchase.checkout.block.render"]';
const SPRAY_VARIANT_ID = '20091';

let demo: Awaited<ReturnType<typeof startDemoServer>>;
let server: RunningServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  if (!existsSync('dist/admin-ui/index.html'))
    await build({ configFile: 'admin-ui/vite.config.ts', logLevel: 'warn' });
  await ensureExtensionBuilt();
  demo = await startDemoServer('closer-e2e-');
  server = demo.server;
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await demo?.close();
});

async function checkout(arm: 'Treatment' | 'Holdout') {
  await page.goto(`${server.url}/sandbox`);
  await page.getByRole('button', { name: `${arm} token` }).click();
  await expect
    .poll(() => page.locator('[data-testid=decision]').first().getAttribute('data-arm'))
    .toBe(arm.toLowerCase());
  return (await page.locator('[data-testid=token]').inputValue()).trim();
}

async function payNow(token: string) {
  await page.locator('[data-testid=pay-now]').click();
  await expect.poll(() => page.locator('[data-testid=order-name]').count()).toBe(1);
  await expect
    .poll(
      async () =>
        (await server.ctx.db.select().from(orders).where(eq(orders.checkoutToken, token))).length,
    )
    .toBe(1);
}

describe('first widget, end to end in a real browser', () => {
  let offerId = '';
  let treatmentToken = '';
  let holdoutToken = '';

  test('the merchant creates and activates a cross-sell in the admin UI', async () => {
    await page.goto(`${server.url}/app?shop=${server.ctx.demo?.shop}`);
    await page.getByTestId('create-offer').click();
    await page.getByTestId('offer-name-input').fill('Rain spray cross-sell');
    await page.getByTestId('offer-heading-input').fill('Rain is coming');
    await page.getByTestId('offer-body-input').fill('Protect your shoes for the season.');
    await page.getByTestId('offer-button-label-input').fill('Add spray');
    await page.getByTestId('offer-holdout-input').fill('50');
    await page.getByTestId('product-search').fill('spray');
    await page
      .locator(`[data-testid=product-result][data-variant-id$="/${SPRAY_VARIANT_ID}"]`)
      .getByTestId('product-add')
      .click();
    await expect.poll(() => page.getByTestId('selected-product').count()).toBe(1);
    await page.getByTestId('offer-save').click();
    await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/app\/offers\/off_/);
    offerId = new URL(page.url()).pathname.split('/')[3] ?? '';
    await page.getByTestId('offer-activate').click();
    await expect.poll(() => page.getByText('Active', { exact: true }).count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(tmpdir(), 'closer-e2e-admin.png'), fullPage: true });
  });

  test('a treatment checkout shows the offer; the shopper adds it and pays', async () => {
    treatmentToken = await checkout('Treatment');
    const block = page.frameLocator(BLOCK);
    await expect.poll(() => block.locator('s-heading').textContent()).toBe('Rain is coming');
    await block.locator('s-button').click();
    await expect
      .poll(() =>
        page.locator(`[data-testid=summary-line][data-variant$="${SPRAY_VARIANT_ID}"]`).count(),
      )
      .toBe(1);
    await page.screenshot({ path: join(tmpdir(), 'closer-e2e-checkout.png'), fullPage: true });
    await payNow(treatmentToken);
    const lines = await server.ctx.db
      .select()
      .from(attributedLines)
      .where(eq(attributedLines.offerId, offerId));
    expect(lines.map((l) => l.arm)).toEqual(['treatment']);
  });

  test('a holdout checkout shows nothing; that shopper pays too', async () => {
    holdoutToken = await checkout('Holdout');
    await expect
      .poll(() => page.locator('[data-testid=events] li[data-type=exposure]').count())
      .toBeGreaterThanOrEqual(1);
    expect(await page.locator(BLOCK).evaluate((el) => el.getBoundingClientRect().height)).toBe(0);
    await payNow(holdoutToken);
  });

  test('the admin results show each order in its arm with the offer line attributed', async () => {
    await page.goto(`${server.url}/app/offers/${offerId}/results?shop=${server.ctx.demo?.shop}`);
    const row = (arm: string) => page.locator(`[data-testid=report-arm-row][data-key=${arm}]`);
    await expect.poll(() => row('treatment').count()).toBe(1);
    const treatment = (await row('treatment').locator('td').allTextContents()).map((s) => s.trim());
    const holdout = (await row('holdout').locator('td').allTextContents()).map((s) => s.trim());
    // Cells after the arm's header cell: units, orders, conversion, revenue, RPU, AOV, attach rate,
    // attributed revenue, discounts, refunds.
    expect(treatment.slice(0, 2)).toEqual(['1', '1']);
    expect(treatment[7]).toBe('$12.00');
    // The add event was queued moments before the shopper paid; it must still have arrived.
    expect(treatment[6]).toBe('100%');
    expect(holdout.slice(0, 2)).toEqual(['1', '1']);
    expect(holdout[7]).toContain('—');
    // Two orders are far from enough: the verdict must say so rather than claim a lift.
    await expect
      .poll(() => page.getByTestId('report-verdict').textContent())
      .toMatch(/not enough data/i);
    await page.screenshot({ path: join(tmpdir(), 'closer-e2e-results.png'), fullPage: true });
  });
});
