import { describe, expect, test } from 'vitest';
import { crossSellForm } from '../../admin-ui/src/pages/offer-editor/kinds/cross-sell-form.js';
import type { KindForm } from '../../admin-ui/src/pages/offer-editor/kinds/kind-forms.js';
import {
  emptyOfferForm,
  type OfferForm,
  offerToForm,
} from '../../admin-ui/src/pages/offer-editor/offer-form.js';
import {
  collectProductDetails,
  compilePreviewOffer,
  PREVIEW_DISCOUNT_CODE,
  previewSourceOf,
} from '../../admin-ui/src/pages/offer-editor/preview/preview-offer.js';
import type { OfferKind } from '../../core/offers/catalog.js';
import type { OfferInput, ProductDetail } from '../../core/offers/contract.js';
import type { OfferProductSnapshot } from '../../drizzle/schema.js';
import { compileOffer } from '../../server/domain/publish-config.js';
import {
  crossSellInput,
  ctaInput,
  gid,
  hesitationCouponInput,
  offerFrom,
  productDetail,
  upsellInput,
} from './fixtures.js';

/** One saved offer per kind the editor has a fixture for. */
const INPUTS: Partial<Record<OfferKind, () => OfferInput>> = {
  cross_sell: crossSellInput,
  upsell: upsellInput,
  cta: ctaInput,
  hesitation_coupon: hesitationCouponInput,
};

function formOf(input: OfferInput): OfferForm {
  return offerToForm(offerFrom(input), 'USD');
}

function withSpec(form: OfferForm, spec: KindForm): OfferForm {
  return { ...form, spec };
}

/** The gateway's snapshot of a product, as the server stores it beside a saved offer. */
function snapshotOf(detail: ProductDetail): OfferProductSnapshot {
  return {
    ...detail,
    variantTitle: detail.variantTitle === 'Default Title' ? null : detail.variantTitle,
    currencyCode: 'USD',
  };
}

/** What the server publishes for the same input, compiled from the rows it would store. */
function publishedByServer(input: OfferInput) {
  const { name, target, condition, priority, startsAt, endsAt, holdout, ...content } = input;
  const arms = input.variants.map((_, i) => ['treatment', 'treatment_b', 'treatment_c'][i] ?? '');
  return compileOffer(
    {
      shop: 'shop-a.myshopify.com',
      id: 'o1',
      name,
      kind: input.kind,
      target,
      status: 'active',
      content: content as never,
      products: [1, 2, 3, 4, 5].map((n) => snapshotOf(productDetail(n))),
      condition,
      priority,
      startsAt,
      endsAt,
      holdout: holdout ?? 0.1,
      experimentKey: 'exp',
      version: 1,
      discountId: null,
      discountCode: 'CLOSER-CODE',
      publishSeq: 0,
      createdAt: 0,
      updatedAt: 0,
    },
    {
      shop: 'shop-a.myshopify.com',
      key: 'exp',
      offerId: 'o1',
      seed: 'exp',
      holdout: 0.1,
      coverage: 1,
      arms: [
        { key: 'holdout', weight: 0.1, holdout: true },
        ...arms.map((key) => ({ key, weight: 0.9 / arms.length, holdout: false })),
      ],
      startedAt: 0,
      endedAt: null,
    } as never,
  );
}

