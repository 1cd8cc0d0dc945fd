import type { ShopifyEmulator } from '../emulator/index.js';

/** Where the sandbox gets the config to hand the extension: the raw metafield value, or null. */
export type ReadPublishedConfig = () => Promise<string | null>;

const CONFIG_KEY = 'closer_config';

/**
 * Reads what the server's publish step wrote with `metafieldsSet` into the emulated shop — the
 * same value Shopify would give the extension in `shopify.appMetafields`.
 */
export function readConfigFromEmulator(
  emulator: ShopifyEmulator,
  shop: string,
): ReadPublishedConfig {
  return async () => {
    for (const metafield of emulator.state(shop).metafields.values()) {
      const appOwned = metafield.namespace === '$app' || metafield.namespace.startsWith('app--');
      if (appOwned && metafield.key === CONFIG_KEY) return metafield.value;
    }
    return null;
  };
}
