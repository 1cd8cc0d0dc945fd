import type { CheckoutHost } from '../../../../core/checkout-host';
import type { SandboxHost, Store } from './sandbox-types';
import { type Messages, translate } from './translate';

/** `@shopify/ui-extensions/preact` passes Preact's Signal class to the host at import time. */
type SignalClass = new <T>(value: T) => { value: T };

type ExtensionModule = (...args: unknown[]) => unknown;

export interface EmulatedShopify extends CheckoutHost {
  extend(target: string, run: ExtensionModule): void;
  setSignals(Signal: SignalClass): void;
  /** Runs the module the bundle registered for this frame's target. */
  start(): Promise<void>;
}

interface SessionTokenCache {
  token: string;
  expiresAt: number;
}

/**
 * The `shopify` global of one extension target, over the page's cart. Values are read through
 * Preact signals once the bundle hands over its Signal class (as Shopify's host does), so the
 * extension re-renders when the cart changes.
 */
export function createEmulatedShopify(
  host: SandboxHost,
  target: string,
  messages: Messages,
  scriptUrl: string,
): EmulatedShopify {
  let Signal: SignalClass | null = null;
  const modules = new Map<string, ExtensionModule>();

  function live<T>(source: Store<T>): { readonly value: T } {
    let signal: { value: T } | null = null;
    return {
      get value() {
        if (!signal && Signal) {
          const created = new Signal(source.value);
          source.subscribe((next) => {
            created.value = next;
          });
          signal = created;
        }
        return signal ? signal.value : source.value;
      },
    };
  }
  const constant = <T>(value: T): Store<T> => ({ value, subscribe: () => () => {} });

  let tokenCache: SessionTokenCache | null = null;
  const language = host.language;
  const configEntries = host.data.config
    ? [
        {
          target: { type: 'shop' as const, id: 'gid://shopify/Shop/1' },
          metafield: {
            namespace: '$app',
            key: 'closer_config',
            value: host.data.config,
            valueType: 'json_string' as const,
            type: 'json',
          },
        },
      ]
    : [];

  return {
    appMetafields: live(constant(configEntries)),
    lines: live(host.lines),
    cost: { subtotalAmount: live(host.subtotal) },
    localization: {
      currency: live(constant({ isoCode: host.data.currency })),
      language: live(constant({ isoCode: language })),
      country: live(constant<{ isoCode: string } | undefined>({ isoCode: 'US' })),
    },
    buyerIdentity: { customer: live(constant<{ id: string } | undefined>(undefined)) },
    checkoutToken: live(constant<string | undefined>(host.token)),
    settings: live(constant({})),
    instructions: live(
      constant({
        // Express checkout refuses both; the sandbox's `?cannotAdd=1` stands for it.
        lines: { canAddCartLine: host.canAddCartLine, canUpdateCartLine: host.canAddCartLine },
        discounts: { canUpdateDiscountCodes: true },
      }),
    ),
    shop: { storefrontUrl: `https://${host.data.shop}`, myshopifyDomain: host.data.shop },
    extension: { target, scriptUrl },
    i18n: {
      formatCurrency: (value, options) =>
        new Intl.NumberFormat(language, {
          style: 'currency',
          currency: host.data.currency,
          ...options,
        }).format(value),
      translate: ((key: string, replacements?: Record<string, unknown>) =>
        translate(messages, key, replacements)) as CheckoutHost['i18n']['translate'],
    },
    sessionToken: {
      // Shopify caches the token until shortly before it expires; so does the emulation.
      async get() {
        if (tokenCache && tokenCache.expiresAt - 30 > Date.now() / 1000) return tokenCache.token;
        const res = await fetch('/dev/sandbox/session-token', { cache: 'no-store' });
        tokenCache = (await res.json()) as SessionTokenCache;
        return tokenCache.token;
      },
    },
    applyCartLinesChange: (change) => host.applyCartLinesChange(change),
    applyDiscountCodeChange: (change) => host.applyDiscountCodeChange(change),
    extend(registered, run) {
      modules.set(registered, run);
    },
    setSignals(SignalCtor) {
      Signal = SignalCtor;
    },
    async start() {
      const run = modules.get(target);
      if (!run) throw new Error(`The bundle registered no module for ${target}.`);
      await run();
    },
  };
}
