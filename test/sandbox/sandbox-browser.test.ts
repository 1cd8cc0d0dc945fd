import { and, eq } from 'drizzle-orm';
import type { Browser, FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { decideOffers, type PublishedConfig } from '../../core/decide/index.js';
import { events, exposures, orders } from '../../drizzle/schema.js';
import { ensureExtensionBuilt } from '../../scripts/build-extension.js';
import { buildPublishedConfig } from '../../server/domain/publish-config.js';
import { launchChromium } from '../helpers/browser.js';
import {
  CARE_KIT,
  COFFEE_2_PACK,
  COFFEE_BAG,
  CTA,
  MULTI_CROSS_SELL,
  publishOffer,
  SHOES_42,
  SOCKS_M,
  UPSELL,
} from './offer-fixture.js';
import { startSandboxServer } from './sandbox-server.js';

/** Polls for what the page shows next; generous, since this 2-core machine is shared. */
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 10_000 });

const BLOCK = 'iframe[data-target="purchase.checkout.block.render"]';
const AFTER_LINES = 'iframe[data-target="purchase.checkout.cart-line-list.render-after"]';
const DEFAULT_CART = [SHOES_42, SOCKS_M];
const COFFEE_CART = '20201:2,20071:1';

let server: Awaited<ReturnType<typeof startSandboxServer>>;
let browser: Browser;
let config: PublishedConfig;
const offers = { cross: '', upsell: '', cta: '' };

/** A checkout token decide puts in the wanted arm of one offer, for a cart of these variants. */
type ArmWanted = { offerId: string; holdout: boolean; cart?: string[] };

function isInArm(unit: string, { offerId, holdout, cart = DEFAULT_CART }: ArmWanted): boolean {
  const context = {
    cartLines: cart.map((variantId) => ({ variantId, productId: '', quantity: 1 })),
    subtotal: 0,
    currency: 'USD',
    loggedIn: false,
    customerTags: [],
    now: Date.now(),
  };
  const decision = decideOffers(config, context, unit).find((d) => d.offerId === offerId);
  return decision?.inExperiment === true && decision.holdout === holdout;
}

/** A checkout token in the wanted arm of every listed offer (experiment seeds differ per run). */
function tokenInArms(...wanted: ArmWanted[]): string {
  for (let i = 0; i < 10_000; i++) {
    const unit = `sbx-browser-${wanted.map((w) => w.offerId).join('-')}-${i}`;
    if (wanted.every((w) => isInArm(unit, w))) return unit;
  }
  throw new Error('no token in those arms');
}

function tokenFor(offerId: string, holdout: boolean, cart: string[] = DEFAULT_CART): string {
  return tokenInArms({ offerId, holdout, cart });
}

async function openCheckout(token: string, query = ''): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  await page.goto(`${server.url}/sandbox?token=${token}${query}`);
  return page;
}

const line = (page: Page, variantId: string) =>
  page.locator(`[data-testid=summary-line][data-variant="${variantId}"]`);

async function storedOrder(token: string) {
  await poll(
    async () =>
      (await server.ctx.db.select().from(orders).where(eq(orders.checkoutToken, token))).length,
  ).toBe(1);
  const [order] = await server.ctx.db.select().from(orders).where(eq(orders.checkoutToken, token));
  return order!;
}

async function eventsOf(offerId: string, unit: string) {
  return server.ctx.db
    .select()
    .from(events)
    .where(and(eq(events.offerId, offerId), eq(events.unit, unit)));
}

async function pay(page: Page, token: string) {
  await page.locator('[data-testid=pay-now]').click();
  await poll(() => page.locator('[data-testid=order-name]').count()).toBe(1);
  return storedOrder(token);
}

function addButton(offer: FrameLocator, title: string) {
  return offer.locator(`s-button[accessibilitylabel="Add ${title} to your order"]`);
}

