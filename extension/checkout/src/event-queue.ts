/** One checkout event, as `POST /api/checkout/events` takes it (docs/api.md). */
export type CheckoutEvent = {
  id: string;
  type: 'exposure' | 'impression' | 'click' | 'add' | 'add_error' | 'coupon_apply';
  offerId: string;
  experimentKey: string;
  arm: string;
  unit: string;
  at: number;
  value?: number;
};

/** The server takes at most this many events per request. */
export const MAX_BATCH = 50;

export interface EventQueueOptions {
  send(events: CheckoutEvent[]): Promise<void>;
  /** How long to gather events before sending; exposure, impression and click arrive together. */
  delayMs?: number;
  /** Injectable so tests decide when the timer fires. */
  schedule?(flush: () => void, delayMs: number): void;
}

export interface EventQueue {
  push(event: CheckoutEvent): void;
  /** Sends everything queued now, in batches of at most MAX_BATCH. */
  flush(): void;
}

/**
 * A micro-batching queue. `push` only stores the event and arms one timer, so tracking never
 * waits on the network; `send` failures are the sender's to swallow.
 */
export function createEventQueue(options: EventQueueOptions): EventQueue {
  const delayMs = options.delayMs ?? 300;
  const schedule = options.schedule ?? ((flush, ms) => setTimeout(flush, ms));
  let queued: CheckoutEvent[] = [];
  let armed = false;

  function flush() {
    armed = false;
    while (queued.length > 0) {
      const batch = queued.slice(0, MAX_BATCH);
      queued = queued.slice(MAX_BATCH);
      options.send(batch).catch(() => {});
    }
  }

  return {
    push(event) {
      queued.push(event);
      if (queued.length >= MAX_BATCH) return flush();
      if (!armed) {
        armed = true;
        schedule(flush, delayMs);
      }
    },
    flush,
  };
}
