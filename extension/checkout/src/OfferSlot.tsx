import { useEffect, useMemo, useState } from 'preact/hooks';
import { getHost } from '../../../core/checkout-host';
import type { OfferTarget } from '../../../core/decide/index';
import { chooseOffer } from './choose-offer';
import { buildDecideContext } from './decide-context';
import { createHostTracker } from './host-tracker';
import { OfferCard } from './OfferCard';
import { readPublishedConfig } from './read-config';

/**
 * One placement: decides locally from the published config (no network on the render path),
 * logs the exposure for whichever arm the unit is in, and renders the treatment only.
 */
export function OfferSlot({ target }: { target: OfferTarget }) {
  const host = getHost();
  const tracker = useMemo(() => createHostTracker(host), [host]);
  const config = readPublishedConfig(host.appMetafields.value);
  const settings = host.settings.value;
  const unit = host.checkoutToken.value ?? '';
  // Kept here, not in the card: once added, the product is in the cart and decide drops it.
  const [added, setAdded] = useState<string | null>(null);
  const placement = config
    ? chooseOffer(
        config,
        buildDecideContext(host, Date.now()),
        unit,
        target,
        String(settings.offer_id ?? '').trim(),
      )
    : null;

  // After the render commits, so logging never delays the widget (the tracker dedupes).
  useEffect(() => {
    if (placement) tracker.track('exposure', placement);
  });

  const confirmation = added && (
    <s-banner tone="success">{host.i18n.translate('offer.added', { title: added })}</s-banner>
  );
  if (!placement || placement.decision.holdout) return confirmation || null;
  const content = placement.offer.variants[placement.decision.arm];
  // decide keeps a cross-sell only while one of its products is available and not in the cart.
  const product = placement.decision.products[0];
  if (!content || !product) return confirmation || null;
  const heading = String(settings.heading ?? '').trim() || content.heading;
  return (
    <s-stack gap="base">
      {confirmation}
      <OfferCard
        key={product.variantId}
        host={host}
        placement={placement}
        content={{ ...content, heading }}
        product={product}
        tracker={tracker}
        onAdded={setAdded}
      />
    </s-stack>
  );
}