beforeAll(async () => {
  await ensureExtensionBuilt();
  server = await startSandboxServer();
  const demo = server.ctx.demo!;
  const api = { request: (path: string, init: RequestInit) => fetch(`${server.url}${path}`, init) };
  offers.cross = (await publishOffer(api, demo, demo.shop, MULTI_CROSS_SELL)).id;
  // Above the cross-sell in the same block, but only decided while a coffee bag is in the cart.
  offers.upsell = (await publishOffer(api, demo, demo.shop, { ...UPSELL, priority: 10 })).id;
  offers.cta = (await publishOffer(api, demo, demo.shop, CTA)).id;
  // What the publish step wrote with metafieldsSet; boot.ts keeps its emulator to itself, so the
  // wrapper hands the sandbox the same value the publish step built.
  config = await buildPublishedConfig(server.ctx, demo.shop);
  server.setPublishedConfig(JSON.stringify(config));
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('cross-sell in the sandbox', () => {
  test('three products at 15% off, each added on its own; the list shrinks, the copy stays true, the order is discounted', async () => {
    const token = tokenFor(offers.cross, false);
    const page = await openCheckout(token);
    const offer = page.frameLocator(BLOCK);
    await poll(() => offer.locator('s-heading').textContent()).toBe('Look after your shoes');
    await poll(() => offer.locator('s-button').count()).toBe(3);
    // Every price struck through beside the discounted one.
    expect(await offer.locator('s-text[type=redundant]').allTextContents()).toEqual([
      '$12.00',
      '$19.00',
      '$6.00',
    ]);
    expect(await offer.locator('s-text[type=strong]').allTextContents()).toEqual([
      'Water-Repellent Spray',
      '$10.20',
      'Shoe Care Kit',
      '$16.15',
      'Recycled Laces (2 pairs)',
      '$5.10',
    ]);
    await page.screenshot({ path: '/tmp/sandbox-cross-sell.png', fullPage: true });

    await addButton(offer, 'Shoe Care Kit').click();
    await poll(() => line(page, CARE_KIT).count()).toBe(1);
    // The added product left the list; the others and the heading stay.
    await poll(() => offer.locator('s-button').count()).toBe(2);
    expect(await offer.locator('s-heading').textContent()).toBe('Look after your shoes');
    await poll(() => offer.locator('s-banner[tone=success]').textContent()).toBe(
      'Shoe Care Kit was added to your order.',
    );
    // The offer's code is applied: 15% off the kit in the summary.
    await poll(() => page.getByTestId('discount-code').textContent()).toMatch(/^CLOSER-/);
    await poll(() => line(page, CARE_KIT).getByTestId('line-price').textContent()).toBe('$16.15');
    expect(await line(page, CARE_KIT).getByTestId('line-original-price').textContent()).toBe(
      '$19.00',
    );
    await page.screenshot({ path: '/tmp/sandbox-cross-sell-added.png', fullPage: true });

    await addButton(offer, 'Water-Repellent Spray').click();
    await poll(() => offer.locator('s-button').count()).toBe(1);
    await addButton(offer, 'Recycled Laces (2 pairs)').click();
    // All added: no heading or button promises anything more, only the confirmations remain.
    await poll(() => offer.locator('s-banner[tone=success]').count()).toBe(3);
    expect(await offer.locator('s-heading, s-button').count()).toBe(0);
    await page.screenshot({ path: '/tmp/sandbox-cross-sell-all-added.png', fullPage: true });

    const order = await pay(page, token);
    expect(order.totalDiscounts).toBe(180 + 285 + 90);
    expect(order.subtotal).toBe(12900 + 2 * 1400 + 1020 + 1615 + 510);
    const offered = order.lines.filter((l) => l.properties._closer_offer);
    expect(offered.map((l) => [l.variantId, l.amount, l.properties._closer_offer]).sort()).toEqual([
      ['20081', 1615, `${offers.cross}:treatment`],
      ['20091', 1020, `${offers.cross}:treatment`],
      ['20191', 510, `${offers.cross}:treatment`],
    ]);
    const adds = (await eventsOf(offers.cross, token)).filter((e) => e.type === 'add');
    expect(adds.map((e) => e.value).sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual([510, 1020, 1615]);
    expect(await exposureOf(token, offers.cross)).toBe('treatment');
    await page.close();
  });

  test('holdout: nothing renders, and the exposure is still logged', async () => {
    const token = tokenFor(offers.cross, true);
    const page = await openCheckout(token);
    await poll(() =>
      page.locator(`[data-testid=decision][data-offer="${offers.cross}"]`).getAttribute('data-arm'),
    ).toBe('holdout');
    await poll(() => exposureOf(token, offers.cross)).toBe('holdout');
    const frame = page.frame({ url: /target=purchase\.checkout\.block\.render/ });
    expect(await frame?.evaluate(() => document.body.childElementCount)).toBe(0);
    expect(await page.locator(BLOCK).evaluate((el) => el.getBoundingClientRect().height)).toBe(0);
    await page.close();
  });

  test('a checkout that refuses new lines says why in the buyer language and disables Add', async () => {
    const page = await openCheckout(tokenFor(offers.cross, false), '&cannotAdd=1&lang=fr');
    const offer = page.frameLocator(BLOCK);
    await poll(() => offer.locator('s-banner[tone=warning]').textContent()).toBe(
      "Impossible d'ajouter des articles à cette commande, par exemple lors d'un paiement express.",
    );
    expect(await offer.locator('s-button').first().getAttribute('disabled')).not.toBeNull();
    expect(await offer.locator('s-button').first().getAttribute('accessibilitylabel')).toBe(
      'Ajouter Water-Repellent Spray à votre commande',
    );
    await page.close();
  });
});

describe('upsell in the sandbox', () => {
  test('offers the 2-pack for the difference; one tap replaces the line keeping its quantity', async () => {
    const token = tokenFor(offers.upsell, false, [COFFEE_BAG, SHOES_42]);
    const page = await openCheckout(token, `&cart=${COFFEE_CART}`);
    const offer = page.frameLocator(BLOCK);
    await poll(() => offer.locator('s-heading').textContent()).toBe('Make it a 2-pack');
    expect(await offer.locator('s-text[type=redundant]').textContent()).toBe('$26.00');
    // $26 − $2 off − the $18 bag.
    expect(await offer.locator('s-text', { hasText: 'for $6.00 more each' }).count()).toBe(1);
    await page.screenshot({ path: '/tmp/sandbox-upsell.png', fullPage: true });

    await offer
      .locator('s-button[accessibilitylabel="Replace your item with House Coffee Beans"]')
      .click();
    await poll(() => line(page, COFFEE_2_PACK).getAttribute('data-quantity')).toBe('2');
    expect(await line(page, COFFEE_BAG).count()).toBe(0);
    expect(await line(page, COFFEE_2_PACK).textContent()).toContain('Upgraded from offer');
    await poll(() => offer.locator('s-banner[tone=success]').textContent()).toBe(
      'Your item was upgraded to House Coffee Beans.',
    );
    await poll(() => page.getByTestId('discount-total').textContent()).toBe('$4.00');
    // The upsell is gone (no trigger left) and the block does not fall through to the cross-sell.
    expect(await offer.locator('s-heading').count()).toBe(0);
    await page.screenshot({ path: '/tmp/sandbox-upsell-upgraded.png', fullPage: true });

    const order = await pay(page, token);
    const upgraded = order.lines.find((l) => l.variantId === '20202');
    expect(upgraded).toMatchObject({
      quantity: 2,
      amount: 5200 - 400,
      properties: { _closer_offer: `${offers.upsell}:treatment`, _closer_from: COFFEE_BAG },
    });
    expect(order.totalDiscounts).toBe(400);
    const [add] = (await eventsOf(offers.upsell, token)).filter((e) => e.type === 'add');
    expect(add?.value).toBe(2 * 600);
    await page.close();
  });

  test('a refused code leaves the upgrade done and says so in a banner', async () => {
    const token = tokenFor(offers.upsell, false, [COFFEE_BAG, SHOES_42]);
    const page = await openCheckout(token, `&cart=${COFFEE_CART}&refuseCodes=1`);
    const offer = page.frameLocator(BLOCK);
    await offer.locator('s-button', { hasText: 'Upgrade' }).click();
    await poll(() => offer.locator('s-banner[tone=warning]').textContent()).toBe(
      "The discount couldn't be applied to your order.",
    );
    expect(await line(page, COFFEE_2_PACK).getAttribute('data-quantity')).toBe('2');
    expect(await page.getByTestId('discount-code').count()).toBe(0);
    await page.close();
  });

  test('the debug panel adds a trigger product to the cart, and the upsell follows the cart', async () => {
    // Before the coffee is in the cart the block shows the cross-sell, so the token must be in
    // the treatment of both experiments, not only the upsell's.
    const token = tokenInArms(
      { offerId: offers.upsell, holdout: false, cart: [...DEFAULT_CART, COFFEE_BAG] },
      { offerId: offers.cross, holdout: false },
    );
    const page = await openCheckout(token);
    const offer = page.frameLocator(BLOCK);
    await poll(() => offer.locator('s-heading').textContent()).toBe('Look after your shoes');
    await page.getByTestId('add-to-cart-variant').selectOption(COFFEE_BAG);
    await page.getByTestId('add-to-cart').click();
    await poll(() => offer.locator('s-heading').textContent()).toBe('Make it a 2-pack');
    expect(new URL(page.url()).searchParams.get('cart')).toBe('20071:1,20012:2,20201:1');
    await page.close();
  });
});

describe('trust banner in the sandbox', () => {
  test('shows its icon, copy and link below the lines; following the link is a click', async () => {
    const token = tokenFor(offers.cta, false);
    const page = await openCheckout(token);
    const banner = page.frameLocator(AFTER_LINES);
    await poll(() => banner.locator('s-heading').textContent()).toBe('Free returns for 30 days');
    expect(await banner.locator('s-icon').getAttribute('type')).toBe('return');
    const link = banner.locator('s-link');
    const shop = server.ctx.demo!.shop;
    expect(await link.getAttribute('href')).toBe(`https://${shop}/policies/refund-policy`);
    await page.screenshot({ path: '/tmp/sandbox-cta.png', fullPage: true });
    await link.click();
    await poll(() => page.getByTestId('followed-link').getAttribute('data-href')).toBe(
      `https://${shop}/policies/refund-policy`,
    );
    await poll(async () => (await eventsOf(offers.cta, token)).map((e) => e.type).sort()).toEqual([
      'click',
      'exposure',
      'impression',
    ]);
    await page.close();
  });
});

async function exposureOf(token: string, offerId: string) {
  const [row] = await server.ctx.db
    .select()
    .from(exposures)
    .where(and(eq(exposures.unit, token), eq(exposures.offerId, offerId)));
  return row?.arm ?? null;
}
