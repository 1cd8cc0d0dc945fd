// The offer contract through the real admin API, for every kind: what GET returns can be sent
// back unchanged, each field can be edited alone, and a field of another kind is refused by name.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { KIND_INFO, OFFER_KINDS, type OfferKind } from '../../core/offers/catalog.js';
import {
  adminCall,
  CARE_KIT,
  COFFEE_2PACK,
  COFFEE_BAG,
  crossSellInput,
  ctaInput,
  exitCouponInput,
  hesitationCouponInput,
  type JsonBody,
  LACES,
  nextOrderCouponInput,
  SPRAY,
  TOTE,
  upsellInput,
} from '../helpers/offers.js';
import { createTestApp, SHOP_A, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await t.install(SHOP_A);
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

/** One edit per editable field of each kind: the field and a valid new value. */
const EDITS: Record<OfferKind, [string, unknown][]> = {
  cross_sell: [
    [
      'variants',
      [{ heading: 'Rain ready', body: '', buttonLabel: 'Add spray', products: [SPRAY, LACES] }],
    ],
    ['discount', { type: 'fixed', value: 300 }],
  ],
  upsell: [
    ['variants', [{ heading: 'Double up', body: 'Save on the 2-pack', buttonLabel: 'Switch' }]],
    ['triggers', [COFFEE_BAG, TOTE]],
    ['replacement', CARE_KIT],
    ['discount', null],
  ],
  cta: [['variants', [{ heading: 'Secure checkout', body: '', icon: 'lock', link: null }]]],
  hesitation_coupon: [
    ['variants', [{ heading: 'Wait, 15% off', body: '', buttonLabel: 'Use my code' }]],
    ['delaySeconds', 120],
    ['skipIfCodeApplied', false],
    ['discount', { type: 'fixed', value: 500 }],
    ['minimumSubtotal', 5000],
  ],
  exit_coupon: [
    ['variants', [{ heading: 'Leaving? 15% off', body: '', buttonLabel: 'Use my code' }]],
    ['discount', { type: 'fixed', value: 500 }],
    ['codeExpiryHours', 6],
    ['minimumSubtotal', 5000],
    ['combinesWith', { orderDiscounts: true, productDiscounts: false, shippingDiscounts: true }],
    [
      'intent',
      { sensitivity: 'high', minTimeOnPageSeconds: 10, idleSeconds: 60, frequencyCapHours: 72 },
    ],
    ['pages', ['product']],
  ],
  next_order_coupon: [
    ['variants', [{ heading: 'Come back for 15% off', body: '' }]],
    ['discount', { type: 'fixed', value: 500 }],
    ['codeExpiryDays', 60],
    ['outcomeWindowDays', 45],
  ],
};
const COMMON_EDITS: [string, unknown][] = [
  ['name', 'Renamed offer'],
  ['target', 'cart_line_list_after'],
  ['condition', { country: 'CA' }],
  ['priority', 42],
  ['startsAt', 1_000],
  ['endsAt', 4_102_444_800_000],
  ['holdout', 0.3],
];

const SERVER_FIELDS = [
  'version',
  'updatedAt',
  'publication',
  'experiment',
  'productDetails',
  'discountCode',
];
function withoutServerFields(offer: JsonBody) {
  const copy = { ...offer };
  for (const key of SERVER_FIELDS) delete copy[key];
  return copy;
}

async function create(kind: OfferKind, activate: boolean) {
  const { status, body } = await adminCall(t, SHOP_A, 'POST', '/offers', INPUTS[kind]());
  expect(status).toBe(201);
  const id = body.offer.id as string;
  if (activate)
    expect((await adminCall(t, SHOP_A, 'POST', `/offers/${id}/activate`)).status).toBe(200);
  return (await adminCall(t, SHOP_A, 'GET', `/offers/${id}`)).body.offer as JsonBody;
}

describe.each(OFFER_KINDS)('%s offers', (kind) => {
  test('PATCH with exactly what GET returned answers 200 and changes nothing', async () => {
    const read = await create(kind, true);
    const patched = await adminCall(t, SHOP_A, 'PATCH', `/offers/${read.id}`, read);
    expect(patched.status).toBe(200);
    expect(withoutServerFields(patched.body.offer)).toEqual(withoutServerFields(read));
    expect(patched.body.offer.experiment.key).toBe(read.experiment.key);
    const again = (await adminCall(t, SHOP_A, 'GET', `/offers/${read.id}`)).body.offer;
    expect(withoutServerFields(again)).toEqual(withoutServerFields(read));
    expect(again.publication.state).toBe('live');
  });

  // A kind with one placement (the storefront's embed) can only be "edited" to it.
  const commonEdits = COMMON_EDITS.map(([field, value]): [string, unknown] =>
    field === 'target' && !KIND_INFO[kind].targets.includes(value as never)
      ? [field, KIND_INFO[kind].targets.at(-1)]
      : [field, value],
  );
  test.each([...commonEdits, ...(EDITS[kind] ?? [])])(
    'editing %s alone changes only it, again and again',
    async (field, value) => {
      const read = await create(kind, true);
      const first = await adminCall(t, SHOP_A, 'PATCH', `/offers/${read.id}`, {
        [field]: value,
        version: read.version,
      });
      expect(first.status, JSON.stringify(first.body)).toBe(200);
      expect(first.body.offer[field]).toEqual(value);
      expect(withoutServerFields({ ...first.body.offer, [field]: read[field] })).toEqual(
        withoutServerFields(read),
      );
      // The second save of the same offer (the wave-1 editor failed exactly here).
      const second = await adminCall(t, SHOP_A, 'PATCH', `/offers/${read.id}`, {
        ...first.body.offer,
        name: 'Saved twice',
      });
      expect(second.status, JSON.stringify(second.body)).toBe(200);
      expect(second.body.offer.name).toBe('Saved twice');
      expect(second.body.offer.version).toBe(read.version + 2);
    },
  );

  test('a field of another kind is refused with a 400 naming it', async () => {
    const read = await create(kind, false);
    const foreign = kind === 'cta' ? { triggers: [COFFEE_BAG] } : { icon: 'star' };
    const field = Object.keys(foreign)[0] as string;
    const patched = await adminCall(t, SHOP_A, 'PATCH', `/offers/${read.id}`, foreign);
    expect(patched.status).toBe(400);
    expect(patched.body.error.message).toContain(field);
    const created = await adminCall(t, SHOP_A, 'POST', '/offers', {
      ...INPUTS[kind](),
      ...foreign,
    });
    expect(created.status).toBe(400);
    expect(created.body.error.message).toContain(field);
    expect((await adminCall(t, SHOP_A, 'GET', `/offers/${read.id}`)).body.offer.version).toBe(
      read.version,
    );
  });

  test('a stale version is refused with 409 and a different kind with 400', async () => {
    const read = await create(kind, false);
    await adminCall(t, SHOP_A, 'PATCH', `/offers/${read.id}`, { name: 'First tab' });
    const stale = await adminCall(t, SHOP_A, 'PATCH', `/offers/${read.id}`, {
      name: 'Second tab',
      version: read.version,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('version_conflict');
    const otherKind = kind === 'cta' ? 'cross_sell' : 'cta';
    const rekind = await adminCall(t, SHOP_A, 'PATCH', `/offers/${read.id}`, { kind: otherKind });
    expect(rekind.status).toBe(400);
    expect(rekind.body.error.message).toContain('kind');
  });
});

describe('kind-specific rules', () => {
  test('an upsell cannot offer one of its own triggers', async () => {
    const { status, body } = await adminCall(
      t,
      SHOP_A,
      'POST',
      '/offers',
      upsellInput({ replacement: COFFEE_BAG }),
    );
    expect(status).toBe(400);
    expect(body.error.message).toMatch(/^replacement:/);
  });

  test.each(['javascript:alert(1)', 'http://example.com', '//evil.example', 'https://', 'ftp://x'])(
    'a banner link %s is refused',
    async (url) => {
      const input = ctaInput({
        variants: [{ heading: 'Hi', body: '', icon: 'star', link: { url, label: 'Go' } }],
      });
      const { status, body } = await adminCall(t, SHOP_A, 'POST', '/offers', input);
      expect(status).toBe(400);
      expect(body.error.message).toMatch(/^variants\.0\.link\.url:/);
    },
  );

  test('a discounted offer creates its Shopify code discount limited to the offered variants', async () => {
    const { body } = await adminCall(
      t,
      SHOP_A,
      'POST',
      '/offers',
      upsellInput({ discount: { type: 'percentage', value: 10 } }),
    );
    const code = body.offer.discountCode as string;
    expect(code).toMatch(/^CLOSER-[A-Z0-9]{10}$/);
    const discounts = [...t.emulator.state(SHOP_A).discounts.values()];
    expect(discounts.find((d) => d.code === code)).toMatchObject({
      variantIds: [COFFEE_2PACK],
      percentage: 0.1,
    });
    await adminCall(t, SHOP_A, 'PATCH', `/offers/${body.offer.id}`, {
      discount: { type: 'fixed', value: 250 },
    });
    expect(
      [...t.emulator.state(SHOP_A).discounts.values()].find((d) => d.code === code),
    ).toMatchObject({
      amountPerItem: '2.50',
      percentage: null,
    });
    await adminCall(t, SHOP_A, 'POST', `/offers/${body.offer.id}/archive`);
    expect(
      [...t.emulator.state(SHOP_A).discounts.values()].find((d) => d.code === code),
    ).toBeUndefined();
  });

  test('two content variants split the non-holdout share and publish one content per arm', async () => {
    const input = crossSellInput({
      variants: [
        { heading: 'A', body: '', buttonLabel: 'Add', products: [CARE_KIT] },
        { heading: 'B', body: '', buttonLabel: 'Add', products: [SPRAY, LACES] },
      ],
      holdout: 0.2,
    });
    const { body } = await adminCall(t, SHOP_A, 'POST', '/offers', input);
    expect(body.offer.experiment.arms).toEqual([
      { key: 'holdout', weight: 0.2, holdout: true },
      { key: 'treatment', weight: 0.4, holdout: false },
      { key: 'treatment_b', weight: 0.4, holdout: false },
    ]);
    await adminCall(t, SHOP_A, 'POST', `/offers/${body.offer.id}/activate`);
    const config = JSON.parse(
      t.emulator.state(SHOP_A).metafields.get('$app.closer_config')?.value ?? '{}',
    );
    const published = config.offers.find((o: { id: string }) => o.id === body.offer.id);
    expect(published.variants.treatment_b).toMatchObject({
      heading: 'B',
      products: [SPRAY, LACES],
    });
    expect(published.products.map((p: { variantId: string }) => p.variantId)).toEqual([
      CARE_KIT,
      SPRAY,
      LACES,
    ]);
  });
});
