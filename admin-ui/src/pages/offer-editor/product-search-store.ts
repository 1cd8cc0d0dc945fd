import { signal } from '@preact/signals';
import { useEffect, useMemo } from 'preact/hooks';
import { toErrorMessage } from '../../api/api-error.js';
import { getApiClient } from '../../api/client.js';
import { searchProducts } from '../../api/endpoints.js';
import type { Product } from '../../api/types.js';

export type SearchState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'ready'; products: Product[] }
  | { status: 'error'; message: string };

/** Long enough to skip the keystrokes of a word being typed, short enough to feel live. */
const DEBOUNCE_MS = 250;

export function createProductSearchStore() {
  const query = signal('');
  const state = signal<SearchState>({ status: 'idle' });
  let timer: ReturnType<typeof setTimeout> | undefined;
  let latest = 0;

  async function run(text: string): Promise<void> {
    const ticket = ++latest;
    state.value = { status: 'loading' };
    try {
      const products = await searchProducts(getApiClient(), text.trim());
      // Answers can overtake each other; only the newest query's answer is shown.
      if (ticket === latest) state.value = { status: 'ready', products };
    } catch (error) {
      if (ticket === latest) state.value = { status: 'error', message: toErrorMessage(error) };
    }
  }

  function setQuery(text: string): void {
    query.value = text;
    clearTimeout(timer);
    timer = setTimeout(() => void run(text), DEBOUNCE_MS);
  }

  /** The first focus lists the catalogue, as Shopify's own product picker does. */
  function open(): void {
    if (state.value.status === 'idle') void run(query.value);
  }

  function dispose(): void {
    clearTimeout(timer);
    latest += 1;
  }

  return { query, state, setQuery, open, dispose };
}

export function useProductSearchStore() {
  const store = useMemo(createProductSearchStore, []);
  useEffect(() => store.dispose, [store]);
  return store;
}
