import { jwtVerify } from 'jose';
import { HttpResponse, http } from 'msw';
import type { ShopLocale } from '../../shopify/admin-gateway.js';
import { DEMO_CATALOG } from '../catalog.js';
import type { AppSecrets } from '../shopify-signatures.js';
import { issueTokens, isTokenValid } from './access-tokens.js';
import { type EmulatedShopState, resolveOperation } from './admin-graphql.js';

/**
 * msw handlers that stand in for Shopify's servers for one or more emulated shops: OAuth token
 * exchange and refresh, and the Admin GraphQL API. Used by demo mode and by the tests.
 */
export interface EmulatorOptions extends AppSecrets {
  shops: { shop: string; name?: string; currencyCode?: string; locales?: ShopLocale[] }[];
  scope?: string;
}

export interface ShopifyEmulator {
  handlers: ReturnType<typeof http.post>[];
  state(shop: string): EmulatedShopState;
  /** Counts requests by kind, so tests can tell whether a token exchange really happened. */
  calls: { tokenExchange: number; refresh: number; graphql: number };
}

const TOKEN_EXCHANGE = 'urn:ietf:params:oauth:grant-type:token-exchange';

/** The demo shop sells in English and French, the two languages the extension is translated to. */
const DEFAULT_LOCALES: ShopLocale[] = [
  { locale: 'en', primary: true, published: true },
  { locale: 'fr', primary: false, published: true },
];

export function createShopifyEmulator(options: EmulatorOptions): ShopifyEmulator {
  const scope =
    options.scope ??
    'read_products,read_orders,write_discounts,read_discounts,write_pixels,read_customer_events,read_locales';
  const shops = new Map<string, EmulatedShopState>(
    options.shops.map((s) => [
      s.shop,
      {
        shop: s.shop,
        name: s.name ?? 'Closer Demo Store',
        currencyCode: s.currencyCode ?? 'USD',
        locales: s.locales ?? DEFAULT_LOCALES,
        products: DEMO_CATALOG,
        metafields: new Map(),
        webPixelSettings: null,
        discounts: new Map(),
      },
    ]),
  );
  const calls = { tokenExchange: 0, refresh: 0, graphql: 0 };
  const oauthError = (error: string, status = 400) => HttpResponse.json({ error }, { status });

  const tokenHandler = http.post(
    'https://:shop/admin/oauth/access_token',
    async ({ request, params }) => {
      const shop = String(params.shop);
      if (!shops.has(shop)) return new HttpResponse('Not Found', { status: 404 });
      const body = (await request.json()) as Record<string, string>;
      if (body.client_id !== options.apiKey || body.client_secret !== options.apiSecret) {
        return oauthError('invalid_client', 401);
      }
      if (body.grant_type === 'refresh_token') {
        calls.refresh += 1;
        if (!isTokenValid(options.apiSecret, shop, 'refresh', body.refresh_token ?? null))
          return oauthError('invalid_grant');
        return HttpResponse.json(issueTokens(options.apiSecret, shop, scope));
      }
      if (body.grant_type !== TOKEN_EXCHANGE) return oauthError('unsupported_grant_type');
      calls.tokenExchange += 1;
      try {
        const { payload } = await jwtVerify(
          body.subject_token ?? '',
          new TextEncoder().encode(options.apiSecret),
          {
            algorithms: ['HS256'],
            audience: options.apiKey,
          },
        );
        if (payload.dest !== `https://${shop}`) return oauthError('invalid_subject_token');
      } catch {
        return oauthError('invalid_subject_token');
      }
      return HttpResponse.json(issueTokens(options.apiSecret, shop, scope));
    },
  );

  const graphqlHandler = http.post(
    'https://:shop/admin/api/:version/graphql.json',
    async ({ request, params }) => {
      const state = shops.get(String(params.shop));
      if (!state) return new HttpResponse('Not Found', { status: 404 });
      calls.graphql += 1;
      if (
        !isTokenValid(
          options.apiSecret,
          state.shop,
          'access',
          request.headers.get('X-Shopify-Access-Token'),
        )
      ) {
        return HttpResponse.json(
          {
            errors: '[API] Invalid API key or access token (unrecognized login or wrong password)',
          },
          { status: 401 },
        );
      }
      const body = (await request.json()) as {
        query?: string;
        variables?: Record<string, unknown>;
      };
      return HttpResponse.json(resolveOperation(state, body.query ?? '', body.variables ?? {}));
    },
  );

  return {
    handlers: [tokenHandler, graphqlHandler],
    calls,
    state(shop) {
      const state = shops.get(shop);
      if (!state) throw new Error(`Unknown emulated shop ${shop}`);
      return state;
    },
  };
}
