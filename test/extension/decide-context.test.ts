import { describe, expect, test } from 'vitest';
import { decideOffers } from '../../core/decide/index';
import { chooseOffer } from '../../extension/checkout/src/choose-offer';
import { buildDecideContext } from '../../extension/checkout/src/decide-context';
import { canRender } from '../../extension/checkout/src/kinds/index';
import { readPublishedConfig } from '../../extension/checkout/src/read-config';
import { cartLine, configEntry, crossSellConfig, fakeHost, upsellConfig } from './fake-host';

const NOW = Date.UTC(2026, 10, 20, 15, 30);

/** The first of `unit-0`, `unit-1`, … that decide puts in the wanted arm. */
function unitIn(arm: 'holdout' | 'treatment') {
  const config = crossSellConfig();
  const context = buildDecideContext(fakeHost(), NOW);
  for (let i = 0; ; i++) {
    const [decision] = decideOffers(config, context, `unit-${i}`);
    if (decision?.arm === arm) return `unit-${i}`;
  }
}

describe('buildDecideContext', () => {
  test('maps checkout lines, money, localization and buyer to the decide context', () => {
    const context = buildDecideContext(fakeHost(), NOW);
    expect(context).toEqual({
      cartLines: [
        {
          variantId: 'gid://shopify/ProductVariant/20071',
          productId: 'gid://shopify/Product/1008',
          quantity: 2,
        },
        {
          variantId: 'gid://shopify/ProductVariant/20041',
          productId: 'gid://shopify/Product/1005',
          quantity: 1,
        },
      ],
      subtotal: 28850,
      currency: 'USD',
      country: 'CA',
      locale: 'en-CA',
      loggedIn: false,
      customerTags: [],
      now: NOW,
    });
  });

  test('uses the currency digits of the checkout currency for the subtotal', () => {
    const host = fakeHost({
      cost: { subtotalAmount: { value: { amount: 4500, currencyCode: 'JPY' } } },
    });
    expect(buildDecideContext(host, NOW)).toMatchObject({ subtotal: 4500, currency: 'JPY' });
  });

  test('falls back to the shipping country and sees a signed-in customer', () => {
    const host = fakeHost({
      localization: {
        currency: { value: { isoCode: 'EUR' } },
        language: { value: { isoCode: 'fr' } },
        country: { value: undefined },
      },
      shippingAddress: { value: { countryCode: 'FR' } },
      buyerIdentity: { customer: { value: { id: 'gid://shopify/Customer/1' } } },
    });
    expect(buildDecideContext(host, NOW)).toMatchObject({
      country: 'FR',
      loggedIn: true,
      locale: 'fr',
    });
  });
});

describe('readPublishedConfig', () => {
  test('reads the $app closer_config metafield and ignores others', () => {
    const config = crossSellConfig();
    const entries = [
      { metafield: { namespace: 'custom', key: 'closer_config', value: '{}' } },
      configEntry(config),
    ];
    expect(readPublishedConfig(entries)).toEqual(config);
  });

  test('renders nothing for a missing, malformed or future-version config', () => {
    expect(readPublishedConfig([])).toBeNull();
    expect(readPublishedConfig([configEntry('{not json')])).toBeNull();
    expect(readPublishedConfig([configEntry(JSON.stringify({ v: 1, offers: [] }))])).toBeNull();
    expect(readPublishedConfig([configEntry(JSON.stringify({ v: 3, offers: [] }))])).toBeNull();
  });
});

describe('chooseOffer', () => {
  const context = buildDecideContext(fakeHost(), NOW);
  const every = { canRender };

  test('a treatment unit gets the offer with its eligible products', () => {
    const placement = chooseOffer(
      crossSellConfig(),
      context,
      unitIn('treatment'),
      'checkout_block',
      every,
    );
    expect(placement?.decision).toMatchObject({ arm: 'treatment', holdout: false });
    expect(placement?.offer.id).toBe('off_1');
    expect(placement?.decision.products.map((p) => p.title)).toEqual(['Water-Repellent Spray']);
  });

  test('a holdout unit gets a holdout placement (logged, not rendered)', () => {
    const placement = chooseOffer(
      crossSellConfig(),
      context,
      unitIn('holdout'),
      'checkout_block',
      every,
    );
    expect(placement?.decision).toMatchObject({ arm: 'holdout', holdout: true });
  });

  test('other placements, other offer ids and kinds without a renderer are not chosen', () => {
    const unit = unitIn('treatment');
    expect(chooseOffer(crossSellConfig(), context, unit, 'cart_line_list_after', every)).toBeNull();
    expect(
      chooseOffer(crossSellConfig(), context, unit, 'checkout_block', {
        ...every,
        onlyOfferId: 'off_other',
      }),
    ).toBeNull();
    // A config newer than the bundle may name a kind this build cannot draw.
    const future = crossSellConfig({ kind: 'coupon' as 'cross_sell' });
    expect(chooseOffer(future, context, unit, 'checkout_block', every)).toBeNull();
    expect(
      chooseOffer(crossSellConfig(), context, unit, 'checkout_block', { canRender: () => false }),
    ).toBeNull();
  });

  test('every kind of the catalogue has a renderer, and nothing else does', () => {
    expect(['cross_sell', 'upsell', 'cta'].every(canRender)).toBe(true);
    expect(['coupon', 'toString', 'constructor', ''].some(canRender)).toBe(false);
  });

  test('an upsell is chosen only while its trigger variant is in the cart', () => {
    const unit = unitIn('treatment');
    const withTrigger = chooseOffer(upsellConfig(), context, unit, 'checkout_block', every);
    expect(withTrigger?.offer.kind).toBe('upsell');
    const without = fakeHost({ lines: { value: [cartLine(20041, 1005, 1, 30)] } });
    expect(
      chooseOffer(upsellConfig(), buildDecideContext(without, NOW), unit, 'checkout_block', every),
    ).toBeNull();
  });

  test('an offer whose only product is already in the cart is not chosen', () => {
    const inCart = fakeHost({ lines: { value: [cartLine(20091, 1010, 1, 12)] } });
    const placement = chooseOffer(
      crossSellConfig(),
      buildDecideContext(inCart, NOW),
      unitIn('treatment'),
      'checkout_block',
      every,
    );
    expect(placement).toBeNull();
  });

  test('outside coverage nothing is chosen', () => {
    const config = crossSellConfig();
    const offer = config.offers[0]!;
    offer.experiment.coverage = 0;
    expect(chooseOffer(config, context, unitIn('treatment'), 'checkout_block', every)).toBeNull();
  });
});
