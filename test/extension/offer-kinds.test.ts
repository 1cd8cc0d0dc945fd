import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test, vi } from 'vitest';
import { CTA_ICONS } from '../../core/offers/catalog';
import type { PublishedContent } from '../../core/offers/published-config';
import { applyOfferDiscount } from '../../extension/checkout/src/apply-offer-discount';
import type { Placement } from '../../extension/checkout/src/choose-offer';
import { discountedPrice } from '../../extension/checkout/src/discount-price';
import {
  productsToShow,
  productTitle,
} from '../../extension/checkout/src/kinds/cross-sell-products';
import { CTA_ICON_TYPES, resolveLinkHref } from '../../extension/checkout/src/kinds/cta-link';
import {
  findTriggerLine,
  lineUnitPrice,
  priceDifference,
  upgradeChange,
  upgradeValue,
} from '../../extension/checkout/src/kinds/upsell-line';
import { stickToOffer } from '../../extension/checkout/src/stick-to-offer';
import { cartLine, crossSellConfig, fakeHost, SPRAY } from './fake-host';

const usd = (amount: number) => ({ amount, currencyCode: 'USD' });
const gid = (n: number) => `gid://shopify/ProductVariant/${n}`;

describe('discountedPrice', () => {
  test('takes a whole percentage off, rounded to the minor unit', () => {
    expect(discountedPrice(usd(1200), { code: 'C', type: 'percentage', value: 15 })).toEqual(
      usd(1020),
    );
    expect(discountedPrice(usd(999), { code: 'C', type: 'percentage', value: 10 })).toEqual(
      usd(899),
    );
  });

  test('takes fixed minor units off each item and never goes below zero', () => {
    expect(discountedPrice(usd(1200), { code: 'C', type: 'fixed', value: 300 })).toEqual(usd(900));
    expect(discountedPrice(usd(1200), { code: 'C', type: 'fixed', value: 5000 })).toEqual(usd(0));
  });

  test('without a discount the price is unchanged', () => {
    expect(discountedPrice(usd(1200), null)).toEqual(usd(1200));
    expect(discountedPrice(usd(1200), undefined)).toEqual(usd(1200));
  });
});

describe('cross-sell products', () => {
  const product = (n: number, title = `P${n}`) => ({ ...SPRAY, variantId: gid(n), title });
  const content = (ids: number[]): PublishedContent['cross_sell'] => ({
    heading: 'h',
    body: '',
    buttonLabel: 'Add',
    products: ids.map(gid),
  });

  test("shows the arm's products in its order, each only while decide lists it as eligible", () => {
    const eligible = [product(3), product(1), product(2)];
    expect(productsToShow(content([1, 2, 3]), eligible).map((p) => p.title)).toEqual([
      'P1',
      'P2',
      'P3',
    ]);
    // Product 2 was added (decide no longer lists it): it leaves the list, the others stay.
    expect(
      productsToShow(content([1, 2, 3]), [product(1), product(3)]).map((p) => p.title),
    ).toEqual(['P1', 'P3']);
    // Another arm's product is eligible but not this arm's to show.
    expect(productsToShow(content([1]), [product(9)])).toEqual([]);
  });

  test('never shows more than three', () => {
    const eligible = [1, 2, 3, 4].map((n) => product(n));
    expect(productsToShow(content([1, 2, 3, 4]), eligible)).toHaveLength(3);
  });

  test('names the variant when it has one', () => {
    expect(productTitle({ ...SPRAY, variantTitle: '250 ml' })).toBe(
      'Water-Repellent Spray — 250 ml',
    );
    expect(productTitle(SPRAY)).toBe('Water-Repellent Spray');
  });
});

describe('upsell line', () => {
  const shoes = cartLine(20071, 1008, 2, 129, {
    attributes: [
      { key: 'engraving', value: 'SR' },
      { key: '_closer_offer', value: 'off_old:treatment' },
    ],
  });
  const socks = cartLine(20012, 1002, 1, 14);

  test('finds the first line holding a trigger variant', () => {
    expect(findTriggerLine([socks, shoes], [gid(20071), gid(20072)])).toBe(shoes);
    expect(findTriggerLine([socks], [gid(20071)])).toBeNull();
    expect(findTriggerLine([socks, shoes], undefined)).toBeNull();
  });

  test('the price difference is per item, from the line total in minor units', () => {
    expect(lineUnitPrice(shoes)).toEqual(usd(12900));
    expect(priceDifference(usd(13700), shoes)).toEqual(usd(800));
    // A discounted replacement can cost less than the item it replaces.
    expect(priceDifference(usd(12000), shoes)).toEqual(usd(-900));
  });

  test('no difference across currencies, where it would be a guess', () => {
    const inEuros = cartLine(20071, 1008, 1, 119, {
      cost: { totalAmount: { amount: 119, currencyCode: 'EUR' } },
    });
    expect(priceDifference(usd(13700), inEuros)).toBeNull();
  });

  test('the change replaces the line in place, keeping its quantity and other attributes', () => {
    expect(upgradeChange(shoes, gid(20072), 'off_up', 'treatment_b')).toEqual({
      type: 'updateCartLine',
      id: shoes.id,
      merchandiseId: gid(20072),
      quantity: 2,
      attributes: [
        { key: '_closer_offer', value: 'off_up:treatment_b' },
        { key: '_closer_from', value: gid(20071) },
        { key: 'engraving', value: 'SR' },
      ],
    });
  });

  test('the add event is worth the difference times the quantity, never less than zero', () => {
    expect(upgradeValue(usd(800), 2)).toBe(1600);
    expect(upgradeValue(usd(-900), 2)).toBe(0);
    expect(upgradeValue(null, 2)).toBeUndefined();
  });
});

