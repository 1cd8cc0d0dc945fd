import { assignArm, type PublishedExperiment } from '../../../core/decide/index.js';
import { createRandom } from '../../simulate/random.js';

/**
 * Checkout extension events as the bench sends them: the simulator's mix (an exposure for every
 * unit; in the treatment an impression, a click for 20 %, an add for half of those), each unit's
 * arm from decide's `assignArm`, so the server's arm re-check passes. Ids are numbered,
 * `<prefix>-<n>`, and a request always carries consecutive numbers, so a scenario's rows can be
 * read back by a key range and matched to the requests that carried them.
 */
export interface BenchOffer {
  shop: string;
  offerId: string;
  experiment: PublishedExperiment;
  /** Price of the offered variant (minor units): the value of an `add`. */
  price: number;
}

export interface BenchEvent {
  id: string;
  type: 'exposure' | 'impression' | 'click' | 'add';
  offerId: string;
  experimentKey: string;
  arm: string;
  unit: string;
  at: number;
  value?: number;
}

export interface EventSlice {
  /** Number of the first event; the slice holds `first … first + events.length − 1`. */
  first: number;
  events: BenchEvent[];
}

export const eventId = (prefix: string, n: number) => `${prefix}-${n}`;
/**
 * How a bench unit's key is made. `sequential` (the default, as every earlier figure was
 * measured): `<prefix>-u<k>`, so each index over units is appended to in order. `random`: the
 * same number behind a scrambled 8-hex-digit lead, so units land at random places in those
 * indexes as production's checkout tokens do. Both stay unique and between `<prefix>-u` and
 * `<prefix>-v`, which the accounting counts by.
 */
export type UnitKeys = 'sequential' | 'random';

export function unitId(prefix: string, k: number, keys: UnitKeys = 'sequential'): string {
  if (keys === 'sequential') return `${prefix}-u${k}`;
  const lead = (Math.imul(k + 1, 0x9e3779b1) >>> 0).toString(16).padStart(8, '0');
  return `${prefix}-u${lead}${k.toString(36)}`;
}

/** Lower and upper bounds (upper exclusive) of every id `<prefix>-…` in string order. */
export function prefixRange(prefix: string): [string, string] {
  // '.' sorts right after '-', so `prefix-` ≤ id < `prefix.` holds exactly the prefix's ids.
  return [`${prefix}-`, `${prefix}.`];
}

export function createEventStream(
  offer: BenchOffer,
  prefix: string,
  unitKeys: UnitKeys = 'sequential',
  seed = 42,
) {
  const random = createRandom(seed);
  const queue: Omit<BenchEvent, 'id'>[] = [];
  let units = 0;
  let numbered = 0;

  function addUnit() {
    const unit = unitId(prefix, units++, unitKeys);
    const arm = assignArm(offer.experiment, unit);
    if (!arm) return; // outside the experiment's coverage: the extension sends nothing
    const base = {
      offerId: offer.offerId,
      experimentKey: offer.experiment.key,
      arm: arm.key,
      unit,
      at: Date.now(),
    };
    queue.push({ type: 'exposure', ...base });
    if (arm.holdout) return;
    queue.push({ type: 'impression', ...base });
    if (random.uniform() < 0.2) {
      queue.push({ type: 'click', ...base });
      if (random.uniform() < 0.5) queue.push({ type: 'add', ...base, value: offer.price });
    }
  }

  return {
    /** The next `size` events, numbered on the way out. */
    take(size: number): EventSlice {
      while (queue.length < size) addUnit();
      const first = numbered;
      const events = queue.splice(0, size).map((e) => ({ id: eventId(prefix, numbered++), ...e }));
      return { first, events };
    },
    /** Events handed out so far. */
    get taken() {
      return numbered;
    },
    /** Units drawn so far (`<prefix>-u0 …`), some still waiting in the queue. */
    get units() {
      return units;
    },
  };
}

export type EventStream = ReturnType<typeof createEventStream>;
