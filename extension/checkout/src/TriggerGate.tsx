import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { CheckoutHost } from '../../../core/checkout-host';
import type { PublishedTrigger } from '../../../core/offers/published-config';
import type { Placement } from './choose-offer';
import {
  systemClock,
  triggerBlocked,
  triggerDelay,
  triggerStart,
  triggerStartKey,
} from './trigger';

interface TriggerGateProps {
  host: CheckoutHost;
  placement: Placement;
  trigger: PublishedTrigger;
  shopCurrency: string;
  /** The moment the unit is exposed: called once, for either arm. */
  onFire(): void;
  /** What shows once the trigger fired (nothing for the holdout). */
  children: ComponentChildren;
}

/**
 * Holds an offer back until its trigger fires: the buyer has stayed the set time in checkout, timed
 * from the first render of this offer for this checkout (kept in Shopify's storage, so a reload
 * does not start the count again), and nothing blocks it (another code applied, a subtotal below
 * the minimum). Then the unit is exposed — holdout and treatment alike — and the children show.
 * Time is read from the host's clock when it has one (the sandbox's), so a test can advance it.
 */
export function TriggerGate({
  host,
  placement,
  trigger,
  shopCurrency,
  onFire,
  children,
}: TriggerGateProps) {
  const clock = host.clock ?? systemClock;
  const [due, setDue] = useState(false);
  const [fired, setFired] = useState(false);
  const { offer, unit } = placement;

  useEffect(() => {
    let alive = true;
    let cancel = () => {};
    const schedule = (startedAt: number) => {
      cancel();
      cancel = clock.after(triggerDelay(trigger, startedAt, clock.now()), () => setDue(true));
    };
    const now = clock.now();
    schedule(now);
    const key = triggerStartKey(offer.id, unit);
    // Storage is best effort (Shopify does not guarantee it): without it the count starts now.
    host.storage.read(key).then(
      (stored) => {
        if (!alive) return;
        const start = triggerStart(stored, now);
        if (start !== now) schedule(start);
        else host.storage.write(key, now).catch(() => {});
      },
      () => {},
    );
    return () => {
      alive = false;
      cancel();
    };
  }, [offer.id, unit, trigger.afterSeconds, clock, host.storage]);

  // Read on every render, so a code removed later (or a cart that grew) lets a due trigger fire.
  const open = fired || (due && !triggerBlocked(trigger, offer.discount, host, shopCurrency));
  useEffect(() => {
    if (open && !fired) {
      setFired(true);
      onFire();
    }
  });
  return open ? children : null;
}
