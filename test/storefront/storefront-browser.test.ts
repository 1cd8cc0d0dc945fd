import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ensureStorefrontBuilt } from '../../scripts/build-storefront.js';
import { DEMO_EXIT_OFFER } from '../../server/demo/storefront/demo-offers.js';
import { launchChromium } from '../helpers/browser.js';
import { startDemoServer } from '../helpers/demo-server.js';
import { visitorIn } from './fixtures.js';

/** Polls for what the page shows next; generous, since this 2-core machine is shared. */
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 5_000 });

const PRODUCT_PAGE = '/dev/storefront/products/1008';
const COUPON_PATH = '/dev/storefront/apps/closer/coupon';
const HEADING = DEMO_EXIT_OFFER.variants.treatment!.heading;

let demo: Awaited<ReturnType<typeof startDemoServer>>;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  await ensureStorefrontBuilt();
  demo = await startDemoServer('closer-storefront-');
  browser = await launchChromium();
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await demo?.close();
});

/**
 * Opens the product page as one visitor (their `_closer_vid` already stored), with the page's
 * clock under the test's control: time moves only when the test advances it.
 */
async function visit(visitor: string, options: { reducedMotion?: 'reduce' } = {}) {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    reducedMotion: options.reducedMotion ?? 'no-preference',
  });
  contexts.push(context);
  const page = await context.newPage();
  const requests: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol.startsWith('http')) requests.push(url.pathname + url.search);
  });
  await page.clock.install();
  await page.addInitScript((id) => localStorage.setItem('_closer_vid', id), visitor);
  await page.goto(`${demo.server.url}${PRODUCT_PAGE}`);
  return { page, requests };
}

/** The pointer heads for the browser's tab bar: fast upwards, out through the top edge. */
async function exitThroughTop(page: Page) {
  await page.mouse.move(640, 420);
  await page.clock.runFor(16);
  await page.mouse.move(640, 160);
  await page.clock.runFor(16);
  await page.mouse.move(640, -10);
}

const couponRequests = (requests: string[]) => requests.filter((r) => r.startsWith(COUPON_PATH));
const dialog = (page: Page) => page.getByRole('dialog');
const focusIsInDialog = (page: Page) =>
  page.evaluate(() => {
    const element = document.querySelector('[role="dialog"]');
    return element?.contains(document.activeElement) ?? false;
  });

describe('the exit-intent script on the demo storefront', () => {
  test('a treatment visitor: no request before intent, then the modal with the code', async () => {
    const visitor = visitorIn(DEMO_EXIT_OFFER.experiment, 'treatment', 'browser-treatment');
    const { page, requests } = await visit(visitor);

    // Loaded: the page and the one script, nothing else.
    expect(requests).toEqual([PRODUCT_PAGE, '/dev/storefront/assets/closer-exit.js']);

    // A textbook exit before the minimum time on the page (3 s) is ignored.
    await page.clock.runFor(1_000);
    await exitThroughTop(page);
    // Reading the page: pointer moves, a scroll, a focused link. Still nothing is requested.
    await page.clock.runFor(3_000);
    for (const [x, y] of [
      [200, 300],
      [900, 500],
      [640, 700],
    ] as const) {
      await page.mouse.move(x, y);
      await page.clock.runFor(200);
    }
    await page.mouse.wheel(0, 300);
    await page.focus('a.button');
    await page.clock.runFor(500);
    expect(requests).toHaveLength(2);
    expect(await dialog(page).count()).toBe(0);

    // Intent: the one App Proxy call goes out, then the modal shows.
    const answered = page.waitForResponse((r) => r.url().includes(COUPON_PATH));
    await exitThroughTop(page);
    expect((await answered).status()).toBe(200);
    await expect.poll(() => dialog(page).count()).toBe(1);
    expect(couponRequests(requests)).toEqual([
      `${COUPON_PATH}?offer=${DEMO_EXIT_OFFER.id}&vid=${visitor}`,
    ]);

    const modal = page.getByRole('dialog', { name: HEADING });
    expect(await modal.getAttribute('aria-modal')).toBe('true');
    expect(await modal.textContent()).toContain(DEMO_EXIT_OFFER.sharedCode);
    expect(await focusIsInDialog(page)).toBe(true);
    const apply = modal.getByRole('link', { name: 'Apply and check out' });
    const href = new URL((await apply.getAttribute('href'))!, demo.server.url);
    expect(href.pathname).toMatch(new RegExp(`/discount/${DEMO_EXIT_OFFER.sharedCode}$`));
    expect(href.searchParams.get('redirect')).toBe('/checkout');
    expect(await modal.getByRole('button', { name: 'Copy code' }).count()).toBe(1);

    // Tab and Shift+Tab stay inside the dialog.
    for (let i = 0; i < 5; i++) {
      await page.keyboard.press('Tab');
      expect(await focusIsInDialog(page)).toBe(true);
    }
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    expect(await focusIsInDialog(page)).toBe(true);

    // Esc closes it and focus returns to the link that had it.
    await page.keyboard.press('Escape');
    await poll(() => dialog(page).count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('button');

    // Within the frequency cap, a new page view shows nothing and requests nothing.
    await page.reload();
    await page.clock.runFor(5_000);
    await exitThroughTop(page);
    await page.clock.runFor(500);
    expect(couponRequests(requests)).toHaveLength(1);
    expect(await dialog(page).count()).toBe(0);
  });

  test('a holdout visitor: the same intent is logged with the one call, and nothing shows', async () => {
    const visitor = visitorIn(DEMO_EXIT_OFFER.experiment, 'holdout', 'browser-holdout');
    const { page, requests } = await visit(visitor);
    await page.clock.runFor(5_000);
    await page.mouse.move(400, 400);
    expect(couponRequests(requests)).toEqual([]);

    const answered = page.waitForResponse((r) => r.url().includes(COUPON_PATH));
    await exitThroughTop(page);
    expect((await answered).status()).toBe(404);
    // Let the script finish with the answer before looking.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
    await page.clock.runFor(1_000);
    expect(await dialog(page).count()).toBe(0);
    expect(await page.locator('.closer-backdrop').count()).toBe(0);
    expect(couponRequests(requests)).toHaveLength(1);
  });

  test('the backdrop and the close button close it; reduced motion turns the animation off', async () => {
    const first = visitorIn(DEMO_EXIT_OFFER.experiment, 'treatment', 'browser-backdrop');
    const animated = await visit(first);
    await animated.page.clock.runFor(5_000);
    await exitThroughTop(animated.page);
    await poll(() => dialog(animated.page).count()).toBe(1);
    expect(await dialog(animated.page).evaluate((el) => getComputedStyle(el).animationName)).toBe(
      'closer-in',
    );
    await animated.page.mouse.click(20, 400);
    await poll(() => dialog(animated.page).count()).toBe(0);

    const second = visitorIn(DEMO_EXIT_OFFER.experiment, 'treatment', 'browser-still');
    const still = await visit(second, { reducedMotion: 'reduce' });
    await still.page.clock.runFor(5_000);
    await exitThroughTop(still.page);
    await poll(() => dialog(still.page).count()).toBe(1);
    expect(await dialog(still.page).evaluate((el) => getComputedStyle(el).animationName)).toBe(
      'none',
    );
    await still.page.getByRole('button', { name: 'Close' }).click();
    await poll(() => dialog(still.page).count()).toBe(0);
  });
});
