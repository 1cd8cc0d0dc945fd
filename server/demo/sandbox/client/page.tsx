import { render } from 'preact';
import { CheckoutPage } from './CheckoutPage';
import { createCart } from './cart';
import {
  type ObservedEvent,
  SANDBOX_HOST_GLOBAL,
  type SandboxData,
  type SandboxHost,
} from './sandbox-types';
import { createStore } from './store';

/**
 * The sandbox page: the demo checkout the extension frames run in. It owns the cart and exposes
 * it to the frames as `window.closerSandbox`. `?token=` picks the checkout token (the experiment
 * unit), `?lang=fr` the buyer language, `?cannotAdd=1` a checkout that refuses new lines.
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
  const canAddCartLine = params.get('cannotAdd') !== '1';
  const cart = createCart(data, { canAddCartLine });
  const events = createStore<ObservedEvent[]>([]);
  const host: SandboxHost = {
    data,
    token,
    language: params.get('lang') === 'fr' ? 'fr' : 'en',
    canAddCartLine,
    lines: cart.lines,
    subtotal: cart.subtotal,
    applyCartLinesChange: cart.applyCartLinesChange,
    observeEvents: (observed) => events.set([...events.value, ...observed]),
  };
  (window as unknown as Record<string, SandboxHost>)[SANDBOX_HOST_GLOBAL] = host;
  document.documentElement.lang = host.language;
  const root = document.getElementById('app');
  if (root) render(<CheckoutPage host={host} events={events} />, root);
}

startSandbox();
