import { useSignal } from '@preact/signals';
import { useEffect, useState } from 'preact/hooks';
import { toErrorMessage } from '../api/api-error.js';

/** Server data as a page sees it: loading, there, or failed with a message to show. */
export type Resource<T> =
  | { status: 'loading' }
  | { status: 'ready'; data: T }
  | { status: 'error'; message: string };

export interface ResourceHandle<T> {
  state: Resource<T>;
  reload(): void;
}

/**
 * Loads data for one page instance whenever `key` changes. Answers that arrive after the key
 * moved on are dropped, so a fast click from one offer to another never shows the first offer.
 */
export function useResource<T>(key: string, load: () => Promise<T>): ResourceHandle<T> {
  const state = useSignal<Resource<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  // `key` names what `load` fetches: a new `load` closure on every render must not refetch.
  useEffect(() => {
    let current = true;
    state.value = { status: 'loading' };
    load().then(
      (data) => {
        if (current) state.value = { status: 'ready', data };
      },
      (error: unknown) => {
        if (current) state.value = { status: 'error', message: toErrorMessage(error) };
      },
    );
    return () => {
      current = false;
    };
  }, [key, attempt]);
  return { state: state.value, reload: () => setAttempt((value) => value + 1) };
}
