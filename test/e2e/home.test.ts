import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { assignArm } from '../../core/decide/index.js';
import type { RunningServer } from '../../server/boot.js';
import { signCheckoutSessionToken, webhookHeaders } from '../../server/demo/shopify-signatures.js';
import { launchChromium } from '../helpers/browser.js';
import { startDemoServer } from '../helpers/demo-server.js';
import { orderPayload } from '../helpers/order-payloads.js';

/**
 * Home in Chromium, as a merchant opens the app: the landing page at /app, first for a shop with
 * nothing set up, then with an offer and checkout signals from the pixel. At 1280 and 390 px it
 * must fit the viewport (no horizontal overflow) and it is screenshotted for review.
 */
const WIDTHS = [
  { width: 1280, height: 1000 },
  { width: 390, height: 844 },
] as const;
const WAIT = { timeout: 10_000 };
const SCREENSHOTS = join('test-results', 'screenshots');
const AXE_SOURCE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

let server: RunningServer;
let browser: Browser;
let page: Page;
let shop: string;
let close: () => Promise<void>;

beforeAll(async () => {
  // `npm test` builds first; a lone run on a fresh clone builds here.
  if (!existsSync('dist/admin-ui/index.html'))
    await build({ configFile: 'admin-ui/vite.config.ts', logLevel: 'warn' });
  const demo = await startDemoServer('closer-home-');
  browser = await launchChromium();
  server = demo.server;
  shop = demo.server.ctx.demo?.shop ?? '';
  if (!shop) throw new Error('the demo server has no demo shop');
  page = await browser.newPage({ viewport: WIDTHS[0] });
  mkdirSync(SCREENSHOTS, { recursive: true });
  close = async () => {
    await browser.close();
    await demo.close();
  };
}, 180_000);

afterAll(async () => {
  await close?.();
});

async function openHome() {
  await page.goto(`${server.url}/app?shop=${shop}`);
  await expect.poll(() => page.getByTestId('home-totals').count(), WAIT).toBe(1);
}

async function overflow() {
  return page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
}

/** axe-core's critical and serious findings on the page as it is, one line each. */
async function seriousAxeViolations(): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE_SOURCE });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document) => Promise<unknown> } }).axe;
    const result = (await axe.run(document)) as {
      violations: { id: string; impact: string | null; nodes: { target: unknown[] }[] }[];
    };
    return result.violations
      .filter((v) => v.impact === 'critical' || v.impact === 'serious')
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

/**
 * At each width: the page fits (the offers table scrolls inside its card), axe finds nothing
 * critical or serious, and it is screenshotted.
 */
async function checkWidths(state: string) {
  for (const viewport of WIDTHS) {
    await page.setViewportSize(viewport);
    await expect.poll(() => page.getByTestId('home-totals').isVisible(), WAIT).toBe(true);
    const { scrollWidth, innerWidth } = await overflow();
    expect(scrollWidth, `Home (${state}) at ${viewport.width} px`).toBeLessThanOrEqual(innerWidth);
    expect(await seriousAxeViolations(), `axe on Home (${state}) at ${viewport.width} px`).toEqual(
      [],
    );
    await page.screenshot({
      path: join(SCREENSHOTS, `home-${state}-${viewport.width}.png`),
      fullPage: true,
    });
  }
  await page.setViewportSize(WIDTHS[0]);
}

async function adminFetch(path: string, init: RequestInit = {}) {
  const token = (await (await fetch(`${server.url}/dev/id-token`)).json()) as { idToken: string };
  return fetch(`${server.url}/api/admin${path}`, {
    ...init,
    headers: { Authorization: `Bearer ${token.idToken}`, 'Content-Type': 'application/json' },
  });
}

interface CreatedOffer {
  id: string;
  experiment: { key: string; seed: string; coverage: number; arms: never[] };
}

