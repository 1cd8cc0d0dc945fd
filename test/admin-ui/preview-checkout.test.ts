import { describe, expect, test } from 'vitest';
import {
  applyPreviewLineChange,
  type PreviewVariant,
  previewCartLines,
  previewSubtotal,
} from '../../admin-ui/src/pages/offer-editor/preview/preview-cart.js';
import { previewGap } from '../../admin-ui/src/pages/offer-editor/preview/preview-gap.js';
import {
  createPreviewHost,
  previewPlacement,
} from '../../admin-ui/src/pages/offer-editor/preview/preview-host.js';
import { previewLanguages } from '../../admin-ui/src/pages/offer-editor/preview/preview-languages.js';
import { compilePreviewOffer } from '../../admin-ui/src/pages/offer-editor/preview/preview-offer.js';
import { localeFilesFor, messagesFrom, translate } from '../../core/checkout-preview/messages.js';
import type { ProductDetail } from '../../core/offers/contract.js';
import enDefault from '../../extension/checkout/locales/en.default.json' with { type: 'json' };
import fr from '../../extension/checkout/locales/fr.json' with { type: 'json' };
import { gid, productDetail } from './fixtures.js';

const LOCALE_FILES = { 'en.default.json': enDefault, 'fr.json': fr };
const EXTENSION_FILES = Object.keys(LOCALE_FILES);

function variantsOf(details: ProductDetail[]): Map<string, PreviewVariant> {
  return new Map(details.map((d) => [d.variantId, d]));
}

function offerOf(input: Record<string, unknown>, details: ProductDetail[]) {
  return compilePreviewOffer(
    { input: { target: 'checkout_block', ...input } as never, details },
    { currency: 'USD' },
  ).offer;
}

const copy = { heading: 'Upgrade', body: '', buttonLabel: 'Go' };

function placementFor(offer: ReturnType<typeof offerOf>, details: ProductDetail[]) {
  const host = createPreviewHost({
    offer,
    shop: 'shop-a.myshopify.com',
    currency: 'USD',
    language: 'en',
    messages: enDefault,
    lines: previewCartLines(offer, variantsOf(details), 'USD'),
    applyCartLinesChange: async () => ({ type: 'success' }),
  });
  return previewPlacement(host, offer);
}

describe('the preview cart', () => {
  const details = [productDetail(1), productDetail(2), productDetail(4)];
  const upsell = offerOf(
    { kind: 'upsell', variants: [copy], triggers: [gid(9), gid(2)], replacement: gid(4) },
    details,
  );

  test('holds the first trigger the form knows, at its price in major units, for an upgrade', () => {
    const lines = previewCartLines(upsell, variantsOf(details), 'USD');
    expect(lines).toEqual([
      {
        id: 'gid://shopify/CartLine/preview-1',
        merchandise: { id: gid(2), product: { id: 'gid://shopify/Product/2' } },
        quantity: 1,
        cost: { totalAmount: { amount: 20, currencyCode: 'USD' } },
        attributes: [],
      },
    ]);
    expect(previewSubtotal(lines, 'USD')).toEqual({ amount: 20, currencyCode: 'USD' });
  });

  test('is empty for an offer that waits for nothing', () => {
    const crossSell = offerOf(
      { kind: 'cross_sell', variants: [{ ...copy, products: [gid(1)] }] },
      details,
    );
    expect(previewCartLines(crossSell, variantsOf(details), 'USD')).toEqual([]);
  });

  test('takes an add and an in-place upgrade as checkout would, attributes included', () => {
    const variants = variantsOf(details);
    const start = previewCartLines(upsell, variants, 'USD');
    const added = applyPreviewLineChange(
      start,
      {
        type: 'addCartLine',
        merchandiseId: gid(1),
        quantity: 2,
        attributes: [{ key: '_closer_offer', value: 'preview:treatment' }],
      },
      variants,
      'USD',
    );
    expect(
      added.map((l) => [l.id, l.merchandise.id, l.quantity, l.cost.totalAmount.amount]),
    ).toEqual([
      ['gid://shopify/CartLine/preview-1', gid(2), 1, 20],
      ['gid://shopify/CartLine/preview-2', gid(1), 2, 20],
    ]);
    const upgraded = applyPreviewLineChange(
      added,
      {
        type: 'updateCartLine',
        id: 'gid://shopify/CartLine/preview-1',
        merchandiseId: gid(4),
        quantity: 1,
        attributes: [{ key: '_closer_from', value: gid(2) }],
      },
      variants,
      'USD',
    );
    expect(upgraded[0]).toMatchObject({
      id: 'gid://shopify/CartLine/preview-1',
      merchandise: { id: gid(4) },
      cost: { totalAmount: { amount: 40 } },
      attributes: [{ key: '_closer_from', value: gid(2) }],
    });
    expect(
      applyPreviewLineChange(
        upgraded,
        { type: 'removeCartLine', id: 'gid://shopify/CartLine/preview-2', quantity: 2 },
        variants,
        'USD',
      ),
    ).toHaveLength(1);
  });
});

