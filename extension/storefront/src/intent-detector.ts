import type { IntentSettings } from '../../../core/storefront/config';

/**
 * Exit-intent detection as a pure state machine over plain events, so it is tested with
 * synthetic sequences and the page code only translates DOM events into these. Times are epoch
 * ms, positions CSS pixels (`y` is the pointer's clientY, or the page's scrollY for `scroll`).
 */
export type IntentEvent =
  | { type: 'move'; t: number; y: number }
  /** The pointer left the document (mouseout with no related target). */
  | { type: 'leave'; t: number; y: number }
  | { type: 'scroll'; t: number; y: number }
  | { type: 'hidden'; t: number }
  | { type: 'visible'; t: number }
  /** A key, a touch or a click: the visitor is here, so not idle. */
  | { type: 'activity'; t: number }
  /** A timer tick, so idleness is noticed without an event. */
  | { type: 'tick'; t: number };

export type IntentTrigger = 'exit' | 'scroll_up' | 'tab_return' | 'idle';

export type DetectorOptions = {
  /** When the page started (the min-time-on-page clock). */
  startedAt: number;
  /** Touch devices have no pointer to leave with; they scroll up or switch tabs instead. */
  touch: boolean;
  /** When intent last fired for this visitor (local storage), for the frequency cap. */
  lastFiredAt: number | null;
};

/** A pointer leaving at or above this clientY left through the top of the window. */
const TOP_EDGE = 8;
/** A scroll-up shorter than this is a correction, not a gesture. */
const MIN_SCROLL_RUN = 120;
const HOUR = 3_600_000;
/** Speeds are measured over at least one frame: events can share a timestamp. */
const FRAME_MS = 16;

export function isCapped(lastFiredAt: number | null, now: number, capHours: number): boolean {
  return lastFiredAt != null && now >= lastFiredAt && now - lastFiredAt < capHours * HOUR;
}

/** Shopify's checkout and thank-you pages live under these paths; the modal never shows there. */
export function isCheckoutPath(pathname: string): boolean {
  return /\/(checkouts?|thank[-_]you)(\/|$)/.test(pathname);
}

export function createIntentDetector(settings: IntentSettings, options: DetectorOptions) {
  let fired = false;
  let lastActivity = options.startedAt;
  let pointer: { t: number; y: number } | null = null;
  let depth = 0;
  let scrollY = 0;
  /** Where and when the current upward scroll began. */
  let run: { t: number; y: number } | null = null;
  let hiddenAt: number | null = null;

  function ready(t: number): boolean {
    return (
      !fired &&
      t - options.startedAt >= settings.minTimeOnPageMs &&
      !isCapped(options.lastFiredAt, t, settings.frequencyCapHours)
    );
  }

  function detect(event: IntentEvent): IntentTrigger | null {
    const t = event.t;
    switch (event.type) {
      case 'move': {
        pointer = { t, y: event.y };
        lastActivity = t;
        return null;
      }
      case 'leave': {
        const from = pointer;
        pointer = null;
        if (options.touch || !from || event.y > TOP_EDGE) return null;
        // Upward speed over the last stretch, never over less than one frame.
        const speed = (from.y - event.y) / Math.max(t - from.t, FRAME_MS);
        return speed >= settings.exitSpeed ? 'exit' : null;
      }
      case 'scroll': {
        lastActivity = t;
        const previous = scrollY;
        scrollY = event.y;
        depth = Math.max(depth, event.y);
        if (event.y >= previous) {
          run = null;
          return null;
        }
        // The upward run starts where the page turned, timed from its first upward step, so a
        // pause at the bottom (reading) does not dilute the speed of the flick that follows.
        run ??= { t, y: previous };
        if (!options.touch || depth < settings.minReadDepth) return null;
        const distance = run.y - event.y;
        const speed = distance / Math.max(t - run.t, FRAME_MS);
        return distance >= MIN_SCROLL_RUN && speed >= settings.scrollUpSpeed ? 'scroll_up' : null;
      }
      case 'hidden': {
        hiddenAt = t;
        return null;
      }
      case 'visible': {
        const away = hiddenAt;
        hiddenAt = null;
        lastActivity = t;
        const enabled = options.touch && settings.tabAwayMs > 0;
        return enabled && away != null && t - away >= settings.tabAwayMs ? 'tab_return' : null;
      }
      case 'activity': {
        lastActivity = t;
        return null;
      }
      case 'tick': {
        const idle = settings.idleMs > 0 && hiddenAt == null && t - lastActivity >= settings.idleMs;
        return idle ? 'idle' : null;
      }
    }
  }

  return {
    /** Feeds one event; returns the trigger the first time intent fires, else null. */
    feed(event: IntentEvent): IntentTrigger | null {
      const trigger = detect(event);
      if (!trigger || !ready(event.t)) return null;
      fired = true;
      return trigger;
    },
  };
}
