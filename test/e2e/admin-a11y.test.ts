// The admin panel's acceptance run (issue 11): every admin page and state, in Debian's Chromium
// at 1280 and 390 px, has no critical or serious axe-core violation and, on the phone, nothing
// wider than the window. Home, an editor and a report are photographed at both widths into
// test-results/screenshots/ (README, "Screenshots"). One real demo server and one browser.
import { existsSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { OFFER_KINDS, type OfferKind } from '../../core/offers/catalog.js';
import { runSimulation } from '../../scripts/simulate/run-simulation.js';
import type { RunningServer } from '../../server/boot.js';
import { signAdminIdToken } from '../../server/demo/shopify-signatures.js';
import { launchChromium } from '../helpers/browser.js';
import { startDemoServer } from '../helpers/demo-server.js';
import {
  crossSellInput,
  ctaInput,
  exitCouponInput,
  hesitationCouponInput,
  nextOrderCouponInput,
  upsellInput,
} from '../helpers/offers.js';
import { checkState, DESKTOP, PHONE, settled, summary, WAIT } from './admin-a11y-kit.js';

let server: RunningServer;
let dataDir: string;
let browser: Browser;
let page: Page;
let shop: string;
let close: () => Promise<void> = async () => {};

beforeAll(async () => {
  // `npm test` builds first; a lone run of this file on a fresh clone builds here.
  if (!existsSync('dist/admin-ui/index.html'))
    await build({ configFile: 'admin-ui/vite.config.ts', logLevel: 'warn' });
  const demo = await startDemoServer('closer-a11y-');
  browser = await launchChromium();
  close = async () => {
    await browser.close();
    await demo.close();
  };
  server = demo.server;
  dataDir = demo.dataDir;
  shop = server.ctx.demo?.shop ?? '';
  page = await browser.newPage({ viewport: DESKTOP });
  // Leaving an editor with unsaved edits asks first (beforeunload): this run leaves on purpose.
  page.on('dialog', (dialog) => void dialog.accept());
}, 120_000);
afterAll(async () => {
  await close();
  process.stdout.write(`admin accessibility: ${summary()}\n`);
});

async function admin(method: string, path: string, body?: unknown) {
  const demo = server.ctx.demo;
  if (!demo) throw new Error('not a demo server');
  const res = await fetch(`${server.url}/api/admin${path}`, {
    method,
    headers: {
      Authorization: `Bearer ${await signAdminIdToken(demo, shop)}`,
      'Content-Type': 'application/json',
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const json = (await res.json()) as { offer?: { id: string } };
  if (!res.ok) throw new Error(`${method} ${path} answered ${res.status}: ${JSON.stringify(json)}`);
  return json;
}

async function createOffer(input: Record<string, unknown>): Promise<string> {
  const { offer } = await admin('POST', '/offers', input);
  if (!offer) throw new Error('no offer in the answer');
  return offer.id;
}

async function open(path: string, ready?: string) {
  await page.goto(`${server.url}/app${path}?shop=${shop}`);
  await settled(page, ready);
}

interface Seeded {
  /** Active cross-sell with enough orders for a headline. */
  reported: string;
  /** Active cross-sell with a handful of orders: below the minimum sample. */
  tiny: string;
  /** One offer of each kind, for the editor of an existing offer. */
  byKind: Record<OfferKind, string>;
}

let seeding: Promise<Seeded> | null = null;

/**
 * Offers in every status, two of them with traffic through the real ingestion paths (the
 * simulator, which activates them): seeded once, after the empty-shop test has looked.
 */
function seeded(): Promise<Seeded> {
  seeding ??= (async () => {
    const reported = await createOffer(
      crossSellInput({ name: 'Protect your new shoes', holdout: 0.5 }),
    );
    const tiny = await createOffer(
      crossSellInput({ name: 'Socks with every shoe', holdout: 0.5, priority: 3 }),
    );
    for (const [offer, units] of [
      [reported, 400],
      [tiny, 24],
    ] as const) {
      await runSimulation({ baseUrl: server.url, dataDir, offer, units, lift: 0.2, seed: 5 });
    }
    const upsell = await createOffer(upsellInput({ name: 'Coffee 2-pack' }));
    const cta = await createOffer(ctaInput({ name: 'Free returns' }));
    await admin('POST', `/offers/${cta}/activate`);
    await admin('POST', `/offers/${cta}/pause`);
    const coupon = await createOffer(hesitationCouponInput({ name: 'Still deciding?' }));
    const exit = await createOffer(exitCouponInput({ name: 'Before you go' }));
    const nextOrder = await createOffer(nextOrderCouponInput({ name: 'Come back soon' }));
    const old = await createOffer(crossSellInput({ name: 'Last season’s bundle' }));
    await admin('POST', `/offers/${old}/archive`);
    return {
      reported,
      tiny,
      byKind: {
        cross_sell: reported,
        upsell,
        cta,
        hesitation_coupon: coupon,
        exit_coupon: exit,
        next_order_coupon: nextOrder,
      },
    };
  })();
  return seeding;
}

/** Clicks Save and waits for the form to show its field errors. */
async function showValidationErrors() {
  await page.getByTestId('offer-save').click();
  await expect
    .poll(() => page.locator('[aria-invalid="true"], [data-testid=offer-form-error]').count(), WAIT)
    .toBeGreaterThan(0);
}

describe('admin pages: no critical or serious axe violation at 1280 and 390 px, no sideways scroll on a phone', () => {
  test('a new shop: the first page and the empty offers list', async () => {
    await open('');
    await checkState(page, 'first page, no offers');
    await open('/offers', '[data-testid=offer-tabs], [data-testid=create-offer]');
    await checkState(page, 'offers list, no offers');
  }, 60_000);

  test('the offers list, each tab, and the archive confirmation', async () => {
    await seeded();
    await open('/offers', '[data-testid=offer-row]');
    await checkState(page, 'offers list', 'offers');
    const tabs = page.locator('[role=tab]');
    const count = await tabs.count();
    expect(count).toBeGreaterThanOrEqual(4);
    for (let i = 0; i < count; i += 1) {
      const tab = tabs.nth(i);
      const name = ((await tab.textContent()) ?? '').replace(/\d+$/, '').trim();
      await tab.click();
      await expect.poll(() => tab.getAttribute('aria-selected'), WAIT).toBe('true');
      await settled(page, '[data-testid=offer-row]');
      await checkState(page, `offers list, ${name} tab`);
    }
    await page.locator('[role=tab][data-testid=tab-active]').click();
    await page.getByTestId('offer-action-archive').first().click();
    await expect.poll(() => page.getByTestId('archive-dialog').isVisible(), WAIT).toBe(true);
    await checkState(page, 'offers list, archive confirmation');
  }, 90_000);

  test('the kind picker, and each kind’s new editor empty and with validation errors', async () => {
    await open('/offers/new', '[data-testid=kind-choice]');
    await checkState(page, 'kind picker');
    for (const kind of OFFER_KINDS) {
      await open(`/offers/new/${kind}`, 'form[aria-label=Offer]');
      await checkState(page, `new ${kind} editor`);
      await showValidationErrors();
      await checkState(page, `new ${kind} editor with validation errors`);
    }
  }, 90_000);

  test('each kind’s existing offer in the editor, and with a required field emptied', async () => {
    const { byKind } = await seeded();
    for (const kind of OFFER_KINDS) {
      await open(`/offers/${byKind[kind]}`, 'form[aria-label=Offer]');
      await checkState(page, `${kind} offer editor`, kind === 'cross_sell' ? 'editor' : undefined);
      await page.getByTestId('offer-heading-input').first().fill('');
      await showValidationErrors();
      await checkState(page, `${kind} offer editor with validation errors`);
    }
  }, 90_000);

  test('results: a report with a headline, one below the minimum sample, an offer without data', async () => {
    const { reported, tiny, byKind } = await seeded();
    await open(`/offers/${reported}/results`, '[data-testid=report-arms-table]');
    await checkState(page, 'report with a headline', 'report');
    await open(`/offers/${tiny}/results`, '[data-testid=report-arms-table]');
    await checkState(page, 'report below the minimum sample');
    await open(`/offers/${byKind.upsell}/results`);
    await checkState(page, 'results of a draft offer without data');
  }, 90_000);

  test('home with offers and traffic, and a page that does not exist', async () => {
    await seeded();
    await open('');
    await checkState(page, 'first page with offers', 'home');
    await open('/no-such-page');
    await checkState(page, 'page not found');
  }, 60_000);
});

describe('the checkout sandbox on a phone', () => {
  test('Pay now is on screen when scrolled to and nothing covers it; the page fits 390 px', async () => {
    const phone = await browser.newPage({ viewport: PHONE });
    try {
      await phone.goto(`${server.url}/sandbox`);
      const pay = phone.locator('[data-testid=pay-now]');
      await expect.poll(() => pay.count(), WAIT).toBe(1);
      await pay.scrollIntoViewIfNeeded();
      const hit = await pay.evaluate((button) => {
        const box = button.getBoundingClientRect();
        const top = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
        return top === button || button.contains(top);
      });
      expect(hit, 'the element on top of Pay now').toBe(true);
      const width = await phone.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(PHONE.width);
    } finally {
      await phone.close();
    }
  }, 60_000);
});
