// The editor's save path against the real admin API (real routes, contract, database; Shopify
// emulated by msw): the second and third save of an offer succeed, for every kind, and a stale
// tab is told so instead of overwriting.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type ApiClient, createApiClient } from '../../admin-ui/src/api/client.js';
import { fetchOffer, searchProducts } from '../../admin-ui/src/api/endpoints.js';
import type { CrossSellForm } from '../../admin-ui/src/pages/offer-editor/kinds/cross-sell-form.js';
import {
  createOfferEditorStore,
  type OfferEditorStore,
} from '../../admin-ui/src/pages/offer-editor/offer-editor-store.js';
import { emptyOfferForm, offerToForm } from '../../admin-ui/src/pages/offer-editor/offer-form.js';
import { toProductDetail } from '../../admin-ui/src/pages/offer-editor/product-selection.js';
import { OFFER_KINDS, type OfferKind } from '../../core/offers/catalog.js';
import type { Offer } from '../../core/offers/contract.js';
import {
  adminCall,
  crossSellInput,
  ctaInput,
  exitCouponInput,
  hesitationCouponInput,
  nextOrderCouponInput,
  upsellInput,
} from '../helpers/offers.js';
import { createTestApp, SHOP_A, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
let client: ApiClient;
beforeAll(async () => {
  t = await createTestApp();
  await t.install(SHOP_A);
  client = createApiClient({
    baseUrl: '/api/admin',
    fetch: (input, init) => Promise.resolve(t.app.request(String(input), init)),
    idToken: () => t.idToken(SHOP_A),
  });
});
afterAll(() => t.close());

const INPUTS: Record<OfferKind, () => Record<string, unknown>> = {
  cross_sell: () => crossSellInput({ discount: { type: 'percentage', value: 15 } }),
  upsell: () => upsellInput({ discount: { type: 'fixed', value: 200 } }),
  cta: () => ctaInput(),
  hesitation_coupon: () => hesitationCouponInput(),
  exit_coupon: () => exitCouponInput(),
  next_order_coupon: () => nextOrderCouponInput(),
};

async function existing(kind: OfferKind): Promise<Offer> {
  const created = await adminCall(t, SHOP_A, 'POST', '/offers', INPUTS[kind]());
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body.offer as Offer;
}

function editorFor(offer: Offer): OfferEditorStore {
  return createOfferEditorStore({
    initial: offerToForm(offer, 'USD'),
    offer,
    currency: 'USD',
    client,
  });
}

function setHeading(store: OfferEditorStore, heading: string): void {
  const spec = store.values.value.spec;
  const [first, ...rest] = spec.variants;
  store.updateSpec(
    { ...spec, variants: [{ ...first!, heading }, ...rest] } as typeof spec,
    'variants.0.heading',
  );
}

describe.each(OFFER_KINDS)('editing a %s offer', (kind) => {
  test('saves again and again, each time from the server’s answer', async () => {
    const offer = await existing(kind);
    const store = editorFor(offer);
    expect(store.dirty.value).toBe(false);

    for (const [round, heading] of ['Second save', 'Third save', 'Fourth save'].entries()) {
      setHeading(store, heading);
      store.updateCommon('name', `${kind} round ${round}`);
      expect(store.dirty.value).toBe(true);
      await store.save();
      expect(store.formError.value).toBeNull();
      expect(store.saved.value?.version).toBe(offer.version + round + 1);
      // The form now holds what the server answered, so nothing is left to save.
      expect(store.values.value).toEqual(offerToForm(store.saved.value!, 'USD'));
      expect(store.dirty.value).toBe(false);
      const stored = await fetchOffer(client, offer.id);
      expect(stored.variants[0]?.heading).toBe(heading);
      expect(stored.name).toBe(`${kind} round ${round}`);
    }
  });

  test('activating, then editing the live offer, still saves', async () => {
    const store = editorFor(await existing(kind));
    await store.activate();
    expect(store.saved.value?.status).toBe('active');
    setHeading(store, 'Edited while live');
    await store.save();
    expect(store.formError.value).toBeNull();
    expect((await fetchOffer(client, store.saved.value!.id)).variants[0]?.heading).toBe(
      'Edited while live',
    );
  });
});

describe('the editor', () => {
  test('creates a cross-sell with a product found by search, then edits it', async () => {
    const [product] = await searchProducts(client, 'spray');
    const variant = product?.variants[0];
    if (!product || !variant) throw new Error('the demo catalogue has no spray');
    const form = emptyOfferForm('cross_sell', 0.1);
    form.common.name = 'Rain spray';
    (form.spec as CrossSellForm).variants[0]!.products = [toProductDetail(product, variant)];
    const created: Offer[] = [];
    const store = createOfferEditorStore({
      initial: form,
      offer: null,
      currency: 'USD',
      client,
      onCreated: (offer) => created.push(offer),
    });
    await store.save();
    expect(store.formError.value).toBeNull();
    expect(created.map((offer) => offer.id)).toEqual([store.saved.value?.id]);
    expect(store.saved.value?.kind).toBe('cross_sell');

    setHeading(store, 'Rain is coming');
    await store.save();
    expect(store.formError.value).toBeNull();
    expect(created).toHaveLength(1);
    expect(store.saved.value?.version).toBe(created[0]!.version + 1);
  });

  test('refuses a bad value before asking the server, with the contract’s message', async () => {
    const offer = await existing('cta');
    let invalid = 0;
    const store = createOfferEditorStore({
      initial: offerToForm(offer, 'USD'),
      offer,
      currency: 'USD',
      client,
      onInvalid: () => {
        invalid += 1;
      },
    });
    setHeading(store, 'x'.repeat(81));
    await store.save();
    expect(invalid).toBe(1);
    expect(store.errors.value).toEqual({ 'variants.0.heading': 'Use 80 characters or fewer.' });
    expect((await fetchOffer(client, offer.id)).version).toBe(offer.version);
    // Typing in the field clears its message.
    setHeading(store, 'Short again');
    expect(store.errors.value).toEqual({});
  });

  test('a second tab with a stale version is told, and can continue from the latest', async () => {
    const offer = await existing('upsell');
    const first = editorFor(offer);
    const second = editorFor(offer);
    setHeading(first, 'From the first tab');
    await first.save();
    expect(first.formError.value).toBeNull();

    setHeading(second, 'From the second tab');
    await second.save();
    expect(second.conflict.value).toBe(true);
    expect(second.formError.value).toMatch(/saved somewhere else/);
    expect((await fetchOffer(client, offer.id)).variants[0]?.heading).toBe('From the first tab');

    await second.reloadLatest();
    expect(second.conflict.value).toBe(false);
    expect(second.values.value.spec.variants[0]?.heading).toBe('From the first tab');
    setHeading(second, 'Second tab, after reloading');
    await second.save();
    expect(second.formError.value).toBeNull();
    expect((await fetchOffer(client, offer.id)).variants[0]?.heading).toBe(
      'Second tab, after reloading',
    );
  });
});
