import type { CheckoutHost, Readable } from '../../../../core/checkout-host';
import { createEmulatedHost } from '../../../../core/checkout-preview/emulated-host';
import type { Messages } from '../../../../core/checkout-preview/messages';
import type { SandboxHost, Store } from './sandbox-types';

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
 * The `shopify` global of one extension target, over the page's cart: the shared emulated host
 * (core/checkout-preview) plus what only a bundle needs — `extend`, and the cart read through
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

  function live<S, T = S>(
    source: Store<S>,
    map: (value: S) => T = (value) => value as unknown as T,
  ): Readable<T> {
    let signal: { value: T } | null = null;
    return {
      get value() {
        if (!signal && Signal) {
          const created = new Signal(map(source.value));
          source.subscribe((next) => {
            created.value = map(next);
          });
          signal = created;
        }
        return signal ? signal.value : map(source.value);
      },
    };
  }

  let tokenCache: SessionTokenCache | null = null;
  const emulated = createEmulatedHost({
    shop: host.data.shop,
    currency: host.data.currency,
    language: host.language,
    country: 'US',
    config: host.data.config,
    lines: live(host.lines),
    subtotal: live(host.subtotal),
    checkoutToken: host.token,
    // Express checkout refuses both; the sandbox's `?cannotAdd=1` stands for it.
    canChangeLines: host.canAddCartLine,
    target,
    scriptUrl,
    messages,
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
    discountCodes: live(host.discountCodes, (codes) => codes.map((code) => ({ code }))),
    storage: host.storage,
    clock: host.clock,
  });

  // Signed in as the sandbox's customer: the Thank you block's unit (needs protected customer
  // data access on a real shop).
  const customer = { id: `gid://shopify/Customer/${host.customerId}` };
  return {
    ...emulated,
    buyerIdentity: { customer: { value: customer } },
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
