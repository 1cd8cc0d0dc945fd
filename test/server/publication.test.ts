// Publishing under Shopify faults: metafieldsSet fails N times, then succeeds. Whatever the
// action (activate, edit, pause, archive), the database and the checkout config agree at the end,
// and the admin is told the truth in between.
import { HttpResponse, http } from 'msw';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { PublishedConfig } from '../../core/offers/published-config.js';
import { publisherFor } from '../../server/domain/publication.js';
import { adminCall, crossSellInput, type JsonBody, SPRAY } from '../helpers/offers.js';
import { createTestApp, SHOP_A, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await t.install(SHOP_A);
});
beforeEach(() => {
  // Shopify calls fail fast and do not wait; the outbox's own retry is driven by the test.
  t.ctx.shopifyCalls = {
    attemptTimeoutMs: 50,
    maxAttempts: 1,
    sleep: async () => {},
    random: () => 0,
  };
  t.ctx.publishing = { baseDelayMs: 60_000 };
});
afterEach(() => t.network.resetHandlers());
afterAll(() => {
  publisherFor(t.ctx).stop();
  return t.close();
});

type Fault = 'http503' | 'throttled' | 'userError' | 'network';

/** Makes the next `times` metafieldsSet calls fail with `fault`; counts every call. */
function failMetafieldsSet(fault: Fault, times: number) {
  const seen = { calls: 0 };
  t.network.use(
    http.post('https://:shop/admin/api/:version/graphql.json', async ({ request }) => {
      const body = (await request.clone().json()) as { query?: string };
      if (!/mutation CloserMetafieldsSet\b/.test(body.query ?? '')) return undefined;
      seen.calls += 1;
      if (seen.calls > times) return undefined;
      if (fault === 'http503') return new HttpResponse('unavailable', { status: 503 });
      if (fault === 'network') return HttpResponse.error();
      if (fault === 'throttled')
        return HttpResponse.json({
          errors: [{ message: 'Throttled', extensions: { code: 'THROTTLED' } }],
        });
      return HttpResponse.json({
        data: {
          metafieldsSet: {
            metafields: [],
            userErrors: [{ field: ['value'], message: 'Value is invalid', code: 'INVALID' }],
          },
        },
      });
    }),
  );
  return seen;
}

function published(): PublishedConfig | null {
  const metafield = t.emulator.state(SHOP_A).metafields.get('$app.closer_config');
  return metafield ? (JSON.parse(metafield.value) as PublishedConfig) : null;
}

async function dbOffer(id: string): Promise<JsonBody> {
  return (await adminCall(t, SHOP_A, 'GET', `/offers/${id}`)).body.offer;
}

/** What the database says shoppers should see of this offer, and what the config shows. */
async function agree(id: string) {
  const offer = await dbOffer(id);
  const inConfig = published()?.offers.find((o) => o.id === id);
  if (offer.status !== 'active') return inConfig === undefined;
  return (
    inConfig?.experiment.key === offer.experiment.key &&
    JSON.stringify(Object.values(inConfig?.variants ?? {})[0]) === JSON.stringify(offer.variants[0])
  );
}

async function retryUntilDelivered() {
  for (let i = 0; i < 5; i += 1) {
    if ((await publisherFor(t.ctx).deliver(SHOP_A)) !== 'failed') return;
  }
}

async function draftOffer(name: string) {
  return (await adminCall(t, SHOP_A, 'POST', '/offers', crossSellInput({ name }))).body.offer
    .id as string;
}

