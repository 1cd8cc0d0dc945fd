import { useEffect, useState } from 'preact/hooks';
import type { CheckoutHost } from '../../../core/checkout-host';
import type { OfferContent, OfferProduct } from '../../../core/decide/index';
import { type AddFailure, addOfferLine } from './add-offer-line';
import type { Placement } from './choose-offer';
import { formatOfferPrice } from './money';
import type { Tracker } from './tracker';

type Props = {
  host: CheckoutHost;
  placement: Placement;
  content: OfferContent;
  product: OfferProduct;
  tracker: Tracker;
  onAdded(title: string): void;
};

/** The treatment: one product with an Add button. Failures end as a banner, never a throw. */
export function OfferCard({ host, placement, content, product, tracker, onAdded }: Props) {
  const [adding, setAdding] = useState(false);
  const [failure, setFailure] = useState<AddFailure | null>(null);
  const canAdd = host.instructions.value.lines.canAddCartLine;
  const price = formatOfferPrice(
    host.i18n,
    product.price,
    host.localization.currency.value.isoCode,
  );
  const title = product.variantTitle ? `${product.title} — ${product.variantTitle}` : product.title;

  // Runs after every commit; the tracker keeps one impression per offer and unit.
  useEffect(() => tracker.track('impression', placement), [tracker, placement]);

  async function add() {
    tracker.track('click', placement);
    setAdding(true);
    setFailure(null);
    const result = await addOfferLine(host, {
      merchandiseId: product.variantId,
      offerId: placement.offer.id,
      arm: placement.decision.arm,
    });
    setAdding(false);
    setFailure(result);
    if (result) tracker.track('add_error', placement);
    else {
      tracker.track('add', placement, product.price.amount);
      onAdded(product.title);
    }
  }

  const shown = failure ?? (canAdd ? null : 'cannotAdd');
  return (
    <s-stack gap="base">
      <s-heading>{content.heading}</s-heading>
      {content.body && <s-text color="subdued">{content.body}</s-text>}
      <s-grid gridTemplateColumns="64px 1fr auto" gap="base" alignItems="center">
        <s-product-thumbnail src={product.imageUrl ?? undefined} alt={product.title} />
        <s-stack gap="none">
          <s-text type="strong">{title}</s-text>
          {price && <s-text color="subdued">{price}</s-text>}
        </s-stack>
        <s-button
          variant="secondary"
          loading={adding}
          disabled={!canAdd}
          accessibilityLabel={host.i18n.translate('offer.addLabel', { title: product.title })}
          onClick={add}
        >
          {content.buttonLabel}
        </s-button>
      </s-grid>
      {shown && (
        <s-banner tone={failure ? 'critical' : 'warning'}>
          {host.i18n.translate(`errors.${shown}`)}
        </s-banner>
      )}
    </s-stack>
  );
}
