// The editor's live preview in Debian's Chromium against the real demo server: what the merchant
// types is drawn by the checkout extension's own renderer, at desktop and phone widths and in the
// shop's languages, and trying the preview's buttons sends nothing anywhere.
import { sql } from 'drizzle-orm';
import { describe, expect, test } from 'vitest';
import { events } from '../../drizzle/schema.js';
import {
  DESKTOP,
  expectNoHorizontalOverflow,
  PHONE,
  pickProduct,
  startOffer,
  useJourney,
  variantGid,
  WAIT,
} from './journey-kit.js';

const SPRAY = variantGid('20091');
const FRAME = '[data-testid=offer-preview-frame]';

const journey = useJourney('closer-preview-');

function preview() {
  const { page } = journey();
  return {
    region: page.getByRole('region', { name: 'Checkout preview' }),
    frame: page.frameLocator(FRAME),
    element: page.locator(FRAME),
  };
}

/** The width of the page inside the frame: the column the preview stands for. */
async function frameWidth(): Promise<number> {
  return preview()
    .frame.locator('body')
    .evaluate((body) => body.ownerDocument.documentElement.clientWidth);
}

function heading() {
  return journey().page.getByTestId('offer-variant').first().getByTestId('offer-heading-input');
}

describe('the live preview in the offer editor', { timeout: 60_000 }, () => {
  test('a heading typed in the editor shows in the preview at desktop and phone widths, and in French', async () => {
    const j = journey();
    await j.page.setViewportSize(DESKTOP);
    await startOffer(j, 'cross_sell');
    const { region, frame, element } = preview();
    expect(await region.count()).toBe(1);
    await pickProduct(j.page.getByTestId('offer-variant').first(), 'spray', SPRAY);

    await heading().fill('Rain-ready in one tap');
    await expect
      .poll(() => frame.locator('s-heading').textContent(), WAIT)
      .toBe('Rain-ready in one tap');
    expect(await element.getAttribute('data-device')).toBe('desktop');
    expect(await frameWidth()).toBe(560);
    expect(await frame.locator('s-button').getAttribute('accessibilitylabel')).toBe(
      'Add Water-Repellent Spray to your order',
    );
    expect(await frame.locator('s-text[color=subdued]').textContent()).toBe('$12.00');

    // Each keystroke reaches the preview; no save in between.
    await heading().fill('Rain-ready in two taps');
    await expect
      .poll(() => frame.locator('s-heading').textContent(), WAIT)
      .toBe('Rain-ready in two taps');

    await region.getByRole('radio', { name: 'Mobile' }).check();
    await expect.poll(() => element.getAttribute('data-device'), WAIT).toBe('mobile');
    await expect.poll(frameWidth, WAIT).toBe(390);
    expect(await frame.locator('s-heading').textContent()).toBe('Rain-ready in two taps');

    await j.page.getByTestId('offer-preview-language').selectOption('fr');
    await expect.poll(() => frame.locator('html').getAttribute('lang'), WAIT).toBe('fr');
    // The merchant's copy as typed; prices and the extension's own words in French.
    expect(await frame.locator('s-heading').textContent()).toBe('Rain-ready in two taps');
    expect(await frame.locator('s-button').getAttribute('accessibilitylabel')).toBe(
      'Ajouter Water-Repellent Spray à votre commande',
    );
    expect((await frame.locator('s-text[color=subdued]').textContent())?.replace(/\s/g, ' ')).toBe(
      '12,00 $US',
    );

    await heading().fill('Prêt pour la pluie');
    await expect
      .poll(() => frame.locator('s-heading').textContent(), WAIT)
      .toBe('Prêt pour la pluie');
    await region.getByRole('radio', { name: 'Desktop' }).check();
    await expect.poll(frameWidth, WAIT).toBe(560);
    expect(await frame.locator('s-heading').textContent()).toBe('Prêt pour la pluie');
  });

  test('trying the preview’s Add button shows the buyer’s confirmation and sends nothing', async () => {
    const j = journey();
    const { frame } = preview();
    const sent: string[] = [];
    const record = (request: { url(): string }) => sent.push(request.url());
    j.page.on('request', record);
    await frame.locator('s-button').click();
    await expect
      .poll(() => frame.locator('s-banner[tone=success]').textContent(), WAIT)
      .toBe('Water-Repellent Spray a été ajouté à votre commande.');
    // The product is in the preview's cart now, so checkout would no longer offer it.
    expect(await frame.locator('s-button').count()).toBe(0);
    j.page.off('request', record);
    expect(sent).toEqual([]);
    const [stored] = await j.server.ctx.db.select({ n: sql<number>`count(*)` }).from(events);
    expect(stored?.n).toBe(0);

    await j.page.getByTestId('offer-preview-restart').click();
    await expect.poll(() => frame.locator('s-button').count(), WAIT).toBe(1);
    expect(await frame.locator('s-banner').count()).toBe(0);
  });

  test('on a 390 px phone the preview fits the screen: the desktop column is scaled down, not scrolled', async () => {
    const j = journey();
    const { region, element, frame } = preview();
    await j.page.setViewportSize(PHONE);
    await region.scrollIntoViewIfNeeded();
    await expect
      .poll(async () => (await element.boundingBox())?.width ?? Number.POSITIVE_INFINITY, WAIT)
      .toBeLessThan(PHONE.width);
    expect(await frameWidth()).toBe(560);
    expect(await frame.locator('s-heading').textContent()).toBe('Prêt pour la pluie');
    await expectNoHorizontalOverflow(j.page, 'the editor with its preview');
    await j.page.setViewportSize(DESKTOP);
  });
});
