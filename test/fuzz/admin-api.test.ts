import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { adminCall, crossSellInput, ctaInput, upsellInput } from '../helpers/offers.js';
import { createTestApp, SHOP_A, SHOP_B, type TestApp } from '../helpers/test-app.js';
import { type Answer, check, fuzz, isSuccess, StoreWatch, send } from './harness.js';
import { encodeSegment, hostileBody, hostileSegment, hostileString } from './hostile-values.js';
import { FUZZ_RUNS } from './plan.js';
import { validOfferInput, validOfferPatch, validSettings } from './valid-offers.js';

/**
 * Hostile input to every admin API route (server/routes/admin/*), with real id tokens for two
 * installed shops: each request acts as one shop and may name the other shop's offers and
 * experiments, which must never be read or changed across shops.
 */
let t: TestApp;
let watch: StoreWatch;
const owner = new Map<string, string>();
const offerIds: Record<string, string[]> = { [SHOP_A]: [], [SHOP_B]: [] };
const actionIds: Record<string, string[]> = { [SHOP_A]: [], [SHOP_B]: [] };
const experimentKeys: Record<string, string[]> = { [SHOP_A]: [], [SHOP_B]: [] };

async function createOffer(shop: string, input: Record<string, unknown>, activate: boolean) {
  const created = await adminCall(t, shop, 'POST', '/offers', input);
  if (created.status !== 201) throw new Error(`setup: create ${created.status}`);
  const id: string = created.body.offer.id;
  owner.set(id, shop);
  experimentKeys[shop]?.push(created.body.offer.experiment.key);
  if (activate) {
    const activated = await adminCall(t, shop, 'POST', `/offers/${id}/activate`);
    if (activated.status !== 200) throw new Error(`setup: activate ${activated.status}`);
  }
  return id;
}

beforeAll(async () => {
  t = await createTestApp();
  for (const shop of [SHOP_A, SHOP_B]) {
    await t.install(shop);
    offerIds[shop]?.push(
      await createOffer(shop, crossSellInput(), false),
      await createOffer(shop, upsellInput(), true),
      await createOffer(shop, ctaInput(), true),
    );
    actionIds[shop]?.push(
      await createOffer(shop, crossSellInput({ name: 'Action target 1' }), false),
      await createOffer(shop, ctaInput({ name: 'Action target 2' }), true),
    );
  }
  watch = new StoreWatch(t);
}, 60_000);
afterAll(() => t.close());

const actingShop = fc.constantFrom(SHOP_A, SHOP_A, SHOP_B);

/** An id of the acting shop, of the other shop, or garbage. */
function target(ids: Record<string, string[]>) {
  return fc
    .oneof(
      { weight: 4, arbitrary: fc.nat().map((i) => ({ kind: 'own' as const, i })) },
      { weight: 2, arbitrary: fc.nat().map((i) => ({ kind: 'other' as const, i })) },
      {
        weight: 2,
        arbitrary: hostileSegment.map((segment) => ({ kind: 'hostile' as const, segment })),
      },
    )
    .map((pick) => ({
      resolve(shop: string): { segment: string; foreign: boolean } {
        if (pick.kind === 'hostile') return { segment: pick.segment, foreign: false };
        const from = pick.kind === 'own' ? shop : shop === SHOP_A ? SHOP_B : SHOP_A;
        const list = ids[from] ?? [];
        return { segment: list[pick.i % list.length] as string, foreign: pick.kind === 'other' };
      },
    }));
}

const contentType = fc.constantFrom(
  'application/json',
  'application/json',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  '',
);

async function adminRequest(
  shop: string,
  method: string,
  path: string,
  body?: string,
  type = 'application/json',
): Promise<Answer> {
  const headers: Record<string, string> = { Authorization: `Bearer ${await t.idToken(shop)}` };
  if (type) headers['Content-Type'] = type;
  return send(t, `/api/admin${path}`, {
    method,
    headers,
    ...(body === undefined ? {} : { body }),
  });
}

const runs: Record<string, number> = {};