describe('the preview compiles the form as publishing would', () => {
  for (const [kind, inputOf] of Object.entries(INPUTS)) {
    test(`${kind}: every variant's content, the products, the cart trigger and the discount match what the server publishes`, () => {
      const input = inputOf();
      const { offer, arms } = compilePreviewOffer(previewSourceOf(formOf(input), 'USD'), {
        currency: 'USD',
      });
      const server = publishedByServer(input);
      expect(offer.kind).toBe(kind);
      expect(offer.target).toBe(input.target);
      expect(offer.variants).toEqual(server.variants);
      expect(offer.products).toEqual(server.products);
      expect(offer.requiresInCart).toEqual(server.requiresInCart);
      expect(
        offer.discount ? { type: offer.discount.type, value: offer.discount.value } : null,
      ).toEqual(
        server.discount ? { type: server.discount.type, value: server.discount.value } : null,
      );
      expect(arms).toEqual(Object.keys(server.variants));
    });
  }

  test('cross-sell: the previewed arm is the only one, everyone is in it, no targeting or schedule', () => {
    const { offer } = compilePreviewOffer(previewSourceOf(formOf(crossSellInput()), 'USD'), {
      currency: 'USD',
      arm: 'treatment_b',
    });
    expect(offer.experiment).toEqual({
      key: 'preview',
      seed: 'preview',
      coverage: 1,
      arms: [{ key: 'treatment_b', weight: 1, holdout: false }],
    });
    expect(offer.condition).toBeUndefined();
    expect(offer.startsAt).toBeUndefined();
    expect(offer.variants.treatment_b).toEqual({
      heading: 'Cold feet?',
      body: '',
      buttonLabel: 'Add socks',
      products: [gid(2), gid(3)],
    });
    // A fixed discount of $2.50 off each item, under a stand-in code: nothing is applied.
    expect(offer.discount).toEqual({ code: PREVIEW_DISCOUNT_CODE, type: 'fixed', value: 250 });
  });

  test('cross-sell: a variant that no longer exists falls back to the first', () => {
    const { offer } = compilePreviewOffer(previewSourceOf(formOf(crossSellInput()), 'USD'), {
      currency: 'USD',
      arm: 'treatment_c',
    });
    expect(offer.experiment.arms.map((a) => a.key)).toEqual(['treatment']);
  });

  test('cross-sell: what is typed shows before the contract accepts it; an unreadable discount shows none', () => {
    const empty = emptyOfferForm('cross_sell', 0.1);
    const spec = crossSellForm.empty();
    const typed = withSpec(empty, {
      ...spec,
      variants: [
        { heading: '', body: 'Just typed', buttonLabel: 'Add', products: [productDetail(7)] },
      ],
      discount: { type: 'percentage', value: 'ten' },
    });
    const { offer } = compilePreviewOffer(previewSourceOf(typed, 'USD'), { currency: 'USD' });
    expect(offer.variants.treatment).toEqual({
      heading: '',
      body: 'Just typed',
      buttonLabel: 'Add',
      products: [gid(7)],
    });
    expect(offer.products).toEqual([
      {
        variantId: gid(7),
        productId: 'gid://shopify/Product/7',
        title: 'Product 7',
        variantTitle: null,
        imageUrl: null,
        price: { amount: 7000, currencyCode: 'USD' },
        available: true,
      },
    ]);
    expect(offer.discount).toBeUndefined();
  });

  test('upsell: the triggers wait in the cart and the replacement is the one product; money typed in the shop currency', () => {
    const form = formOf(upsellInput());
    const spec = form.spec;
    if (spec.kind !== 'upsell') throw new Error('not an upsell form');
    const typed = withSpec(form, { ...spec, discount: { type: 'fixed', value: '2.00' } });
    const { offer } = compilePreviewOffer(previewSourceOf(typed, 'USD'), { currency: 'USD' });
    expect(offer.requiresInCart).toEqual([gid(1), gid(2)]);
    expect(offer.products.map((p) => p.variantId)).toEqual([gid(4)]);
    expect(offer.discount).toEqual({ code: PREVIEW_DISCOUNT_CODE, type: 'fixed', value: 200 });
  });

  test('upsell: without a replacement yet, nothing is offered and the triggers still wait', () => {
    const form = emptyOfferForm('upsell', 0.1);
    const spec = form.spec;
    if (spec.kind !== 'upsell') throw new Error('not an upsell form');
    const typed = withSpec(form, { ...spec, triggers: [productDetail(1)] });
    const { offer } = compilePreviewOffer(previewSourceOf(typed, 'USD'), { currency: 'USD' });
    expect(offer.products).toEqual([]);
    expect(offer.requiresInCart).toEqual([gid(1)]);
  });

  test('cta: a link switched off is published as none, its text kept in the form', () => {
    const form = formOf(ctaInput());
    const spec = form.spec;
    if (spec.kind !== 'cta') throw new Error('not a banner form');
    const [first, ...rest] = spec.variants;
    if (!first) throw new Error('no variant');
    const typed = withSpec(form, { ...spec, variants: [{ ...first, hasLink: false }, ...rest] });
    const { offer } = compilePreviewOffer(previewSourceOf(typed, 'USD'), { currency: 'USD' });
    expect(offer.variants.treatment).toEqual({
      heading: 'Free returns',
      body: 'Within 30 days.',
      icon: 'return',
      link: null,
    });
    expect(offer.products).toEqual([]);
    expect(offer.discount).toBeUndefined();
  });
});

describe('the products the form holds', () => {
  test('are found wherever the kind keeps them, once each', () => {
    const found = collectProductDetails({
      kind: 'upsell',
      variants: [{ heading: 'x' }],
      triggers: [productDetail(1), productDetail(2)],
      replacement: productDetail(1),
      discount: { type: 'none', value: '' },
    });
    expect(found.map((d) => d.variantId)).toEqual([gid(1), gid(2)]);
  });
});
