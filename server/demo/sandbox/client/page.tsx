import { render } from 'preact';
import { CheckoutPage } from './CheckoutPage';
import { createCart } from './cart';
import { formatCartParam, parseCartParam } from './cart-param';
import { createSandboxClock } from './clock';
import {
  type FollowedLink,
  type ObservedEvent,
  SANDBOX_HOST_GLOBAL,
  type SandboxData,
  type SandboxHost,
} from './sandbox-types';
import { createStore } from './store';

/**
 * The sandbox page: the demo checkout the extension frames run in. It owns the cart and exposes
 * it to the frames as `window.closerSandbox`. `?token=` picks the checkout token (the experiment
 * unit), `?cart=` the starting cart (cart-param.ts), `?lang=fr` the buyer language,
 * `?cannotAdd=1` a checkout that refuses line changes, `?refuseCodes=1` one that refuses codes,
 * `?code=SPRING10` a code the buyer arrived with (repeatable), `?customer=` the buyer's customer
 * id (kept across checkouts, so a later order can be the same customer's).
 */
function startSandbox() {
  const data = JSON.parse(
    document.getElementById('sandbox-data')?.textContent ?? '{}',
  ) as SandboxData;
  const params = new URLSearchParams(location.search);
  let token = params.get('token');
  if (!token) {
    token = `sbx-${crypto.randomUUID().slice(0, 13)}`;
    params.set('token', token);
    history.replaceState(null, '', `?${params}`);
  }
  let customerId = params.get('customer') ?? '';
  if (!/^\d{1,15}$/.test(customerId)) {
    customerId = String(100_000 + Math.floor(Math.random() * 900_000_000));
    params.set('customer', customerId);
    history.replaceState(null, '', `?${params}`);
  }
  const canAddCartLine = params.get('cannotAdd') !== '1';
  const refuseCodes = params.get('refuseCodes') === '1';
  let seed = parseCartParam(params.get('cart')) ?? data.initialCart;
  const cart = createCart(
    { ...data, initialCart: seed },
    { canChangeLines: canAddCartLine, refuseCodes, initialCodes: params.getAll('code') },
  );
  const stored = new Map<string, string>();
  const events = createStore<ObservedEvent[]>([]);
  const followedLinks = createStore<FollowedLink[]>([]);
  const host: SandboxHost = {
    data,
    token,
    customerId,
    language: params.get('lang') === 'fr' ? 'fr' : 'en',
    canAddCartLine,
    refuseCodes,
    lines: cart.lines,
    subtotal: cart.subtotal,
    discountCodes: cart.discountCodes,
    followedLinks,
    applyCartLinesChange: cart.applyCartLinesChange,
    applyDiscountCodeChange: cart.applyDiscountCodeChange,
    clock: createSandboxClock(),
    storage: {
      read: async <T,>(key: string) => {
        const value = stored.get(key);
        return value === undefined ? null : (JSON.parse(value) as T);
      },
      write: async (key, value) => {
        stored.set(key, JSON.stringify(value));
      },
    },
    observeEvents: (observed) => events.set([...events.value, ...observed]),
    followLink: (link) => followedLinks.set([...followedLinks.value, link]),
    addToCart(variantId) {
      cart.addVariant(variantId);
      // Written to the URL, so picking another token (a reload) starts from the same cart.
      seed = [...seed, { variantId, quantity: 1 }];
      const url = new URL(location.href);
      url.searchParams.set('cart', formatCartParam(seed));
      history.replaceState(null, '', url.href);
    },
  };
  (window as unknown as Record<string, SandboxHost>)[SANDBOX_HOST_GLOBAL] = host;
  document.documentElement.lang = host.language;
  const root = document.getElementById('app');
  if (root) render(<CheckoutPage host={host} events={events} />, root);
}

startSandbox();
