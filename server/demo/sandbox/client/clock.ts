import type { HostClock } from '../../../../core/checkout-host';
import type { Store } from './sandbox-types';
import { createStore } from './store';

export interface SandboxClock extends HostClock {
  /** How far the clock is ahead of real time, in ms (the debug panel shows it). */
  offset: Store<number>;
  /** Timers waiting on this clock: a test sees the extension started counting before it advances. */
  pending: Store<number>;
  /** Moves the clock forward: every timer that falls due runs now, in due order. */
  advance(ms: number): void;
}

interface Timer {
  at: number;
  run: () => void;
  cancelReal: () => void;
}

/**
 * The time the sandbox hands the extension (`shopify.clock`, see HostClock): real time plus an
 * offset the debug panel — or a test — advances, so a timer of minutes is checked in no time.
 * Timers also run on their own when real time reaches them, as checkout's would.
 */
export function createSandboxClock(): SandboxClock {
  const offset = createStore(0);
  const pending = createStore(0);
  const timers = new Set<Timer>();
  const now = () => Date.now() + offset.value;
  const count = () => pending.set(timers.size);

  function fire(timer: Timer) {
    if (!timers.delete(timer)) return;
    count();
    timer.cancelReal();
    timer.run();
  }

  return {
    offset,
    pending,
    now,
    after(ms, run) {
      const timer: Timer = { at: now() + Math.max(0, ms), run, cancelReal: () => {} };
      const id = setTimeout(() => fire(timer), Math.max(0, ms));
      timer.cancelReal = () => clearTimeout(id);
      timers.add(timer);
      count();
      return () => {
        timers.delete(timer);
        count();
        timer.cancelReal();
      };
    },
    advance(ms) {
      offset.set(offset.value + Math.max(0, ms));
      const due = [...timers].filter((t) => t.at <= now()).sort((a, b) => a.at - b.at);
      for (const timer of due) fire(timer);
    },
  };
}
