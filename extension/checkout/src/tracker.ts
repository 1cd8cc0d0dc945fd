import type { Placement } from './choose-offer';
import type { CheckoutEvent, EventQueue } from './event-queue';

export type TrackedType = CheckoutEvent['type'];

export interface Tracker {
  track(type: TrackedType, placement: Placement, value?: number): void;
}

/** Exposure and impression describe the unit, not the render: one each per offer and unit. */
const ONCE: ReadonlySet<TrackedType> = new Set(['exposure', 'impression']);

export function createTracker(
  queue: EventQueue,
  options: { now?: () => number; newId?: () => string } = {},
): Tracker {
  const now = options.now ?? Date.now;
  const newId = options.newId ?? newEventId;
  const seen = new Set<string>();
  const tracker: Tracker = {
    track(type, placement, value) {
      const { decision, unit } = placement;
      const key = `${type}|${decision.offerId}|${unit}`;
      if (ONCE.has(type)) {
        if (seen.has(key)) return;
        seen.add(key);
      }
      // Preact runs a child's effects before its parent's, so the card's impression can come
      // first; every interaction is still preceded by its exposure in what the server receives.
      if (type !== 'exposure') tracker.track('exposure', placement);
      queue.push({
        id: newId(),
        type,
        offerId: decision.offerId,
        experimentKey: decision.experimentKey,
        arm: decision.arm,
        unit,
        at: now(),
        ...(value === undefined ? {} : { value }),
      });
    },
  };
  return tracker;
}

/** Tracks nothing: the checkout editor previews offers, and previews are not exposures. */
export const NO_TRACKING: Tracker = { track() {} };

/**
 * A UUIDv7 (RFC 9562): 48 bits of Unix milliseconds, then random bits. The server uses it as the
 * event's idempotency key, and the events table's key index is (shop, event_id): time-ordered ids
 * are appended near the end of it, where random v4 ids landed on a random page each (issue 9:
 * +73 % events/s for time-first keys over random ones in the ceiling's micro-benchmark). 74
 * random bits keep ids of one millisecond apart.
 */
export function newEventId(now: number = Date.now()): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  let time = now;
  for (let i = 5; i >= 0; i--) {
    b[i] = time % 256;
    time = Math.floor(time / 256);
  }
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x70;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
