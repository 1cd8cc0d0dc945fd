import type { CheckoutHost } from '../../../core/checkout-host';
import type { PublishedConfig } from '../../../core/decide/index';

/** The app-owned shop metafield the server publishes the offer config to. */
export const CONFIG_KEY = 'closer_config';

let cache: { raw: string; config: PublishedConfig | null } | null = null;

/**
 * The published config from `shopify.appMetafields`, or null when it is missing or unreadable.
 * Shopify re-emits the entries whenever the cart changes, so the parse is cached by raw value.
 */
export function readPublishedConfig(
  entries: CheckoutHost['appMetafields']['value'],
): PublishedConfig | null {
  // Shopify returns app-owned metafields in the `$app` form; the reserved `app--<id>` form is
  // accepted too in case a surface reports the resolved namespace.
  const entry = entries.find(
    (e) =>
      e.metafield.key === CONFIG_KEY &&
      (e.metafield.namespace === '$app' || e.metafield.namespace.startsWith('app--')),
  );
  if (!entry) return null;
  const raw = String(entry.metafield.value);
  if (cache?.raw !== raw) cache = { raw, config: parseConfig(raw) };
  return cache.config;
}

function parseConfig(raw: string): PublishedConfig | null {
  try {
    const value = JSON.parse(raw) as Partial<PublishedConfig> | null;
    // The server validates before publishing; this only guards against a future format or a
    // truncated value, either of which must render nothing rather than throw in checkout.
    return value?.v === 2 && Array.isArray(value.offers) ? (value as PublishedConfig) : null;
  } catch {
    return null;
  }
}
