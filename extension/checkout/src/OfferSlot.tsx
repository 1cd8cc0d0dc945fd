import { useEffect, useMemo, useState } from 'preact/hooks';
import { getHost } from '../../../core/checkout-host';
import type { OfferKind } from '../../../core/offers/catalog';
import type { OfferTarget } from '../../../core/offers/published-config';
import { chooseOffer, type Placement } from './choose-offer';
import { buildDecideContext } from './decide-context';
import { createHostTracker } from './host-tracker';
import { canRender, RENDERERS } from './kinds/index';
import type { KindRenderer, Notice } from './kinds/kind-props';
import { readPublishedConfig } from './read-config';
import { stickToOffer } from './stick-to-offer';
import { TriggerGate } from './TriggerGate';

/**
 * One placement: decides locally from the published config (no network on the render path),
 * logs the exposure for whichever arm the unit is in — at once, or when the offer's trigger fires
 * — and draws the treatment with its kind's renderer.
 */
export function OfferSlot({ target }: { target: OfferTarget }) {
  const host = getHost();
  const tracker = useMemo(() => createHostTracker(host), [host]);
  const config = readPublishedConfig(host.appMetafields.value);
  const settings = host.settings.value;
  const unit = host.checkoutToken.value ?? '';
  // Kept here, not in the renderer: once the buyer acted, the cart changed and decide may drop
  // the offer, but what happened must stay on screen.
  const [notices, setNotices] = useState<{ offerId: string; list: Notice[] } | null>(null);
  const chosen = config
    ? chooseOffer(config, buildDecideContext(host, Date.now()), unit, target, {
        onlyOfferId: String(settings.offer_id ?? '').trim(),
        canRender,
      })
    : null;
  const placement = stickToOffer(chosen, notices?.offerId);

  // After the render commits, so logging never delays the widget (the tracker dedupes). An
  // offer with a trigger is exposed when it fires instead (TriggerGate).
  useEffect(() => {
    if (placement && !placement.offer.trigger) tracker.track('exposure', placement);
  });

  const banners = notices?.list.map((notice) => (
    <s-banner key={notice.text} tone={notice.tone}>
      {notice.text}
    </s-banner>
  ));
  const drawn = placement && !placement.decision.holdout && draw(placement);
  const shown =
    drawn || banners ? (
      <s-stack gap="base">
        {banners}
        {drawn}
      </s-stack>
    ) : null;
  const trigger = placement?.offer.trigger;
  if (!placement || !trigger || !config) return shown;
  return (
    <TriggerGate
      key={placement.offer.id}
      host={host}
      placement={placement}
      trigger={trigger}
      shopCurrency={config.currency}
      onFire={() => tracker.track('exposure', placement)}
    >
      {shown}
    </TriggerGate>
  );

  function draw(shown: Placement) {
    const { offer, decision } = shown;
    const content = offer.variants[decision.arm];
    const Renderer = RENDERERS[offer.kind] as KindRenderer<OfferKind> | undefined;
    if (!content || !Renderer) return null;
    const heading = String(settings.heading ?? '').trim() || content.heading;
    const notify = (notice: Notice) =>
      setNotices((current) => ({
        offerId: offer.id,
        list: [
          ...(current?.offerId === offer.id ? current.list : []).filter(
            (n) => n.text !== notice.text,
          ),
          notice,
        ],
      }));
    return (
      <Renderer
        key={offer.id}
        host={host}
        placement={shown}
        content={{ ...content, heading }}
        tracker={tracker}
        notify={notify}
      />
    );
  }
}