describe('what the preview says is missing', () => {
  test('an upgrade without its trigger, then without its replacement', () => {
    const details = [productDetail(1), productDetail(4)];
    const noTrigger = offerOf(
      { kind: 'upsell', variants: [copy], triggers: [], replacement: gid(4) },
      details,
    );
    expect(previewGap(noTrigger, placementFor(noTrigger, details))).toBe(
      'Pick the product shoppers must have in their cart to see the preview.',
    );
    const noReplacement = offerOf(
      { kind: 'upsell', variants: [copy], triggers: [gid(1)], replacement: '' },
      details,
    );
    expect(previewGap(noReplacement, placementFor(noReplacement, details))).toBe(
      'Pick the product to offer in its place to see the preview.',
    );
  });

  test('a variant with no products, sold-out products, and nothing when the offer shows whole', () => {
    const details = [productDetail(1), productDetail(2, { available: false, title: 'Wool socks' })];
    const empty = offerOf({ kind: 'cross_sell', variants: [{ ...copy, products: [] }] }, details);
    expect(previewGap(empty, placementFor(empty, details))).toBe(
      'Pick at least one product for this variant to see the preview.',
    );
    const partly = offerOf(
      { kind: 'cross_sell', variants: [{ ...copy, products: [gid(1), gid(2)] }] },
      details,
    );
    const shown = placementFor(partly, details);
    // Decide offers only what is available: the sold-out socks are not drawn.
    expect(shown?.decision.products.map((p) => p.variantId)).toEqual([gid(1)]);
    expect(previewGap(partly, shown)).toBe('Sold out, so not offered to shoppers: Wool socks.');
    const soldOut = offerOf(
      { kind: 'cross_sell', variants: [{ ...copy, products: [gid(2)] }] },
      details,
    );
    expect(placementFor(soldOut, details)).toBeNull();
    expect(previewGap(soldOut, null)).toBe(
      'Every product this offer sells is sold out: shoppers see nothing until one is back in stock.',
    );
    const whole = offerOf(
      { kind: 'cross_sell', variants: [{ ...copy, products: [gid(1)] }] },
      details,
    );
    expect(previewGap(whole, placementFor(whole, details))).toBeNull();
  });
});

describe('the languages the preview offers', () => {
  test('the shop’s published ones, primary first, each saying whose words it shows', () => {
    expect(
      previewLanguages(
        [
          { locale: 'fr-CA', primary: false, published: true },
          { locale: 'it', primary: false, published: false },
          { locale: 'de', primary: true, published: true },
        ],
        EXTENSION_FILES,
      ),
    ).toEqual([
      { locale: 'de', label: 'German (Closer’s own words in English)' },
      { locale: 'fr-CA', label: 'Canadian French' },
    ]);
  });

  test('the extension’s own when the server could not say', () => {
    expect(previewLanguages(null, EXTENSION_FILES)).toEqual([
      { locale: 'en', label: 'English' },
      { locale: 'fr', label: 'French' },
    ]);
    expect(previewLanguages([], EXTENSION_FILES).map((l) => l.locale)).toEqual(['en', 'fr']);
  });
});

describe('the extension’s messages for a buyer', () => {
  test('follow Shopify’s order: buyer locale, buyer language, shop locale, default', () => {
    expect(localeFilesFor('fr-CA')).toEqual(['en.default.json', 'fr.json', 'fr-CA.json']);
    expect(localeFilesFor('de', { shopLocale: 'fr' })).toEqual([
      'en.default.json',
      'fr.json',
      'de.json',
    ]);
    // English is the default file's own language, so an English buyer in a French shop reads it.
    expect(localeFilesFor('en-GB', { shopLocale: 'fr' })).toEqual([
      'fr.json',
      'en.default.json',
      'en-GB.json',
    ]);
  });

  test('a French buyer reads the French file, a German one in a French shop too, an English one English', () => {
    const key = 'offer.addLabel';
    const title = { title: 'Socks' };
    expect(translate(messagesFrom(LOCALE_FILES, 'fr-CA'), key, title)).toBe(
      'Ajouter Socks à votre commande',
    );
    expect(translate(messagesFrom(LOCALE_FILES, 'de', { shopLocale: 'fr' }), key, title)).toBe(
      'Ajouter Socks à votre commande',
    );
    expect(translate(messagesFrom(LOCALE_FILES, 'en-GB', { shopLocale: 'fr' }), key, title)).toBe(
      'Add Socks to your order',
    );
    expect(translate(messagesFrom(LOCALE_FILES, 'de'), 'no.such.key')).toBe('no.such.key');
  });
});