describe.each<Fault>(['http503', 'throttled', 'userError', 'network'])(
  'metafieldsSet answers %s twice, then succeeds',
  (fault) => {
    test('activate: the admin hears "retrying", then the offer is live and in the config', async () => {
      const id = await draftOffer(`activate ${fault}`);
      failMetafieldsSet(fault, 2);
      const activated = await adminCall(t, SHOP_A, 'POST', `/offers/${id}/activate`);
      expect(activated.status).toBe(200);
      expect(activated.body.offer.status).toBe('active');
      expect(activated.body.offer.publication.state).toBe('retrying');
      expect(activated.body.offer.publication.message).toBeTruthy();
      expect(activated.body.offer.publication.nextAttemptAt).toBeGreaterThan(Date.now());
      expect(published()?.offers.some((o) => o.id === id) ?? false).toBe(false);
      await retryUntilDelivered();
      expect((await dbOffer(id)).publication.state).toBe('live');
      expect(await agree(id)).toBe(true);
    });

    test('edit, pause and archive of an active offer end with database and config in agreement', async () => {
      const id = await draftOffer(`lifecycle ${fault}`);
      await adminCall(t, SHOP_A, 'POST', `/offers/${id}/activate`);
      expect(await agree(id)).toBe(true);

      failMetafieldsSet(fault, 2);
      const edited = await adminCall(t, SHOP_A, 'PATCH', `/offers/${id}`, {
        variants: [{ heading: 'Rain ready', body: '', buttonLabel: 'Add', products: [SPRAY] }],
      });
      expect(edited.status).toBe(200);
      expect(edited.body.offer.publication.state).toBe('retrying');
      expect(await agree(id)).toBe(false);
      await retryUntilDelivered();
      expect(await agree(id)).toBe(true);

      failMetafieldsSet(fault, 2);
      await adminCall(t, SHOP_A, 'POST', `/offers/${id}/pause`);
      expect(published()?.offers.some((o) => o.id === id)).toBe(true);
      await retryUntilDelivered();
      expect(await agree(id)).toBe(true);

      await adminCall(t, SHOP_A, 'POST', `/offers/${id}/activate`);
      failMetafieldsSet(fault, 2);
      await adminCall(t, SHOP_A, 'POST', `/offers/${id}/archive`);
      await retryUntilDelivered();
      expect(await agree(id)).toBe(true);
      expect((await dbOffer(id)).publication.state).toBe('live');
    });
  },
);

describe('nothing changes when a request fails validation', () => {
  test('a rejected edit (unknown product) keeps the offer, its experiment and the config as they were', async () => {
    const id = await draftOffer('rejected edit');
    await adminCall(t, SHOP_A, 'POST', `/offers/${id}/activate`);
    const before = await dbOffer(id);
    const configBefore = JSON.stringify(published());
    const rejected = await adminCall(t, SHOP_A, 'PATCH', `/offers/${id}`, {
      holdout: 0.4,
      variants: [
        {
          heading: 'x',
          body: '',
          buttonLabel: 'Add',
          products: ['gid://shopify/ProductVariant/999999'],
        },
      ],
    });
    expect(rejected.status).toBe(400);
    const after = await dbOffer(id);
    expect(after.version).toBe(before.version);
    expect(after.experiment.key).toBe(before.experiment.key);
    expect(JSON.stringify(published())).toBe(configBefore);
  });

  test('activating past the config size limit answers 422 and leaves the offer a draft', async () => {
    const long = 'y'.repeat(3900);
    const big = crossSellInput({ name: 'Huge', condition: { note: { $ne: long } } });
    const ids: string[] = [];
    for (let i = 0; i < 20; i += 1)
      ids.push((await adminCall(t, SHOP_A, 'POST', '/offers', big)).body.offer.id);
    let refused: JsonBody | null = null;
    for (const id of ids) {
      const res = await adminCall(t, SHOP_A, 'POST', `/offers/${id}/activate`);
      if (res.status !== 200) {
        refused = { id, ...res };
        break;
      }
    }
    expect(refused?.status).toBe(422);
    expect(refused?.body.error.code).toBe('config_too_large');
    expect((await dbOffer(refused?.id)).status).toBe('draft');
    for (const id of ids) await adminCall(t, SHOP_A, 'POST', `/offers/${id}/archive`);
  });
});
