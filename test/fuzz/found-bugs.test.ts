import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { isJsonDeeperThan, MAX_JSON_DEPTH } from '../../server/http/json-depth.js';
import { adminCall, crossSellInput, type JsonBody } from '../helpers/offers.js';
import { createTestApp, SHOP_A, type TestApp } from '../helpers/test-app.js';
import { snapshotStore } from './harness.js';

/**
 * Each defect the hostile-input suite found, pinned by the smallest request that showed it, so a
 * change of seed or generators cannot lose the case.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await t.install(SHOP_A);
});
afterAll(() => t.close());

const nestedArrays = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

describe('deeply nested JSON (found by the fuzzer: POST /api/admin/offers answered 500)', () => {
  test('an offer whose condition nests 20,000 arrays is refused with 400 json_too_deep, storing nothing', async () => {
    const body = JSON.stringify(crossSellInput()).replace(
      '"condition":null',
      `"condition":{"x":${nestedArrays(20_000)}}`,
    );
    const before = await snapshotStore(t);
    const res = await t.app.request('/api/admin/offers', {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${await t.idToken(SHOP_A)}`,
        'Content-Type': 'application/json',
      },
      body,
    });
    expect(res.status).toBe(400);
    const answer = (await res.json()) as JsonBody;
    expect(answer.error.code).toBe('json_too_deep');
    expect(answer.error.requestId).toBe(res.headers.get('x-request-id'));
    expect(await snapshotStore(t)).toEqual(before);
  });

  test('an ordinary condition with a few levels is still accepted', async () => {
    const created = await adminCall(
      t,
      SHOP_A,
      'POST',
      '/offers',
      crossSellInput({ condition: { all: [{ any: [{ cartSubtotalAtLeast: 1000 }] }] } }),
    );
    expect(created.status).toBe(201);
  });

  test.each([
    ['PATCH', '/api/admin/settings', 'admin'],
    ['POST', '/api/checkout/events', 'checkout'],
    ['POST', '/api/pixel/events', 'none'],
  ])('%s %s refuses the same body with 400, not 500', async (method, path, auth) => {
    const headers: Record<string, string> = { 'Content-Type': 'application/json' };
    if (auth === 'admin') headers.Authorization = `Bearer ${await t.idToken(SHOP_A)}`;
    if (auth === 'checkout') headers.Authorization = `Bearer ${await t.checkoutToken(SHOP_A)}`;
    const res = await t.app.request(path, {
      method,
      headers,
      body: `{"events":${nestedArrays(5_000)}}`,
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as JsonBody).error.code).toBe('json_too_deep');
  });

  test('the depth scan counts structure only, not brackets inside strings', () => {
    const inString = JSON.stringify({ text: '['.repeat(1_000), escaped: '\\"[[[[' });
    expect(isJsonDeeperThan(inString)).toBe(false);
    expect(isJsonDeeperThan(nestedArrays(MAX_JSON_DEPTH))).toBe(false);
    expect(isJsonDeeperThan(nestedArrays(MAX_JSON_DEPTH + 1))).toBe(true);
    expect(
      isJsonDeeperThan(`[${'{"a":'.repeat(MAX_JSON_DEPTH)}1${'}'.repeat(MAX_JSON_DEPTH)}]`),
    ).toBe(true);
  });
});
