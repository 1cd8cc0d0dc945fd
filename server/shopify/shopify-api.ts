import '@shopify/shopify-api/adapters/web-api';
import { ApiVersion, LogSeverity, type Shopify, shopifyApi } from '@shopify/shopify-api';
import { setAbstractFetchFunc } from '@shopify/shopify-api/runtime';
import type { Logger } from '../logger.js';
import { fetchInUpstreamAttempt } from './upstream-scope.js';

/** The Admin API version every call is pinned to; extensions declare the same in their toml. */
export const SHOPIFY_API_VERSION = ApiVersion.October26;

// The web-api adapter captures `fetch` when it is imported. Looking it up at call time instead
// lets the in-process emulator (msw, in demo mode and tests) see the library's requests; going
// through the current upstream attempt gives the OAuth calls, which take no signal, a timeout.
setAbstractFetchFunc(fetchInUpstreamAttempt);

export interface ShopifyCredentials {
  apiKey: string;
  apiSecret: string;
  appUrl: string;
  scopes: string[];
}

export type ShopifyApi = Shopify;

export function createShopifyApi(credentials: ShopifyCredentials, logger: Logger): ShopifyApi {
  const appUrl = new URL(credentials.appUrl);
  return shopifyApi({
    apiKey: credentials.apiKey,
    apiSecretKey: credentials.apiSecret,
    scopes: credentials.scopes,
    hostName: appUrl.host,
    hostScheme: appUrl.protocol === 'http:' ? 'http' : 'https',
    apiVersion: SHOPIFY_API_VERSION,
    isEmbeddedApp: true,
    logger: {
      level: LogSeverity.Warning,
      httpRequests: false,
      timestamps: false,
      // The library's own messages can quote a session token; keep only the first line's gist.
      log: async (severity, message) => {
        const text = message.replace(
          /[A-Za-z0-9_-]{20,}\.[A-Za-z0-9_-]{20,}\.[A-Za-z0-9_-]+/g,
          '[jwt]',
        );
        if (severity <= LogSeverity.Error) logger.error('shopify-api', { detail: text });
        else logger.warn('shopify-api', { detail: text });
      },
    },
  });
}
