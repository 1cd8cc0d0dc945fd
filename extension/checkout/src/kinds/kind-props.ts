import type { JSX } from 'preact';
import type { CheckoutHost } from '../../../../core/checkout-host';
import type { OfferKind } from '../../../../core/offers/catalog';
import type { PublishedContent, PublishedOfferOf } from '../../../../core/offers/published-config';
import type { Placement } from '../choose-offer';
import type { Tracker } from '../tracker';

/** A banner the slot shows for an offer; it outlives the renderer (see OfferSlot). */
export type Notice = { tone: 'success' | 'warning'; text: string };

/** What the slot hands the renderer of one kind. */
export type KindProps<K extends OfferKind> = {
  host: CheckoutHost;
  placement: Placement<PublishedOfferOf<K>>;
  /** The unit's arm's content, with the placement's heading setting applied. */
  content: PublishedContent[K];
  tracker: Tracker;
  /**
   * Reports an outcome (added, upgraded, discount refused). The slot keeps it: after the last
   * product is added decide drops the offer and the renderer unmounts, but the buyer should
   * still read what happened.
   */
  notify(notice: Notice): void;
};

export type KindRenderer<K extends OfferKind> = (props: KindProps<K>) => JSX.Element | null;
