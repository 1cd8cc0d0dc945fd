import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { PublishedConfig } from '../../core/decide/index.js';
import { shopGidOf } from '../../server/demo/emulator/admin-graphql.js';
import {
  adminCall,
  CARE_KIT,
  crossSellInput,
  crossSellVariant,
  LACES,
  SPRAY,
  TOTE,
} from '../helpers/offers.js';
import { createTestApp, SHOP_A, SHOP_B, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await t.install(SHOP_A);
  await t.install(SHOP_B);
});
afterAll(() => t.close());

function publishedConfig(shop: string): PublishedConfig | null {
  const metafield = t.emulator.state(shop).metafields.get('$app.closer_config');
  if (!metafield) return null;
  expect(metafield.ownerId).toBe(shopGidOf(shop));
  expect(metafield.type).toBe('json');
  return JSON.parse(metafield.value) as PublishedConfig;
}

describe('offers admin API', () => {
  test('creates a draft cross-sell with a product snapshot and a holdout experiment', async () => {
    const { status, body } = await adminCall(t, SHOP_A, 'POST', '/offers', crossSellInput());
    expect(status).toBe(201);
    expect(body.offer).toMatchObject({
      status: 'draft',
      kind: 'cross_sell',
      holdout: 0.2,
      variants: [{ products: [CARE_KIT] }],
      experiment: { holdout: 0.2, coverage: 1 },
    });
    expect(body.offer.productDetails[0]).toMatchObject({
      title: 'Shoe Care Kit',
      price: 1900,
      available: true,
    });
    expect(body.offer.productDetails[0].imageUrl).toMatch(/^data:image\/svg\+xml/);
  });

  test('uses the shop’s default holdout when none is given', async () => {
    const input = crossSellInput();
    delete (input as Record<string, unknown>).holdout;
    const { body } = await adminCall(t, SHOP_A, 'POST', '/offers', input);
    expect(body.offer.holdout).toBe(0.1);
  });

  test.each([
    [{ variants: [crossSellVariant({ products: [] })] }, 'variants.0.products'],
    [{ variants: [crossSellVariant({ products: [CARE_KIT, CARE_KIT] })] }, 'variants.0.products'],
    [
      { variants: [crossSellVariant({ products: ['gid://shopify/Product/1'] })] },
      'variants.0.products.0',
    ],
    [
      { variants: [crossSellVariant({ products: [CARE_KIT, SPRAY, TOTE, LACES] })] },
      'variants.0.products',
    ],
    [
      {
        variants: [crossSellVariant(), crossSellVariant(), crossSellVariant(), crossSellVariant()],
      },
      'variants',
    ],
    [{ variants: [] }, 'variants'],
    [{ holdout: 0.8 }, 'holdout'],
    [{ target: 'somewhere' }, 'target'],
    [{ variants: [crossSellVariant({ heading: '' })] }, 'variants.0.heading'],
    [{ variants: [crossSellVariant({ heading: 'x'.repeat(81) })] }, 'variants.0.heading'],
    [{ discount: { type: 'percentage', value: 95 } }, 'discount.value'],
    [{ discount: { type: 'fixed', value: 0 } }, 'discount.value'],
    [{ startsAt: 2000, endsAt: 1000 }, 'endsAt'],
    [{ unexpected: true }, 'unexpected'],
    [{ kind: 'coupon' }, 'kind'],
  ])('rejects invalid input %j with a 400 naming the field', async (overrides, field) => {
    const { status, body } = await adminCall(
      t,
      SHOP_A,
      'POST',
      '/offers',
      crossSellInput(overrides),
    );
    expect(status).toBe(400);
    expect(body.error.code).toBe('invalid_offer');
    expect(body.error.message).toContain(field);
  });

  test('rejects a variant the shop does not have', async () => {
    const { status, body } = await adminCall(
      t,
      SHOP_A,
      'POST',
      '/offers',
      crossSellInput({
        variants: [crossSellVariant({ products: ['gid://shopify/ProductVariant/999999'] })],
      }),
    );
    expect(status).toBe(400);
    expect(body.error.code).toBe('unknown_product');
  });

  test('activating publishes the config to the $app shop metafield; pausing removes the offer from it', async () => {
    const { body } = await adminCall(
      t,
      SHOP_A,
      'POST',
      '/offers',
      crossSellInput({ name: 'Published one' }),
    );
    const id = body.offer.id as string;
    expect((await adminCall(t, SHOP_A, 'POST', `/offers/${id}/activate`)).status).toBe(200);
    const config = publishedConfig(SHOP_A);
    const published = config?.offers.find((o) => o.id === id);
    expect(published).toMatchObject({
      kind: 'cross_sell',
      target: 'checkout_block',
      experiment: { key: body.offer.experiment.key, coverage: 1 },
      variants: { treatment: { heading: 'Keep them fresh', products: [CARE_KIT] } },
    });
    expect(published?.experiment.arms).toEqual([
      { key: 'holdout', weight: 0.2, holdout: true },
      { key: 'treatment', weight: 0.8, holdout: false },
    ]);
    expect(published?.products[0]).toMatchObject({
      variantId: CARE_KIT,
      price: { amount: 1900, currencyCode: 'USD' },
    });

    await adminCall(t, SHOP_A, 'POST', `/offers/${id}/pause`);
    expect(publishedConfig(SHOP_A)?.offers.find((o) => o.id === id)).toBeUndefined();
  });

  test('editing an active offer republishes it; changing the holdout starts a new experiment', async () => {
    const { body } = await adminCall(
      t,
      SHOP_A,
      'POST',
      '/offers',
      crossSellInput({ name: 'Editable' }),
    );
    const id = body.offer.id as string;
    await adminCall(t, SHOP_A, 'POST', `/offers/${id}/activate`);
    const edited = await adminCall(t, SHOP_A, 'PATCH', `/offers/${id}`, {
      variants: [{ heading: 'Rain ready', body: '', buttonLabel: 'Add spray', products: [SPRAY] }],
    });
    expect(edited.status).toBe(200);
    expect(edited.body.offer.version).toBe(2);
    expect(edited.body.offer.experiment.key).toBe(body.offer.experiment.key);
    expect(publishedConfig(SHOP_A)?.offers.find((o) => o.id === id)?.products[0]?.variantId).toBe(
      SPRAY,
    );

    const resplit = await adminCall(t, SHOP_A, 'PATCH', `/offers/${id}`, { holdout: 0.5 });
    expect(resplit.body.offer.experiment.key).not.toBe(body.offer.experiment.key);
    expect(
      publishedConfig(SHOP_A)?.offers.find((o) => o.id === id)?.experiment.arms[0]?.weight,
    ).toBe(0.5);
  });

  test('archived offers leave the list and cannot be edited or activated', async () => {
    const { body } = await adminCall(
      t,
      SHOP_A,
      'POST',
      '/offers',
      crossSellInput({ name: 'To archive' }),
    );
    const id = body.offer.id as string;
    await adminCall(t, SHOP_A, 'POST', `/offers/${id}/archive`);
    const list = await adminCall(t, SHOP_A, 'GET', '/offers');
    expect(list.body.offers.map((o: { id: string }) => o.id)).not.toContain(id);
    expect(
      (await adminCall(t, SHOP_A, 'PATCH', `/offers/${id}`, { name: 'x' })).body.error.code,
    ).toBe('offer_archived');
    expect((await adminCall(t, SHOP_A, 'POST', `/offers/${id}/activate`)).body.error.code).toBe(
      'invalid_transition',
    );
  });

  test('another shop can neither see nor change the offer', async () => {
    const { body } = await adminCall(
      t,
      SHOP_A,
      'POST',
      '/offers',
      crossSellInput({ name: 'Private' }),
    );
    const id = body.offer.id as string;
    expect((await adminCall(t, SHOP_B, 'GET', `/offers/${id}`)).status).toBe(404);
    expect((await adminCall(t, SHOP_B, 'POST', `/offers/${id}/activate`)).status).toBe(404);
    expect((await adminCall(t, SHOP_B, 'GET', `/offers/${id}/results`)).status).toBe(404);
    const listB = await adminCall(t, SHOP_B, 'GET', '/offers');
    expect(listB.body.offers).toEqual([]);
  });

  test('product search answers from Admin GraphQL in minor units', async () => {
    const { status, body } = await adminCall(t, SHOP_A, 'GET', '/products?query=care%20kit');
    expect(status).toBe(200);
    expect(body.products.map((p: { title: string }) => p.title)).toEqual(['Shoe Care Kit']);
    expect(body.products[0].variants[0]).toMatchObject({
      id: CARE_KIT,
      price: 1900,
      available: true,
    });
  });
});
