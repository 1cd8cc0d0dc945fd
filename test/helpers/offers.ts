import type { TestApp } from './test-app.js';

/**
 * A parsed JSON response body. Tests read deep fields of many different answers and assert on
 * them; a wrong path fails the assertion, which is the type check that matters here.
 */
// biome-ignore lint/suspicious/noExplicitAny: see above
export type JsonBody = Record<string, any>;

export const TOTE = 'gid://shopify/ProductVariant/20001';
export const CARE_KIT = 'gid://shopify/ProductVariant/20081';
export const SPRAY = 'gid://shopify/ProductVariant/20091';

export function crossSellInput(overrides: Record<string, unknown> = {}) {
  return {
    name: 'Protect your new shoes',
    target: 'checkout_block',
    content: { heading: 'Keep them fresh', body: 'Add the care kit', buttonLabel: 'Add' },
    products: [CARE_KIT],
    condition: null,
    priority: 10,
    holdout: 0.2,
    ...overrides,
  };
}

/** Calls the admin API as the embedded admin would, with a fresh id token for the shop. */
export async function adminCall(
  t: TestApp,
  shop: string,
  method: string,
  path: string,
  body?: unknown,
) {
  const res = await t.app.request(`/api/admin${path}`, {
    method,
    headers: {
      Authorization: `Bearer ${await t.idToken(shop)}`,
      'Content-Type': 'application/json',
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json()) as JsonBody };
}