describe('admin API under hostile input', () => {
  test('POST /offers: 201 stores exactly one offer and experiment, anything else stores nothing', async () => {
    runs.adminCreateOffer = await fuzz(
      'adminCreateOffer',
      fc.record({ shop: actingShop, body: hostileBody(validOfferInput), type: contentType }),
      async ({ shop, body, type }) => {
        const what = `POST /offers as ${shop}`;
        const { answer, grew } = await watch.exchange(what, () =>
          adminRequest(shop, 'POST', '/offers', body, type),
        );
        if (!isSuccess(answer)) return;
        check(answer.status === 201, what, answer, 'a created offer answers 201');
        check(grew('offers') === 1, what, answer, 'exactly one offer row is added');
        check(grew('experiments') === 1, what, answer, 'exactly one experiment row is added');
        const id = (answer.json as { offer?: { id?: unknown } }).offer?.id;
        check(typeof id === 'string', what, answer, 'the answer names the new offer');
        const row = await t.ctx.dbClient.execute({
          sql: 'select shop from offers where id = ?',
          args: [id as string],
        });
        check(row.rows[0]?.[0] === shop, what, answer, 'the offer belongs to the acting shop');
      },
    );
  }, 300_000);

  test('PATCH /offers/:id: another shop’s offer is never changed; an edit keeps the row count', async () => {
    runs.adminPatchOffer = await fuzz(
      'adminPatchOffer',
      fc.record({
        shop: actingShop,
        offer: target(offerIds),
        body: hostileBody(validOfferPatch),
        type: contentType,
      }),
      async ({ shop, offer, body, type }) => {
        const { segment, foreign } = offer.resolve(shop);
        const what = `PATCH /offers/${segment.slice(0, 80)} as ${shop}`;
        const { answer, grew } = await watch.exchange(what, () =>
          adminRequest(shop, 'PATCH', `/offers/${segment}`, body, type),
        );
        if (!isSuccess(answer)) return;
        check(!foreign, what, answer, 'another shop’s offer was edited');
        check(grew('offers') === 0, what, answer, 'an edit adds no offer');
        const edited = (answer.json as { offer?: { id?: unknown } }).offer?.id;
        check(owner.get(String(edited)) === shop, what, answer, 'the edited offer is the shop’s');
      },
    );
  }, 300_000);

  test('POST /offers/:id/:action: only the shop’s own offers change state, to the state asked', async () => {
    const action = fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom('activate', 'pause', 'activate', 'archive') },
      { weight: 1, arbitrary: hostileSegment },
    );
    runs.adminOfferAction = await fuzz(
      'adminOfferAction',
      fc.record({
        shop: actingShop,
        offer: target(actionIds),
        action,
        body: hostileBody(fc.constant({})),
      }),
      async ({ shop, offer, action, body }) => {
        const { segment, foreign } = offer.resolve(shop);
        const what = `POST /offers/${segment.slice(0, 80)}/${action.slice(0, 40)} as ${shop}`;
        const { answer } = await watch.exchange(what, () =>
          adminRequest(shop, 'POST', `/offers/${segment}/${action}`, body),
        );
        if (!isSuccess(answer)) return;
        check(!foreign, what, answer, 'another shop’s offer changed state');
        const expected = { activate: 'active', pause: 'paused', archive: 'archived' }[action];
        const row = await t.ctx.dbClient.execute({
          sql: 'select status from offers where shop = ? and id = ?',
          args: [shop, segment],
        });
        check(row.rows[0]?.[0] === expected, what, answer, `the offer is now ${expected}`);
      },
    );
  }, 300_000);

  test('reads (offer list, offer, results, experiments, shop, dashboard) change nothing and never cross shops', async () => {
    const day = fc.oneof(
      fc.constantFrom('2026-01-01', '2026-02-30', '1970-01-01', '9999-12-31', '2026-1-1'),
      hostileString.map(encodeSegment),
    );
    const read = fc.oneof(
      fc.record({ route: fc.constant('list' as const), status: hostileString }),
      fc.record({
        route: fc.constantFrom('offer' as const, 'results' as const, 'experiments' as const),
        offer: target(offerIds),
      }),
      fc.record({ route: fc.constant('shop' as const) }),
      fc.record({
        route: fc.constant('dashboard' as const),
        from: fc.option(day),
        to: fc.option(day),
      }),
    );
    runs.adminReads = await fuzz(
      'adminReads',
      fc.record({ shop: actingShop, read }),
      async ({ shop, read }) => {
        let path = '/shop';
        let foreign = false;
        if (read.route === 'list') path = `/offers?status=${encodeSegment(read.status)}`;
        if (read.route === 'offer' || read.route === 'results' || read.route === 'experiments') {
          const resolved = read.offer.resolve(shop);
          foreign = resolved.foreign;
          path = `/offers/${resolved.segment}${read.route === 'offer' ? '' : `/${read.route}`}`;
        }
        if (read.route === 'dashboard') {
          const params = [
            read.from === null ? '' : `from=${read.from}`,
            read.to === null ? '' : `to=${read.to}`,
          ];
          path = `/dashboard?${params.filter(Boolean).join('&')}`;
        }
        const what = `GET ${path.slice(0, 120)} as ${shop}`;
        const answer = await watch.read(what, () => adminRequest(shop, 'GET', path));
        if (foreign) check(answer.status === 404, what, answer, 'another shop’s offer is a 404');
      },
    );
  }, 300_000);

  test('PATCH /settings: a refused body changes nothing; an accepted one only the acting shop', async () => {
    runs.adminSettings = await fuzz(
      'adminSettings',
      fc.record({ shop: actingShop, body: hostileBody(validSettings) }),
      async ({ shop, body }) => {
        const other = shop === SHOP_A ? SHOP_B : SHOP_A;
        const otherBefore = await shopRow(other);
        const what = `PATCH /settings as ${shop}`;
        const { answer, grew } = await watch.exchange(what, () =>
          adminRequest(shop, 'PATCH', '/settings', body),
        );
        if (!isSuccess(answer)) return;
        check(grew('shops') === 0, what, answer, 'settings add no shop');
        check(
          (await shopRow(other)) === otherBefore,
          what,
          answer,
          'the other shop’s settings changed',
        );
      },
    );
  }, 300_000);

  test('GET /products: hostile searches reach the emulated Admin API and change nothing', async () => {
    const param = fc.oneof(hostileString.map(encodeSegment), hostileSegment);
    runs.adminProducts = await fuzz(
      'adminProducts',
      fc.record({ shop: actingShop, query: fc.option(param), first: fc.option(param) }),
      async ({ shop, query, first }) => {
        const params = [
          query === null ? '' : `query=${query}`,
          first === null ? '' : `first=${first}`,
        ]
          .filter(Boolean)
          .join('&');
        const what = `GET /products?${params.slice(0, 120)} as ${shop}`;
        await watch.read(what, () => adminRequest(shop, 'GET', `/products?${params}`));
      },
    );
  }, 300_000);

  test('GET /experiments/:key/report: another shop’s experiment is a 404; nothing changes', async () => {
    const queryValue = fc.oneof(
      fc.constantFrom('json', 'csv', 'frequentist', 'bayesian', 'true', 'false'),
      hostileString.map(encodeSegment),
    );
    const query = fc.dictionary(
      fc.constantFrom('format', 'engine', 'sequential', 'alpha', 'format[]', '__proto__'),
      queryValue,
      { maxKeys: 3 },
    );
    runs.adminReports = await fuzz(
      'adminReports',
      fc.record({ shop: actingShop, experiment: target(experimentKeys), query }),
      async ({ shop, experiment, query }) => {
        const { segment, foreign } = experiment.resolve(shop);
        const search = Object.entries(query)
          .map(([k, v]) => `${encodeURIComponent(k)}=${v}`)
          .join('&');
        const path = `/experiments/${segment}/report?${search}`;
        const what = `GET ${path.slice(0, 120)} as ${shop}`;
        const answer = await watch.read(what, () => adminRequest(shop, 'GET', path));
        if (foreign) check(!isSuccess(answer), what, answer, 'another shop’s report was served');
      },
    );
  }, 300_000);

  test('every planned input ran', () => {
    for (const name of [
      'adminCreateOffer',
      'adminPatchOffer',
      'adminOfferAction',
      'adminReads',
      'adminSettings',
      'adminProducts',
      'adminReports',
    ] as const) {
      expect(runs[name], name).toBe(FUZZ_RUNS[name]);
    }
  });
});

async function shopRow(shop: string) {
  const row = await t.ctx.dbClient.execute({
    sql: 'select settings || updated_at from shops where shop = ?',
    args: [shop],
  });
  return row.rows[0]?.[0];
}
