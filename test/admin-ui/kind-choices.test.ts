import { describe, expect, test } from 'vitest';
import { createTitle, kindChoices } from '../../admin-ui/src/pages/offer-editor/kind-choices.js';
import { KIND_INFO, OFFER_KINDS } from '../../core/offers/catalog.js';

describe('kind picker', () => {
  test('offers one choice per kind, in the catalogue’s order', () => {
    expect(kindChoices().map((choice) => choice.kind)).toEqual([...OFFER_KINDS]);
    expect(kindChoices().map((choice) => choice.label)).toEqual([
      'Cross-sell',
      'Upsell',
      'Trust banner',
      'Hesitation coupon',
      'Exit-intent coupon',
      'Next-order coupon',
    ]);
  });

  test('says what each kind does and where it shows, in the catalogue’s words', () => {
    const upsell = kindChoices().find((choice) => choice.kind === 'upsell');
    expect(upsell).toEqual({
      kind: 'upsell',
      label: 'Upsell',
      summary: KIND_INFO.upsell.summary,
      where: ['Checkout block (placed in the checkout editor)', 'Below the cart lines in checkout'],
    });
    expect(kindChoices().find((choice) => choice.kind === 'next_order_coupon')?.where).toEqual([
      'Thank you page block (placed in the checkout editor)',
    ]);
  });

  test('names the editor after the kind', () => {
    expect(OFFER_KINDS.map(createTitle)).toEqual([
      'Create cross-sell',
      'Create upsell',
      'Create trust banner',
      'Create hesitation coupon',
      'Create exit-intent coupon',
      'Create next-order coupon',
    ]);
  });
});
