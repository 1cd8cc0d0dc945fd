import { describe, expect, test, vi } from 'vitest';
import type { Placement } from '../../extension/checkout/src/choose-offer';
import {
  type CheckoutEvent,
  createEventQueue,
  MAX_BATCH,
} from '../../extension/checkout/src/event-queue';
import { createEventSender } from '../../extension/checkout/src/send-events';
import { createTracker, newEventId } from '../../extension/checkout/src/tracker';

function event(i: number): CheckoutEvent {
  return {
    id: `evt-0000-${i}`,
    type: 'impression',
    offerId: 'off_1',
    experimentKey: 'exp_1',
    arm: 'treatment',
    unit: 'ct_1',
    at: i,
  };
}

/** A scheduler the test fires by hand, so no assertion depends on time passing. */
function manualTimer() {
  const pending: (() => void)[] = [];
  return {
    schedule: (flush: () => void) => void pending.push(flush),
    fire: () => {
      for (const flush of pending.splice(0)) flush();
    },
    get armed() {
      return pending.length;
    },
  };
}

describe('event queue', () => {
  test('gathers events until the timer fires, then sends them in one batch', () => {
    const timer = manualTimer();
    const send = vi.fn(async (_events: CheckoutEvent[]) => {});
    const queue = createEventQueue({ send, schedule: timer.schedule });
    queue.push(event(1));
    queue.push(event(2));
    queue.push(event(3));
    expect(send).not.toHaveBeenCalled();
    expect(timer.armed).toBe(1);
    timer.fire();
    expect(send).toHaveBeenCalledTimes(1);
    expect(send.mock.calls[0]?.[0].map((e) => e.at)).toEqual([1, 2, 3]);
  });

  test('never sends more than the server takes in one request', () => {
    const timer = manualTimer();
    const batches: number[] = [];
    const queue = createEventQueue({
      send: async (events) => void batches.push(events.length),
      schedule: timer.schedule,
    });
    for (let i = 0; i < MAX_BATCH * 2 + 20; i++) queue.push(event(i));
    timer.fire();
    expect(batches).toEqual([MAX_BATCH, MAX_BATCH, 20]);
  });

  test('flush sends at once (page hide) and a failing send is swallowed', async () => {
    const timer = manualTimer();
    const send = vi.fn(async () => {
      throw new Error('offline');
    });
    const queue = createEventQueue({ send, schedule: timer.schedule });
    queue.push(event(1));
    expect(() => queue.flush()).not.toThrow();
    expect(send).toHaveBeenCalledTimes(1);
    timer.fire();
    expect(send).toHaveBeenCalledTimes(1);
  });
});