describe('cta banner', () => {
  test('every banner icon maps to a Polaris icon checkout has', () => {
    // The list checkout 2026-07 declares (CHECKOUT_AVAILABLE_ICONS in @shopify/ui-extensions).
    const declaration = readFileSync(
      join(
        import.meta.dirname,
        '../../node_modules/@shopify/ui-extensions/build/ts/surfaces/checkout/components/Icon.d.ts',
      ),
      'utf8',
    );
    const list = /CHECKOUT_AVAILABLE_ICONS: readonly \[([^\]]+)\]/.exec(declaration)?.[1] ?? '';
    const available = [...list.matchAll(/"([\w-]+)"/g)].map((m) => m[1]);
    expect(available).toContain('truck');
    for (const icon of CTA_ICONS) expect(available).toContain(CTA_ICON_TYPES[icon]);
  });

  test('shop-relative links open on the storefront; https passes; anything else is dropped', () => {
    const shop = { storefrontUrl: 'https://shop.example', myshopifyDomain: 'x.myshopify.com' };
    expect(resolveLinkHref('/pages/returns', shop)).toBe('https://shop.example/pages/returns');
    expect(resolveLinkHref('/policies/refund-policy', { myshopifyDomain: 'x.myshopify.com' })).toBe(
      'https://x.myshopify.com/policies/refund-policy',
    );
    expect(resolveLinkHref('https://help.example/returns', shop)).toBe(
      'https://help.example/returns',
    );
    for (const bad of ['javascript:alert(1)', 'http://shop.example', '//evil.example/x', 'nope'])
      expect(resolveLinkHref(bad, shop)).toBeNull();
  });
});

describe('applyOfferDiscount', () => {
  test('applies the code with addDiscountCode', async () => {
    const apply = vi.fn(async () => ({ type: 'success' as const }));
    expect(await applyOfferDiscount(fakeHost({ applyDiscountCodeChange: apply }), 'CLOSER-1')).toBe(
      true,
    );
    expect(apply).toHaveBeenCalledWith({ type: 'addDiscountCode', code: 'CLOSER-1' });
  });

  test('a refused, rejected or disallowed code is reported, never thrown', async () => {
    const refused = fakeHost({
      applyDiscountCodeChange: async () => ({ type: 'error', message: 'Invalid code' }),
    });
    expect(await applyOfferDiscount(refused, 'X')).toBe(false);
    const rejected = fakeHost({ applyDiscountCodeChange: () => Promise.reject(new Error('boom')) });
    expect(await applyOfferDiscount(rejected, 'X')).toBe(false);
    const apply = vi.fn(async () => ({ type: 'success' as const }));
    const locked = fakeHost({
      applyDiscountCodeChange: apply,
      instructions: {
        value: {
          lines: { canAddCartLine: true, canUpdateCartLine: true },
          discounts: { canUpdateDiscountCodes: false },
        },
      },
    });
    expect(await applyOfferDiscount(locked, 'X')).toBe(false);
    expect(apply).not.toHaveBeenCalled();
  });
});

describe('stickToOffer', () => {
  const config = crossSellConfig();
  const placement = (id: string): Placement => ({
    offer: { ...config.offers[0]!, id },
    decision: {
      offerId: id,
      experimentKey: 'exp_1',
      products: [],
      inExperiment: true,
      arm: 'treatment',
      holdout: false,
    },
    unit: 'ct_1',
  });

  test('before the buyer acts, the chosen offer shows', () => {
    expect(stickToOffer(placement('a'), undefined)?.offer.id).toBe('a');
  });

  test('after the buyer acted, the slot keeps that offer and does not fall through to another', () => {
    expect(stickToOffer(placement('a'), 'a')?.offer.id).toBe('a');
    expect(stickToOffer(placement('b'), 'a')).toBeNull();
    expect(stickToOffer(null, 'a')).toBeNull();
  });
});
