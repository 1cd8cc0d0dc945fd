import { and, eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { decideOffers, type PublishedConfig } from '../../core/decide/index.js';
import { events, exposures, orders } from '../../drizzle/schema.js';
import { ensureExtensionBuilt } from '../../scripts/build-extension.js';
import { buildPublishedConfig } from '../../server/domain/publish-config.js';
import { launchChromium } from '../helpers/browser.js';
import { hesitationCouponInput } from '../helpers/offers.js';
import { publishOffer, SHOES_42, SOCKS_M } from './offer-fixture.js';
import { startSandboxServer } from './sandbox-server.js';

/**
 * The hesitation coupon in the checkout sandbox, over the shipped bundle: the sandbox's clock is
 * advanced from the debug panel (the extension reads time through `shopify.clock`), so the
 * 45-second delay is checked without waiting for it.
 */
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 5_000 });

const BLOCK = 'iframe[data-target="purchase.checkout.block.render"]';
const DELAY_SECONDS = 45;

let server: Awaited<ReturnType<typeof startSandboxServer>>;
let browser: Browser;
let config: PublishedConfig;
let offerId = '';
let code = '';

/** A checkout token decide puts in the wanted arm, for the sandbox's default cart. */
function tokenFor(holdout: boolean, prefix: string): string {
  const context = {
    cartLines: [SHOES_42, SOCKS_M].map((variantId) => ({ variantId, productId: '', quantity: 1 })),
    subtotal: 0,
    currency: 'USD',
    loggedIn: false,
    customerTags: [],
    now: Date.now(),
  };
  for (let i = 0; i < 10_000; i++) {
    const unit = `sbx-hesitation-${prefix}-${i}`;
    const decision = decideOffers(config, context, unit).find((d) => d.offerId === offerId);
    if (decision?.inExperiment && decision.holdout === holdout) return unit;
  }
  throw new Error('no token in that arm');
}

/** Opens a checkout and waits until the extension started counting (its timer is pending). */
async function openCheckout(token: string, query = ''): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  await page.goto(`${server.url}/sandbox?token=${token}${query}`);
  await poll(() => page.getByTestId('clock-timers').textContent()).toBe('1');
  return page;
}

async function advance(page: Page, seconds: number) {
  await page.getByTestId('clock-advance-seconds').fill(String(seconds));
  await page.getByTestId('clock-advance').click();
}

function observed(page: Page, type: string) {
  return page.locator(`[data-testid=events] li[data-type=${type}]`);
}

async function exposureRow(token: string) {
  const [row] = await server.ctx.db
    .select()
    .from(exposures)
    .where(and(eq(exposures.unit, token), eq(exposures.offerId, offerId)));
  return row ?? null;
}

async function exposureOf(token: string) {
  return (await exposureRow(token))?.arm ?? null;
}

async function eventTypes(token: string) {
  const rows = await server.ctx.db
    .select()
    .from(events)
    .where(and(eq(events.unit, token), eq(events.offerId, offerId)));
  return rows.map((r) => r.type).sort();
}

async function pay(page: Page, token: string) {
  await page.locator('[data-testid=pay-now]').click();
  await poll(() => page.locator('[data-testid=order-name]').count()).toBe(1);
  await poll(
    async () =>
      (await server.ctx.db.select().from(orders).where(eq(orders.checkoutToken, token))).length,
  ).toBe(1);
  const [order] = await server.ctx.db.select().from(orders).where(eq(orders.checkoutToken, token));
  return order!;
}

const blockHeight = (page: Page) =>
  page.locator(BLOCK).evaluate((el) => el.getBoundingClientRect().height);

