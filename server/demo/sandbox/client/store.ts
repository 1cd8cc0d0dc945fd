import type { Store } from './sandbox-types';

export interface WritableStore<T> extends Store<T> {
  set(value: T): void;
}

/** A minimal observable value; the frames turn it into Preact signals for the extension. */
export function createStore<T>(initial: T): WritableStore<T> {
  let value = initial;
  const listeners = new Set<(value: T) => void>();
  return {
    get value() {
      return value;
    },
    set(next) {
      value = next;
      for (const listener of listeners) listener(next);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** A store computed from another; it follows the source for the life of the page. */
export function deriveStore<S, T>(source: Store<S>, compute: (value: S) => T): Store<T> {
  const derived = createStore(compute(source.value));
  source.subscribe((value) => derived.set(compute(value)));
  return derived;
}
