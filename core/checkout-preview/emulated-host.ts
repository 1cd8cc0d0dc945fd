import type { CheckoutHost, HostCartLine, HostClock, HostMoney, Readable } from '../checkout-host';
import { type Messages, translate } from './messages';

/** The app-owned metafield the extension reads its config from (`$app` / this key). */
const CONFIG_NAMESPACE = '$app';
const CONFIG_KEY = 'closer_config';

/**
 * Everything a checkout host is made of, as plain data. `lines` and `subtotal` are what changes
 * while the buyer is on the page; the caller decides how they are observed (the sandbox hands
 * the shipped bundle Preact signals, the preview re-renders with fresh values).
 */
export interface HostSource {
  /** The shop's myshopify domain; shop-relative banner links resolve against it. */
  shop: string;
  storefrontUrl?: string;
  /** Checkout (presentment) currency, ISO 4217. */
  currency: string;
  /** Buyer language, e.g. `fr` or `fr-CA`. */
  language: string;
  country: string | null;
  /** The raw `$app.closer_config` metafield value, or null when nothing is published. */
  config: string | null;
  lines: Readable<HostCartLine[]>;
  subtotal: Readable<HostMoney>;
  checkoutToken: string | undefined;
  /** False stands for a checkout that refuses line changes (express checkout, draft orders). */
  canChangeLines: boolean;
  target: string;
  scriptUrl: string;
  messages: Messages;
  sessionToken: CheckoutHost['sessionToken'];
  applyCartLinesChange: CheckoutHost['applyCartLinesChange'];
  applyDiscountCodeChange: CheckoutHost['applyDiscountCodeChange'];
  /** The codes applied to the checkout; none when absent. */
  discountCodes?: Readable<{ code: string }[]>;
  /** Shopify's per-checkout storage; kept in memory for this host when absent. */
  storage?: CheckoutHost['storage'];
  /** A clock the caller can advance (the sandbox's); the extension's real clock when absent. */
  clock?: HostClock;
}

/** Storage that lives as long as the host: enough where nothing reloads. */
function memoryStorage(): CheckoutHost['storage'] {
  const values = new Map<string, string>();
  return {
    read: async <T>(key: string) => {
      const value = values.get(key);
      return value === undefined ? null : (JSON.parse(value) as T);
    },
    write: async (key, data) => {
      values.set(key, JSON.stringify(data));
    },
  };
}

/** The `shopify` global of one extension target, built from plain data. */
export function createEmulatedHost(source: HostSource): CheckoutHost {
  const constant = <T>(value: T): Readable<T> => ({ value });
  const { currency, language } = source;
  const configEntries = source.config
    ? [
        {
          target: { type: 'shop' as const, id: 'gid://shopify/Shop/1' },
          metafield: {
            namespace: CONFIG_NAMESPACE,
            key: CONFIG_KEY,
            value: source.config,
            valueType: 'json_string' as const,
            type: 'json',
          },
        },
      ]
    : [];
  return {
    appMetafields: constant(configEntries),
    lines: source.lines,
    cost: { subtotalAmount: source.subtotal },
    localization: {
      currency: constant({ isoCode: currency }),
      language: constant({ isoCode: language }),
      country: constant(source.country ? { isoCode: source.country } : undefined),
    },
    buyerIdentity: { customer: constant<{ id: string } | undefined>(undefined) },
    checkoutToken: constant(source.checkoutToken),
    discountCodes: source.discountCodes ?? constant([]),
    storage: source.storage ?? memoryStorage(),
    ...(source.clock && { clock: source.clock }),
    settings: constant({}),
    instructions: constant({
      lines: { canAddCartLine: source.canChangeLines, canUpdateCartLine: source.canChangeLines },
      discounts: { canUpdateDiscountCodes: true },
    }),
    shop: {
      storefrontUrl: source.storefrontUrl ?? `https://${source.shop}`,
      myshopifyDomain: source.shop,
    },
    extension: { target: source.target, scriptUrl: source.scriptUrl },
    i18n: {
      formatCurrency: (value, options) =>
        new Intl.NumberFormat(language, { style: 'currency', currency, ...options }).format(value),
      translate: ((key: string, replacements?: Record<string, unknown>) =>
        translate(source.messages, key, replacements)) as CheckoutHost['i18n']['translate'],
    },
    sessionToken: source.sessionToken,
    applyCartLinesChange: source.applyCartLinesChange,
    applyDiscountCodeChange: source.applyDiscountCodeChange,
  };
}
