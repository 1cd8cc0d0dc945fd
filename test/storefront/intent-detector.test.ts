import { describe, expect, test } from 'vitest';
import type { IntentSettings } from '../../core/storefront/config.js';
import {
  createIntentDetector,
  type DetectorOptions,
  type IntentEvent,
  isCapped,
  isCheckoutPath,
} from '../../extension/storefront/src/intent-detector.js';

const T0 = 1_700_000_000_000;
const HOUR = 3_600_000;

const SETTINGS: IntentSettings = {
  minTimeOnPageMs: 5_000,
  exitSpeed: 0.5,
  scrollUpSpeed: 1,
  minReadDepth: 600,
  tabAwayMs: 4_000,
  idleMs: 30_000,
  frequencyCapHours: 24,
};

/** Feeds a sequence; returns every trigger fired (the detector fires at most once). */
function run(
  events: IntentEvent[],
  options: Partial<DetectorOptions> = {},
  settings: Partial<IntentSettings> = {},
) {
  const detector = createIntentDetector(
    { ...SETTINGS, ...settings },
    { startedAt: T0, touch: false, lastFiredAt: null, ...options },
  );
  return events.map((event) => detector.feed(event)).filter((trigger) => trigger !== null);
}

/** The pointer travelling from y0 to y1 in `ms`, one sample per 16 ms frame, starting at t. */
function pointerPath(t: number, y0: number, y1: number, ms: number): IntentEvent[] {
  const frames = Math.max(1, Math.round(ms / 16));
  return Array.from({ length: frames + 1 }, (_, i) => ({
    type: 'move' as const,
    t: t + i * 16,
    y: y0 + ((y1 - y0) * i) / frames,
  }));
}

/** Moves up to near the top fast, then leaves through it. */
function topExit(t: number): IntentEvent[] {
  const path = pointerPath(t, 400, 20, 160);
  const last = path.at(-1)!;
  return [...path, { type: 'leave', t: last.t + 16, y: -4 }];
}

/** A scroll from y0 to y1 in `ms`, one event per 16 ms frame. */
function scrollPath(t: number, y0: number, y1: number, ms: number): IntentEvent[] {
  const frames = Math.max(1, Math.round(ms / 16));
  return Array.from({ length: frames + 1 }, (_, i) => ({
    type: 'scroll' as const,
    t: t + i * 16,
    y: Math.round(y0 + ((y1 - y0) * i) / frames),
  }));
}

describe('desktop exit intent', () => {
  test('the pointer leaving through the top with upward velocity fires once', () => {
    expect(run(topExit(T0 + 10_000))).toEqual(['exit']);
  });

  test('leaving sideways (mid-height) does not fire', () => {
    const path = pointerPath(T0 + 10_000, 300, 320, 160);
    expect(run([...path, { type: 'leave', t: path.at(-1)!.t + 16, y: 330 }])).toEqual([]);
  });

  test('drifting slowly out through the top does not fire', () => {
    // 400 px in 4 s is 0.1 px/ms, below the 0.5 px/ms the merchant set.
    const path = pointerPath(T0 + 10_000, 400, 10, 4_000);
    const slowLeave: IntentEvent = { type: 'leave', t: path.at(-1)!.t + 40, y: -1 };
    expect(run([...path, slowLeave])).toEqual([]);
  });

  test('moving downwards out of the window (towards the bottom edge) does not fire', () => {
    const path = pointerPath(T0 + 10_000, 100, 700, 160);
    expect(run([...path, { type: 'leave', t: path.at(-1)!.t + 16, y: 760 }])).toEqual([]);
  });

  test('a higher merchant threshold ignores an exit a lower one catches', () => {
    // 380 px in 160 ms is ~2.2 px/ms.
    expect(run(topExit(T0 + 10_000), {}, { exitSpeed: 3 })).toEqual([]);
    expect(run(topExit(T0 + 10_000), {}, { exitSpeed: 1 })).toEqual(['exit']);
  });

  test('a touch device has no pointer exit', () => {
    expect(run(topExit(T0 + 10_000), { touch: true })).toEqual([]);
  });
});