beforeAll(async () => {
  await ensureExtensionBuilt();
  server = await startSandboxServer();
  const demo = server.ctx.demo!;
  const api = { request: (path: string, init: RequestInit) => fetch(`${server.url}${path}`, init) };
  const published = await publishOffer(
    api,
    demo,
    demo.shop,
    hesitationCouponInput({ holdout: 0.5, delaySeconds: DELAY_SECONDS }),
  );
  offerId = published.id;
  code = published.discountCode ?? '';
  config = await buildPublishedConfig(server.ctx, demo.shop);
  server.setPublishedConfig(JSON.stringify(config));
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('hesitation coupon in the sandbox', () => {
  test('treatment: nothing before the delay; once it passes the coupon shows, one tap applies the code, the order carries it', async () => {
    const token = tokenFor(false, 'treatment');
    const page = await openCheckout(token);
    const block = page.frameLocator(BLOCK);
    expect(await page.getByTestId('decision-trigger').textContent()).toContain(
      `after ${DELAY_SECONDS} s`,
    );

    // One second short of the delay: no coupon, no exposure — the buyer has not hesitated yet.
    await advance(page, DELAY_SECONDS - 1);
    await poll(() => page.getByTestId('clock-offset').textContent()).toBe(
      String(DELAY_SECONDS - 1),
    );
    expect(await page.getByTestId('clock-timers').textContent()).toBe('1');
    expect(await block.locator('s-heading, s-button').count()).toBe(0);
    expect(await blockHeight(page)).toBe(0);
    expect(await observed(page, 'exposure').count()).toBe(0);

    const due = Date.now();
    await advance(page, 1);
    await poll(() => block.locator('s-heading').textContent()).toBe('Still deciding? Take 10% off');
    expect(await block.locator('s-text[type=strong]').textContent()).toBe('10% off your order');
    await poll(() => observed(page, 'exposure').getAttribute('data-status')).toBe('202');
    // Exposed when the delay ran out, not at render (an event carries the extension's clock time).
    const exposure = await exposureRow(token);
    expect(exposure?.arm).toBe('treatment');
    expect(exposure?.firstExposedAt).toBeGreaterThanOrEqual(due);

    const button = block.locator('s-button');
    expect(await button.textContent()).toBe('Apply code');
    expect(await button.getAttribute('accessibilitylabel')).toBe(`Apply discount code ${code}`);
    await button.click();
    await poll(() => page.getByTestId('discount-code').textContent()).toBe(code);
    await poll(() => block.locator('s-banner[tone=success]').textContent()).toBe(
      `Code ${code} is applied to your order.`,
    );
    expect(await block.locator('s-button').count()).toBe(0);
    // The default cart: shoes $129 and two pairs of socks at $14; 10% off the whole order.
    expect(await page.getByTestId('discount-total').textContent()).toBe('$15.70');
    expect(await page.getByTestId('subtotal').textContent()).toBe('$141.30');
    await poll(() => observed(page, 'coupon_apply').getAttribute('data-status')).toBe('202');

    const order = await pay(page, token);
    expect(order.totalDiscounts).toBe(1570);
    expect(order.subtotal).toBe(14130);
    expect(await eventTypes(token)).toEqual(['click', 'coupon_apply', 'exposure', 'impression']);
    await page.close();
  });

  test('holdout: when the delay passes the exposure is logged and nothing shows', async () => {
    const token = tokenFor(true, 'holdout');
    const page = await openCheckout(token);
    await advance(page, DELAY_SECONDS);
    await poll(() => observed(page, 'exposure').getAttribute('data-status')).toBe('202');
    await poll(() => exposureOf(token)).toBe('holdout');
    expect(await page.getByTestId('clock-timers').textContent()).toBe('0');
    expect(await blockHeight(page)).toBe(0);
    expect(await page.frameLocator(BLOCK).locator('s-heading, s-button').count()).toBe(0);
    const order = await pay(page, token);
    expect(order.totalDiscounts).toBe(0);
    expect(await eventTypes(token)).toEqual(['exposure']);
    await page.close();
  });

  test('a buyer who pays before the delay is exposed in neither arm', async () => {
    for (const holdout of [false, true]) {
      const token = tokenFor(holdout, `early-${holdout}`);
      const page = await openCheckout(token);
      await advance(page, 10);
      await pay(page, token);
      expect(await exposureOf(token)).toBeNull();
      expect(await eventTypes(token)).toEqual([]);
      await page.close();
    }
  });

  test('a buyer who arrived with a code of their own is left alone, in both arms, while it is on', async () => {
    for (const holdout of [false, true]) {
      const token = tokenFor(holdout, `coded-${holdout}`);
      const page = await openCheckout(token, '&code=SPRING10');
      const block = page.frameLocator(BLOCK);
      expect(await page.getByTestId('discount-code').textContent()).toBe('SPRING10');
      await advance(page, DELAY_SECONDS * 2);
      // The delay ran out, but the code holds the trigger back: nothing shows.
      await poll(() => page.getByTestId('clock-timers').textContent()).toBe('0');
      expect(await block.locator('s-heading').count()).toBe(0);
      // Our own coupon would not combine with it either.
      await page.getByTestId('apply-code-input').fill(code);
      await page.getByTestId('apply-code').click();
      await poll(() => page.getByTestId('apply-code-error').count()).toBe(1);

      // The buyer takes their code off: the trigger, already due, fires then — so nothing was
      // logged while the code was on.
      const removed = Date.now();
      await page.evaluate(() =>
        (
          window as unknown as {
            closerSandbox: { applyDiscountCodeChange(c: object): Promise<unknown> };
          }
        ).closerSandbox.applyDiscountCodeChange({
          type: 'removeDiscountCode',
          code: 'SPRING10',
        }),
      );
      await poll(() => exposureOf(token)).toBe(holdout ? 'holdout' : 'treatment');
      expect((await exposureRow(token))?.firstExposedAt).toBeGreaterThanOrEqual(removed);
      expect(await block.locator('s-heading').count()).toBe(holdout ? 0 : 1);
      await page.close();
    }
  });

  test("the shop's own order code reaches the signed order; the untouched coupon logs nothing", async () => {
    const token = tokenFor(true, 'shop-code');
    const page = await openCheckout(token, '&code=SPRING10');
    const order = await pay(page, token);
    // The default cart ($157.00), 10% off with the shop's own code.
    expect(order.totalDiscounts).toBe(1570);
    expect(await exposureOf(token)).toBeNull();
    await page.close();
  });
});
