import { and, eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { decideOffers, type PublishedConfig } from '../../core/decide/index.js';
import { exposures, orders } from '../../drizzle/schema.js';
import { ensureExtensionBuilt } from '../../scripts/build-extension.js';
import { buildPublishedConfig } from '../../server/domain/publish-config.js';
import { launchChromium } from '../helpers/browser.js';
import { publishCrossSell, SPRAY_VARIANT } from './offer-fixture.js';
import { startSandboxServer } from './sandbox-server.js';

const BLOCK = 'iframe[data-target="purchase.checkout.block.render"]';

let server: Awaited<ReturnType<typeof startSandboxServer>>;
let browser: Browser;
let config: PublishedConfig;
let offerId: string;

/** A checkout token decide puts in the wanted arm (the page's own buttons do the same). */
function tokenIn(holdout: boolean): string {
  const context = {
    cartLines: [],
    subtotal: 0,
    currency: 'USD',
    loggedIn: false,
    customerTags: [],
    now: Date.now(),
  };
  for (let i = 0; ; i++) {
    const [decision] = decideOffers(config, context, `sbx-browser-${i}`);
    if (decision?.inExperiment && decision.holdout === holdout) return `sbx-browser-${i}`;
  }
}

async function openCheckout(token: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  await page.goto(`${server.url}/sandbox?token=${token}`);
  return page;
}

async function exposureOf(token: string) {
  const [row] = await server.ctx.db
    .select()
    .from(exposures)
    .where(and(eq(exposures.unit, token), eq(exposures.offerId, offerId)));
  return row?.arm ?? null;
}

beforeAll(async () => {
  await ensureExtensionBuilt();
  server = await startSandboxServer();
  const demo = server.ctx.demo!;
  offerId = await publishCrossSell(
    { request: (path, init) => fetch(`${server.url}${path}`, init) },
    demo,
    demo.shop,
  );
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

describe('the checkout sandbox in a real browser', () => {
  test('treatment: the shipped bundle renders the offer, Add puts the line in the cart, Pay now records the order', async () => {
    const token = tokenIn(false);
    const page = await openCheckout(token);
    const offer = page.frameLocator(BLOCK);
    await expect
      .poll(() => offer.locator('s-heading').textContent())
      .toBe('Keep your new shoes dry');
    await expect
      .poll(() => offer.locator('s-text[type=strong]').textContent())
      .toBe('Water-Repellent Spray');
    await expect
      .poll(() => offer.locator('s-text[color=subdued]').last().textContent())
      .toBe('$12.00');
    await expect
      .poll(() => page.locator('[data-testid=decision]').getAttribute('data-arm'))
      .toBe('treatment');
    await page.screenshot({ path: '/tmp/sandbox.png', fullPage: true });

    await offer.locator('s-button').click();
    const added = page.locator(`[data-testid=summary-line][data-variant="${SPRAY_VARIANT}"]`);
    await expect.poll(() => added.count()).toBe(1);
    await expect.poll(() => page.locator('[data-testid=subtotal]').textContent()).toBe('$169.00');
    await expect.poll(() => offer.locator('s-banner[tone=success]').count()).toBe(1);
    await page.screenshot({ path: '/tmp/sandbox-added.png', fullPage: true });

    // The extension's events reach the real endpoint with the minted session token.
    await expect.poll(() => exposureOf(token)).toBe('treatment');
    await expect
      .poll(() =>
        page.locator('[data-testid=events] li[data-type=add]').getAttribute('data-status'),
      )
      .toBe('202');

    await page.locator('[data-testid=pay-now]').click();
    const name = await page.locator('[data-testid=order-name]').textContent();
    const [order] = await server.ctx.db
      .select()
      .from(orders)
      .where(eq(orders.checkoutToken, token));
    expect(order?.name).toBe(name);
    const line = order?.lines.find((l) => l.variantId === '20091');
    expect(line?.properties).toEqual({ _closer_offer: `${offerId}:treatment` });
    await page.close();
  });

  test('holdout: nothing renders, and the exposure is still logged', async () => {
    const token = tokenIn(true);
    const page = await openCheckout(token);
    await expect
      .poll(() => page.locator('[data-testid=decision]').getAttribute('data-arm'))
      .toBe('holdout');
    // The exposure is sent after the extension rendered, so once it is seen the render is final.
    await expect
      .poll(() => page.locator('[data-testid=events] li[data-type=exposure]').count())
      .toBe(1);
    const frame = page.frame({ url: /target=purchase\.checkout\.block\.render/ });
    expect(await frame?.evaluate(() => document.body.childElementCount)).toBe(0);
    expect(await page.locator(BLOCK).evaluate((el) => el.getBoundingClientRect().height)).toBe(0);
    await expect.poll(() => exposureOf(token)).toBe('holdout');
    await page.screenshot({ path: '/tmp/sandbox-holdout.png', fullPage: true });
    await page.close();
  });

  test('a checkout that refuses new lines shows the reason in the buyer language and disables Add', async () => {
    const page = await openCheckout(`${tokenIn(false)}&cannotAdd=1&lang=fr`);
    const offer = page.frameLocator(BLOCK);
    await expect
      .poll(() => offer.locator('s-banner[tone=warning]').textContent())
      .toBe(
        "Impossible d'ajouter des articles à cette commande, par exemple lors d'un paiement express.",
      );
    expect(await offer.locator('s-button').getAttribute('disabled')).not.toBeNull();
    expect(await offer.locator('s-button').getAttribute('accessibilitylabel')).toBe(
      'Ajouter Water-Repellent Spray à votre commande',
    );
    await page.close();
  });
});
