import { useEffect, useState } from 'preact/hooks';
import { applyOfferLineChange, type LineFailure } from '../add-offer-line';
import { applyOfferDiscount } from '../apply-offer-discount';
import { discountedPrice } from '../discount-price';
import { formatOfferPrice } from '../money';
import { OfferPrice } from '../OfferPrice';
import { productTitle } from './cross-sell-products';
import type { KindProps } from './kind-props';
import { findTriggerLine, priceDifference, upgradeChange, upgradeValue } from './upsell-line';

/**
 * Upsell: while the cart holds a trigger variant, offers the replacement in its place ("the
 * 2-pack for $8 more"). One tap swaps the line's variant keeping its quantity; the line then no
 * longer holds a trigger, decide drops the offer, and the slot keeps the confirmation.
 */
export function UpsellOffer({ host, placement, content, tracker, notify }: KindProps<'upsell'>) {
  const [upgrading, setUpgrading] = useState(false);
  const [failure, setFailure] = useState<LineFailure | null>(null);
  const { offer, decision } = placement;
  const replacement = decision.products[0];
  const line = findTriggerLine(host.lines.value, offer.requiresInCart);
  const shown = Boolean(replacement && line);

  useEffect(() => {
    if (shown) tracker.track('impression', placement);
  });
  if (!replacement || !line) return null;

  const unitPrice = discountedPrice(replacement.price, offer.discount);
  const difference = priceDifference(unitPrice, line);
  const formatted =
    difference && formatOfferPrice(host.i18n, difference, host.localization.currency.value.isoCode);
  const canUpdate = host.instructions.value.lines.canUpdateCartLine;

  async function upgrade() {
    tracker.track('click', placement);
    // Line ids are not stable across changes: take the line as it is now.
    const current = replacement && findTriggerLine(host.lines.value, offer.requiresInCart);
    if (!replacement || !current) return;
    setUpgrading(true);
    setFailure(null);
    const result = await applyOfferLineChange(
      host,
      upgradeChange(current, replacement.variantId, offer.id, decision.arm),
    );
    setUpgrading(false);
    setFailure(result);
    if (result) return tracker.track('add_error', placement);
    tracker.track(
      'add',
      placement,
      upgradeValue(priceDifference(unitPrice, current), current.quantity),
    );
    notify({
      tone: 'success',
      text: host.i18n.translate('upsell.upgraded', { title: replacement.title }),
    });
    if (offer.discount && !(await applyOfferDiscount(host, offer.discount.code))) {
      notify({ tone: 'warning', text: host.i18n.translate('errors.discountNotApplied') });
    }
  }

  return (
    <s-stack gap="base">
      <s-heading>{content.heading}</s-heading>
      {content.body && <s-text color="subdued">{content.body}</s-text>}
      <s-grid gridTemplateColumns="64px 1fr auto" gap="base" alignItems="center">
        <s-product-thumbnail src={replacement.imageUrl ?? undefined} alt={replacement.title} />
        <s-stack gap="none">
          <s-text type="strong">{productTitle(replacement)}</s-text>
          <OfferPrice host={host} price={replacement.price} discount={offer.discount} />
          {formatted && difference && (
            <s-text>
              {difference.amount <= 0
                ? host.i18n.translate('upsell.noExtraCost')
                : host.i18n.translate(line.quantity > 1 ? 'upsell.moreEach' : 'upsell.more', {
                    amount: formatted,
                  })}
            </s-text>
          )}
        </s-stack>
        <s-button
          variant="secondary"
          loading={upgrading}
          disabled={!canUpdate}
          accessibilityLabel={host.i18n.translate('upsell.upgradeLabel', {
            title: replacement.title,
          })}
          onClick={upgrade}
        >
          {content.buttonLabel}
        </s-button>
      </s-grid>
      {(failure || !canUpdate) && (
        <s-banner tone={failure ? 'critical' : 'warning'}>
          {host.i18n.translate(`errors.${failure ?? 'cannotUpdate'}`)}
        </s-banner>
      )}
    </s-stack>
  );
}