describe('event sender', () => {
  test('posts the batch with keepalive and the session token as a Bearer token', async () => {
    const fetchImpl = vi.fn(
      async (_url: string, _init: RequestInit) => new Response(null, { status: 202 }),
    );
    const send = createEventSender(
      { get: async () => 'tok' },
      'https://app.test/api/checkout/events',
      fetchImpl,
    );
    await send([event(1)]);
    const [url, init] = fetchImpl.mock.calls[0]!;
    expect(url).toBe('https://app.test/api/checkout/events');
    expect(init).toMatchObject({ method: 'POST', keepalive: true });
    expect(new Headers(init.headers).get('authorization')).toBe('Bearer tok');
    expect(JSON.parse(String(init.body))).toEqual({ events: [event(1)] });
  });

  test('reuses a recent session token, so a flush at page hide sends without a round trip', async () => {
    const get = vi.fn(async () => 'tok');
    const fetchImpl = vi.fn(async () => new Response(null, { status: 202 }));
    const send = createEventSender({ get }, 'https://x', fetchImpl);
    await send([event(1)]);
    const pending = send([event(2)]);
    // Issued before the caller yields: a page-hide handler's request leaves with the page.
    expect(fetchImpl).toHaveBeenCalledTimes(2);
    await pending;
    expect(get).toHaveBeenCalledTimes(1);
  });

  test('asks for a new token after a failure', async () => {
    const get = vi.fn().mockRejectedValueOnce(new Error('no token')).mockResolvedValue('tok');
    const fetchImpl = vi.fn(async () => new Response(null, { status: 202 }));
    const send = createEventSender({ get }, 'https://x', fetchImpl);
    await send([event(1)]);
    await send([event(2)]);
    expect(get).toHaveBeenCalledTimes(2);
    expect(fetchImpl).toHaveBeenCalledTimes(1);
  });

  test('swallows token and network failures', async () => {
    const failingToken = createEventSender(
      { get: () => Promise.reject(new Error('no token')) },
      'https://x',
      vi.fn(),
    );
    await expect(failingToken([event(1)])).resolves.toBeUndefined();
    const failingFetch = createEventSender(
      { get: async () => 't' },
      'https://x',
      () => Promise.reject(new TypeError('Failed to fetch')),
      async () => {},
    );
    await expect(failingFetch([event(1)])).resolves.toBeUndefined();
  });

  /** A sender whose fetch answers with `statuses` in turn, recording every body and wait. */
  function scripted(statuses: (number | 'network' | [number, string])[]) {
    const bodies: string[] = [];
    const waits: number[] = [];
    const fetchImpl = vi.fn(async (_url: string, init: RequestInit) => {
      bodies.push(String(init.body));
      const next = statuses.shift() ?? 202;
      if (next === 'network') throw new TypeError('Failed to fetch');
      const [status, retryAfter] = Array.isArray(next) ? next : [next, null];
      return new Response(null, {
        status,
        headers: retryAfter ? { 'Retry-After': retryAfter } : {},
      });
    });
    const send = createEventSender({ get: async () => 't' }, 'https://x', fetchImpl, async (ms) => {
      waits.push(ms);
    });
    return { send, bodies, waits };
  }

  test('a batch the server could not take now (503, 429, no answer) is sent again, the same ids', async () => {
    const { send, bodies, waits } = scripted([503, 'network', 202]);
    await send([event(1), event(2)]);
    expect(bodies).toHaveLength(3);
    expect(new Set(bodies).size).toBe(1);
    // Doubling backoff with jitter: 0.5–1 s, then 1–2 s.
    expect(waits[0]).toBeGreaterThanOrEqual(500);
    expect(waits[0]).toBeLessThanOrEqual(1000);
    expect(waits[1]).toBeGreaterThanOrEqual(1000);
    expect(waits[1]).toBeLessThanOrEqual(2000);
  });

  test('Retry-After is honoured, up to 30 s', async () => {
    const honoured = scripted([[429, '7'], 202]);
    await honoured.send([event(1)]);
    expect(honoured.waits).toEqual([7000]);
    const capped = scripted([[503, '3600'], 202]);
    await capped.send([event(1)]);
    expect(capped.waits).toEqual([30_000]);
  });

  test('gives up after three tries, and never resends a refused batch', async () => {
    const busy = scripted([503, 503, 503, 503]);
    await busy.send([event(1)]);
    expect(busy.bodies).toHaveLength(3);
    const refused = scripted([422]);
    await refused.send([event(1)]);
    expect(refused.bodies).toHaveLength(1);
    expect(refused.waits).toEqual([]);
  });
});

describe('tracker', () => {
  const placement = {
    unit: 'ct_1',
    offer: { id: 'off_1' },
    decision: {
      offerId: 'off_1',
      experimentKey: 'exp_1',
      arm: 'treatment',
      holdout: false,
      inExperiment: true,
      products: [],
    },
  } as unknown as Placement;

  test('sends exposure and impression once per offer and unit, interactions every time', () => {
    const pushed: CheckoutEvent[] = [];
    let n = 0;
    const tracker = createTracker(
      { push: (e) => void pushed.push(e), flush() {} },
      { now: () => 42, newId: () => `id-${++n}` },
    );
    tracker.track('exposure', placement);
    tracker.track('exposure', placement);
    tracker.track('impression', placement);
    tracker.track('impression', placement);
    tracker.track('click', placement);
    tracker.track('click', placement);
    tracker.track('add', placement, 1200);
    expect(pushed.map((e) => e.type)).toEqual(['exposure', 'impression', 'click', 'click', 'add']);
    expect(pushed.at(-1)).toEqual({
      id: 'id-5',
      type: 'add',
      offerId: 'off_1',
      experimentKey: 'exp_1',
      arm: 'treatment',
      unit: 'ct_1',
      at: 42,
      value: 1200,
    });
  });

  test('an interaction tracked before its exposure is still preceded by one', () => {
    const pushed: CheckoutEvent[] = [];
    const tracker = createTracker({ push: (e) => void pushed.push(e), flush() {} });
    tracker.track('impression', placement);
    tracker.track('exposure', placement);
    expect(pushed.map((e) => e.type)).toEqual(['exposure', 'impression']);
  });

  test('event ids are UUIDv7s the server accepts as idempotency keys, unique within a millisecond', () => {
    const ids = new Set(Array.from({ length: 100 }, () => newEventId(1_764_460_800_000)));
    expect(ids.size).toBe(100);
    for (const id of ids) {
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      // The first 48 bits are the milliseconds.
      expect(Number.parseInt(id.replace('-', '').slice(0, 12), 16)).toBe(1_764_460_800_000);
    }
  });

  test('event ids sort by the time they were made (the key index is appended to, not scattered)', () => {
    const times = [1_700_000_000_000, 1_700_000_000_001, 1_700_000_060_000, 1_800_000_000_000];
    const ids = times.map((t) => newEventId(t));
    expect([...ids].sort()).toEqual(ids);
  });
});
