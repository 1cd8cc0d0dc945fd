import { describe, expect, test } from 'vitest';
import { exitCouponInputSchema } from '../../core/offers/contract.js';
import { INTENT_SENSITIVITIES, intentSettingsOf } from '../../core/storefront/intent-presets.js';
import { themeEditorLink } from '../../core/storefront/theme-editor-link.js';
import { exitCoupon } from '../../server/domain/offer-kinds/exit-coupon.js';
import { exitCouponInput } from '../helpers/offers.js';

const base = { minTimeOnPageSeconds: 5, idleSeconds: 0, frequencyCapHours: 24 };

describe('sensitivity presets', () => {
  test('higher sensitivity fires on gentler gestures, every threshold alike', () => {
    const [low, medium, high] = INTENT_SENSITIVITIES.map((sensitivity) =>
      intentSettingsOf({ ...base, sensitivity }),
    );
    for (const key of ['exitSpeed', 'scrollUpSpeed', 'minReadDepth', 'tabAwayMs'] as const) {
      expect(low![key]).toBeGreaterThan(medium![key]);
      expect(medium![key]).toBeGreaterThan(high![key]);
    }
  });

  test('the merchant’s seconds and hours become the detector’s milliseconds and hours', () => {
    expect(
      intentSettingsOf({
        sensitivity: 'medium',
        minTimeOnPageSeconds: 8,
        idleSeconds: 30,
        frequencyCapHours: 12,
      }),
    ).toMatchObject({ minTimeOnPageMs: 8000, idleMs: 30_000, frequencyCapHours: 12 });
  });
});

describe('the kind module', () => {
  test('publishes pages, intent and each variant’s copy under its arm key, no code', () => {
    const spec = exitCouponInputSchema.parse(
      exitCouponInput({
        variants: [
          { heading: 'A', body: 'a', buttonLabel: 'Go' },
          { heading: 'B', body: '', buttonLabel: 'Use it' },
        ],
        pages: ['cart'],
      }),
    );
    const published = exitCoupon.storefront?.(spec, ['treatment', 'treatment_b']);
    expect(published).toEqual({
      pages: ['cart'],
      intent: intentSettingsOf(spec.intent),
      variants: {
        treatment: { heading: 'A', body: 'a', buttonLabel: 'Go' },
        treatment_b: { heading: 'B', body: '', buttonLabel: 'Use it' },
      },
    });
    expect(exitCoupon.orderDiscount?.(spec)).toEqual({
      minimumSubtotal: null,
      combinesWith: spec.combinesWith,
      usageLimit: 1,
    });
  });

  test('the contract refuses checkout placements, no page, and the same page twice', () => {
    for (const bad of [
      { target: 'checkout_block' },
      { pages: [] },
      { pages: ['cart', 'cart'] },
      { pages: ['checkout'] },
      {
        intent: {
          sensitivity: 'medium',
          minTimeOnPageSeconds: 5,
          idleSeconds: 0,
          frequencyCapHours: 0,
        },
      },
    ])
      expect(exitCouponInputSchema.safeParse(exitCouponInput(bad)).success).toBe(false);
  });
});

test('the theme editor link opens the app embeds panel with the embed to activate', () => {
  expect(themeEditorLink('demo.myshopify.com', 'abc123')).toBe(
    'https://demo.myshopify.com/admin/themes/current/editor?context=apps&activateAppId=abc123/closer-embed',
  );
});