describe('gates', () => {
  test('nothing fires before the minimum time on the page, even a textbook exit', () => {
    expect(run(topExit(T0 + 1_000))).toEqual([]);
    // ... and the same exit after the minimum time does.
    expect(run(topExit(T0 + 5_000))).toEqual(['exit']);
  });

  test('a second exit on the same page does not fire again', () => {
    expect(run([...topExit(T0 + 10_000), ...topExit(T0 + 20_000)])).toEqual(['exit']);
  });

  test('within the frequency cap window nothing fires; after it, intent fires again', () => {
    const firedEarlier = T0 - 2 * HOUR;
    expect(run(topExit(T0 + 10_000), { lastFiredAt: firedEarlier })).toEqual([]);
    expect(
      run(topExit(T0 + 10_000), { lastFiredAt: firedEarlier }, { frequencyCapHours: 1 }),
    ).toEqual(['exit']);
  });

  test('isCapped counts hours from the last firing', () => {
    expect(isCapped(null, T0, 24)).toBe(false);
    expect(isCapped(T0, T0 + 23 * HOUR, 24)).toBe(true);
    expect(isCapped(T0, T0 + 24 * HOUR, 24)).toBe(false);
    expect(isCapped(T0, T0 + 1, 0)).toBe(false);
  });

  test('never on checkout or thank-you pages', () => {
    for (const path of ['/checkout', '/checkouts/cn/abc', '/12345/checkouts/abc/thank-you']) {
      expect(isCheckoutPath(path), path).toBe(true);
    }
    for (const path of ['/', '/cart', '/products/checkout-kit', '/collections/all']) {
      expect(isCheckoutPath(path), path).toBe(false);
    }
  });
});

describe('touch intent', () => {
  test('a fast scroll-up after reading down the page fires', () => {
    const down = scrollPath(T0 + 6_000, 0, 1_500, 3_000);
    // Reads for a while at the bottom, then flicks 900 px up in 300 ms (3 px/ms).
    const flick = scrollPath(T0 + 20_000, 1_500, 600, 300);
    expect(run([...down, ...flick], { touch: true })).toEqual(['scroll_up']);
  });

  test('a slow scroll back up does not fire', () => {
    const down = scrollPath(T0 + 6_000, 0, 1_500, 3_000);
    const slowUp = scrollPath(T0 + 20_000, 1_500, 600, 3_000);
    expect(run([...down, ...slowUp], { touch: true })).toEqual([]);
  });

  test('a fast scroll-up before reading (near the top of the page) does not fire', () => {
    const down = scrollPath(T0 + 6_000, 0, 400, 800);
    const flick = scrollPath(T0 + 8_000, 400, 0, 100);
    expect(run([...down, ...flick], { touch: true })).toEqual([]);
  });

  test('a small upward correction does not fire, however fast', () => {
    const down = scrollPath(T0 + 6_000, 0, 1_500, 3_000);
    const nudge = scrollPath(T0 + 12_000, 1_500, 1_420, 32);
    expect(run([...down, ...nudge], { touch: true })).toEqual([]);
  });

  test('on desktop the same scroll-up is not intent', () => {
    const down = scrollPath(T0 + 6_000, 0, 1_500, 3_000);
    const flick = scrollPath(T0 + 20_000, 1_500, 600, 300);
    expect(run([...down, ...flick], { touch: false })).toEqual([]);
  });

  test('coming back to the tab after being away fires; a quick glance away does not', () => {
    const away: IntentEvent[] = [
      { type: 'hidden', t: T0 + 8_000 },
      { type: 'visible', t: T0 + 14_000 },
    ];
    expect(run(away, { touch: true })).toEqual(['tab_return']);
    const glance: IntentEvent[] = [
      { type: 'hidden', t: T0 + 8_000 },
      { type: 'visible', t: T0 + 9_000 },
    ];
    expect(run(glance, { touch: true })).toEqual([]);
    expect(run(away, { touch: true }, { tabAwayMs: 0 })).toEqual([]);
  });
});

describe('idle timer', () => {
  test('fires after the idle time with no activity', () => {
    const ticks: IntentEvent[] = [10_000, 20_000, 29_000, 31_000].map((ms) => ({
      type: 'tick',
      t: T0 + ms,
    }));
    expect(run(ticks)).toEqual(['idle']);
    expect(run(ticks, { touch: true })).toEqual(['idle']);
  });

  test('activity restarts the idle clock', () => {
    const events: IntentEvent[] = [
      { type: 'tick', t: T0 + 20_000 },
      { type: 'activity', t: T0 + 25_000 },
      { type: 'tick', t: T0 + 31_000 },
      { type: 'move', t: T0 + 50_000, y: 200 },
      { type: 'tick', t: T0 + 79_000 },
    ];
    expect(run(events)).toEqual([]);
    expect(run([...events, { type: 'tick', t: T0 + 80_000 }])).toEqual(['idle']);
  });

  test('a hidden tab is not idle, and idleMs 0 switches the timer off', () => {
    expect(
      run([
        { type: 'hidden', t: T0 + 1_000 },
        { type: 'tick', t: T0 + 60_000 },
      ]),
    ).toEqual([]);
    expect(run([{ type: 'tick', t: T0 + 60_000 }], {}, { idleMs: 0 })).toEqual([]);
  });
});