async function createBanner(name: string, holdout: number): Promise<CreatedOffer> {
  const res = await adminFetch('/offers', {
    method: 'POST',
    body: JSON.stringify({
      name,
      kind: 'cta',
      target: 'checkout_block',
      variants: [{ heading: name, body: 'Free returns for 30 days.', icon: 'return', link: null }],
      condition: null,
      priority: 0,
      startsAt: null,
      endsAt: null,
      holdout,
    }),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { offer: CreatedOffer }).offer;
}

/** `count` checkout tokens that the offer's experiment assigns to `arm`. */
function unitsIn(offer: CreatedOffer, arm: string, count: number): string[] {
  const units: string[] = [];
  for (let i = 0; units.length < count; i += 1) {
    const unit = `home-${offer.id}-${i}`;
    if (assignArm(offer.experiment, unit)?.key === arm) units.push(unit);
  }
  return units;
}

/** Exposures (and, for the treatment, impressions) as the checkout extension sends them. */
async function exposeUnits(offer: CreatedOffer, arm: string, units: readonly string[]) {
  const demo = server.ctx.demo;
  if (!demo) throw new Error('demo mode only');
  const types = arm === 'holdout' ? ['exposure'] : ['exposure', 'impression'];
  const events = units.flatMap((unit) =>
    types.map((type) => ({
      id: randomUUID(),
      type,
      offerId: offer.id,
      experimentKey: offer.experiment.key,
      arm,
      unit,
      at: Date.now(),
    })),
  );
  for (let i = 0; i < events.length; i += 50) {
    const res = await fetch(`${server.url}/api/checkout/events`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${await signCheckoutSessionToken(demo, shop)}`,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({ events: events.slice(i, i + 50) }),
    });
    expect(res.status).toBe(202);
  }
}

/** Signed orders/create webhooks for these checkouts, subtotals spread around `base` cents. */
async function placeOrders(units: readonly string[], base: number) {
  const demo = server.ctx.demo;
  if (!demo) throw new Error('demo mode only');
  for (const [i, unit] of units.entries()) {
    const amount = ((base + ((i * 1_237) % 6_000)) / 100).toFixed(2);
    const template = orderPayload();
    const payload = orderPayload({
      checkout_token: unit,
      subtotal_price: amount,
      subtotal_price_set: { shop_money: { amount, currency_code: 'USD' } },
      created_at: new Date().toISOString(),
      line_items: template.line_items.map((line) => ({ ...line, properties: [] })),
    });
    const body = JSON.stringify(payload);
    const res = await fetch(`${server.url}/webhooks/orders/create`, {
      method: 'POST',
      headers: webhookHeaders(demo.apiSecret, shop, 'orders/create', body),
      body,
    });
    expect(res.status).toBe(200);
  }
}

describe('Home', () => {
  test('a new shop lands on Home: the setup checklist, no total, and the way to its offers', async () => {
    await openHome();
    expect(new URL(page.url()).pathname).toBe('/app');
    expect(await page.getByTestId('nav-home').getAttribute('aria-current')).toBe('page');
    const steps = page.getByTestId('setup-step');
    expect(await steps.count()).toBe(4);
    expect(await steps.evaluateAll((els) => els.map((el) => el.getAttribute('data-done')))).toEqual(
      ['false', 'false', 'false', 'false'],
    );
    const editor = page.getByTestId('setup-checkout-editor');
    expect(await editor.getAttribute('href')).toBe(
      `https://${shop}/admin/settings/checkout/editor?page=checkout&context=apps`,
    );
    expect(await editor.getAttribute('target')).toBe('_top');
    expect(await page.getByTestId('plan-note').textContent()).toContain('Shopify Plus');
    expect(await page.getByTestId('home-incremental').textContent()).toContain('Not yet');
    expect(await page.getByTestId('home-attributed').textContent()).toContain(
      'Attributed revenue (what most apps report)',
    );
    await checkWidths('new-shop');

    await page.getByTestId('nav-offers').click();
    await expect.poll(() => new URL(page.url()).pathname, WAIT).toBe('/app/offers');
    expect(await page.getByTestId('nav-offers').getAttribute('aria-current')).toBe('page');
    await page.getByTestId('nav-home').click();
    await expect.poll(() => page.getByTestId('home-totals').count(), WAIT).toBe(1);
  });

  test('with an offer and checkout signals: its row, the checkout funnel and ticked steps', async () => {
    const created = await adminFetch('/offers', {
      method: 'POST',
      body: JSON.stringify({
        name: 'Free returns banner with a name long enough to wrap on a phone',
        kind: 'cta',
        target: 'checkout_block',
        variants: [
          { heading: 'Free returns', body: '30 days, no questions.', icon: 'return', link: null },
        ],
        condition: null,
        priority: 0,
        startsAt: null,
        endsAt: null,
        holdout: 0.1,
      }),
    });
    expect(created.status).toBe(201);
    const offerId = ((await created.json()) as { offer: { id: string } }).offer.id;
    const pixel = (name: string, checkoutToken: string) => ({
      id: randomUUID(),
      name,
      checkoutToken,
      orderId: null,
      value: null,
      currency: null,
      at: Date.now(),
    });
    const sent = await fetch(`${server.url}/api/pixel/events`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain' },
      body: JSON.stringify({
        shop,
        events: [
          pixel('checkout_started', 'home-ck-1'),
          pixel('checkout_started', 'home-ck-2'),
          pixel('checkout_completed', 'home-ck-1'),
        ],
      }),
    });
    expect(sent.status).toBe(202);

    await openHome();
    const row = page.locator(`[data-testid=home-offer-row][data-key="${offerId}"]`);
    await expect.poll(() => row.count(), WAIT).toBe(1);
    expect(await row.getByTestId('home-offer-live').getAttribute('data-live')).toBe('false');
    expect(await row.getByTestId('home-offer-incremental').textContent()).toContain(
      'No checkouts in this period',
    );
    const done = (key: string) =>
      page.locator(`[data-testid=setup-step][data-key=${key}]`).getAttribute('data-done');
    expect(await done('offer_created')).toBe('true');
    expect(await done('pixel_connected')).toBe('true');
    expect(await done('block_placed')).toBe('false');
    expect(await page.getByTestId('home-checkout-started').textContent()).toBe('2');
    expect(await page.getByTestId('home-checkout-completed').textContent()).toBe('1');
    expect(await page.getByTestId('home-checkout-abandonment').textContent()).toMatch(/^50\s?%$/);
    await checkWidths('with-offer');

    // The offer's name opens its report.
    await row.getByTestId('home-offer-name').click();
    await expect
      .poll(() => new URL(page.url()).pathname, WAIT)
      .toBe(`/app/offers/${offerId}/results`);
  });

  test('measured offers: a headline with its interval; an offer short of its sample says how far', async () => {
    const measured = await createBanner('Trust banner, measured', 0.5);
    const holdout = unitsIn(measured, 'holdout', 40);
    const treatment = unitsIn(measured, 'treatment', 40);
    await exposeUnits(measured, 'holdout', holdout);
    await exposeUnits(measured, 'treatment', treatment);
    await placeOrders(holdout.slice(0, 32), 4_000);
    await placeOrders(treatment.slice(0, 32), 5_200);
    const early = await createBanner('Shipping banner, just started', 0.5);
    await exposeUnits(early, 'holdout', unitsIn(early, 'holdout', 3));
    await exposeUnits(early, 'treatment', unitsIn(early, 'treatment', 3));

    await openHome();
    await expect.poll(() => page.getByTestId('home-incremental-interval').count(), WAIT).toBe(1);
    expect(await page.getByTestId('home-incremental-interval').textContent()).toMatch(
      /95% always-valid interval: [+-−]\$[\d,]+ to [+-−]\$[\d,]+/,
    );
    expect(await page.getByTestId('home-incremental-verdict').textContent()).toMatch(
      /^(Not distinguishable from zero yet|Above zero beyond chance)\./,
    );
    const measuredRow = page.locator(`[data-testid=home-offer-row][data-key="${measured.id}"]`);
    expect(await measuredRow.getByTestId('home-offer-incremental').textContent()).toMatch(/\$/);
    const earlyRow = page.locator(`[data-testid=home-offer-row][data-key="${early.id}"]`);
    const earlyText = await earlyRow.getByTestId('home-offer-incremental').textContent();
    expect(earlyText).toContain('30 more orders per arm needed');
    expect(earlyText).not.toMatch(/\$/);
    expect(await page.getByTestId('home-totals-note').textContent()).toContain(
      'Shipping banner, just started, needs 30 more orders per arm',
    );
    await checkWidths('measured');
  }, 60_000);
});
