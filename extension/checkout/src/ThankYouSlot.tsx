import { useEffect, useMemo, useState } from 'preact/hooks';
import { resolveAppUrl } from './app-url';
import { chooseOffer } from './choose-offer';
import { buildDecideContext } from './decide-context';
import { createHostTracker } from './host-tracker';
import { NextOrderCoupon } from './kinds/NextOrderCoupon';
import { type NextOrderCode, requestNextOrderCode, thankYouCustomer } from './next-order-code';
import { readPublishedConfig } from './read-config';
import type { ThankYouHost } from './thank-you-host';

const canRender = (kind: string) => kind === 'next_order_coupon';

/**
 * The Thank you page's slot. The unit is the customer: the offer is decided locally on their id,
 * and — for both arms, once the page rendered — the block asks the app for the customer's code
 * (that request is the exposure, logged by the server). Only a treatment customer gets a code;
 * nothing shows until it arrives, so the page never waits on the app.
 */
export function ThankYouSlot({ host }: { host: ThankYouHost }) {
  const config = readPublishedConfig(host.appMetafields.value);
  const customer = thankYouCustomer(host);
  const settings = host.settings.value;
  // Impressions and copies go through the events endpoint like checkout's. The exposure is the
  // server's (logged by the coupon request first); the one the tracker sends before an impression
  // finds that row and changes nothing in it.
  const tracker = useMemo(() => createHostTracker(host), [host]);
  const placement =
    config && customer
      ? chooseOffer(config, buildDecideContext(host, Date.now()), customer, 'thank_you_block', {
          onlyOfferId: String(settings.offer_id ?? '').trim(),
          canRender,
        })
      : null;
  const offerId = placement?.offer.id ?? null;
  const [code, setCode] = useState<{ offerId: string; value: NextOrderCode } | null>(null);

  useEffect(() => {
    // The checkout editor previews the block: no exposure, no code.
    if (!offerId || !customer || host.extension.editor) return;
    let live = true;
    const endpoint = `${resolveAppUrl(host.extension.scriptUrl)}/api/checkout/coupons`;
    host.sessionToken
      .get()
      .then((token) => requestNextOrderCode(fetch, endpoint, token, offerId, customer))
      .then(
        (value) => {
          if (live && value) setCode({ offerId, value });
        },
        () => undefined,
      );
    return () => {
      live = false;
    };
  }, [offerId, customer]);

  const offer = placement?.offer;
  if (!placement || !config || placement.decision.holdout || offer?.kind !== 'next_order_coupon')
    return null;
  const content = offer.variants[placement.decision.arm];
  if (!content || code?.offerId !== offer.id) return null;
  const heading = String(settings.heading ?? '').trim() || content.heading;
  return (
    <NextOrderCoupon
      host={host}
      content={{ ...content, heading }}
      onShown={() => tracker.track('impression', placement)}
      onCopied={() => tracker.track('click', placement)}
      code={code.value}
      shopCurrency={config.currency}
    />
  );
}
