import { describe, expect, test } from 'vitest';
import { buildStorefrontConfig } from '../../core/storefront/build-config.js';
import { sharedCodeFor } from '../../core/storefront/shared-code.js';
import { chooseOffer } from '../../extension/storefront/src/choose-offer.js';
import { couponUrl, discountUrl } from '../../extension/storefront/src/links.js';
import { EXIT_OFFER, visitorIn } from './fixtures.js';

const NOW = 1_700_000_000_000;
const SHOP = 'shop-a.myshopify.com';

describe('the published storefront config', () => {
  test('never carries the code (the page is public), and keeps everything the script needs', () => {
    const config = buildStorefrontConfig(SHOP, [EXIT_OFFER], NOW);
    expect(JSON.stringify(config)).not.toContain(EXIT_OFFER.sharedCode);
    expect(config).toMatchObject({ v: 1, shop: SHOP, publishedAt: NOW });
    const { sharedCode: _code, ...published } = EXIT_OFFER;
    expect(config.offers).toEqual([published]);
  });

  test('orders offers by priority (ties keep their order) and drops ones that cannot show', () => {
    const low = { ...EXIT_OFFER, id: 'low', priority: 0 };
    const high = { ...EXIT_OFFER, id: 'high', priority: 5 };
    const alsoLow = { ...EXIT_OFFER, id: 'also-low', priority: 0 };
    const nowhere = { ...EXIT_OFFER, id: 'nowhere', pages: [] };
    const config = buildStorefrontConfig(SHOP, [low, high, nowhere, alsoLow], NOW);
    expect(config.offers.map((o) => o.id)).toEqual(['high', 'low', 'also-low']);
  });
});

describe('the script and the server decide alike', () => {
  const config = buildStorefrontConfig(SHOP, [EXIT_OFFER], NOW);
  const treatment = visitorIn(EXIT_OFFER.experiment, 'treatment');
  const holdout = visitorIn(EXIT_OFFER.experiment, 'holdout');
  const outside = visitorIn(EXIT_OFFER.experiment, null);

  test('a treatment visitor: the script shows the offer and the server hands out the code', () => {
    expect(chooseOffer(config, 'product', treatment, NOW)?.arm).toMatchObject({
      key: 'treatment',
      holdout: false,
    });
    expect(sharedCodeFor([EXIT_OFFER], EXIT_OFFER.id, treatment, NOW)).toBe('CLOSER-EXIT10');
  });

  test('a holdout visitor is in the experiment but gets no code', () => {
    expect(chooseOffer(config, 'product', holdout, NOW)?.arm.holdout).toBe(true);
    expect(sharedCodeFor([EXIT_OFFER], EXIT_OFFER.id, holdout, NOW)).toBeNull();
  });

  test('outside coverage: no decision (nothing logged, nothing shown) and no code', () => {
    expect(chooseOffer(config, 'product', outside, NOW)).toBeNull();
    expect(sharedCodeFor([EXIT_OFFER], EXIT_OFFER.id, outside, NOW)).toBeNull();
  });

  test('only on the page types the offer names, and only while it is scheduled', () => {
    expect(chooseOffer(config, 'index', treatment, NOW)).toBeNull();
    expect(chooseOffer(config, 'cart', treatment, NOW)).not.toBeNull();
    const later = { ...EXIT_OFFER, startsAt: NOW + 1 };
    const ended = { ...EXIT_OFFER, endsAt: NOW };
    for (const offer of [later, ended]) {
      expect(chooseOffer(buildStorefrontConfig(SHOP, [offer], NOW), 'cart', treatment, NOW)).toBe(
        null,
      );
      expect(sharedCodeFor([offer], offer.id, treatment, NOW)).toBeNull();
    }
  });

  test('an unknown offer id gets no code', () => {
    expect(sharedCodeFor([EXIT_OFFER], 'other-offer', treatment, NOW)).toBeNull();
  });
});

describe('links', () => {
  test('the App Proxy call and the discount link sit under the shop root', () => {
    expect(couponUrl('/', 'exit-10', 'abc123abc')).toBe(
      '/apps/closer/coupon?offer=exit-10&vid=abc123abc',
    );
    expect(discountUrl('/', 'SAVE 10/%')).toBe('/discount/SAVE%2010%2F%25?redirect=/checkout');
  });
});
