import { useEffect, useState } from 'preact/hooks';
import type { OfferProduct } from '../../../../core/offers/published-config';
import { addOfferLine, type LineFailure } from '../add-offer-line';
import { applyOfferDiscount } from '../apply-offer-discount';
import { discountedPrice } from '../discount-price';
import { OfferPrice } from '../OfferPrice';
import { productsToShow, productTitle } from './cross-sell-products';
import type { KindProps } from './kind-props';

/**
 * Cross-sell: up to three products, each with its own Add button. An added product is in the cart
 * on the next render, so decide drops it and it leaves the list; the slot keeps the confirmation.
 */
export function CrossSellOffer(props: KindProps<'cross_sell'>) {
  const { host, placement, content, tracker } = props;
  const products = productsToShow(content, placement.decision.products);
  const canAdd = host.instructions.value.lines.canAddCartLine;

  // Runs after every commit; the tracker keeps one impression per offer and unit.
  useEffect(() => {
    if (products.length > 0) tracker.track('impression', placement);
  });
  // This arm's own products may all be in the cart while another arm's are not.
  if (products.length === 0) return null;

  return (
    <s-stack gap="base">
      <s-heading>{content.heading}</s-heading>
      {content.body && <s-text color="subdued">{content.body}</s-text>}
      {products.map((product) => (
        <CrossSellItem key={product.variantId} {...props} product={product} canAdd={canAdd} />
      ))}
      {!canAdd && <s-banner tone="warning">{host.i18n.translate('errors.cannotAdd')}</s-banner>}
    </s-stack>
  );
}

function CrossSellItem({
  host,
  placement,
  content,
  tracker,
  notify,
  product,
  canAdd,
}: KindProps<'cross_sell'> & { product: OfferProduct; canAdd: boolean }) {
  const [adding, setAdding] = useState(false);
  const [failure, setFailure] = useState<LineFailure | null>(null);
  const { offer, decision } = placement;

  async function add() {
    tracker.track('click', placement);
    setAdding(true);
    setFailure(null);
    const result = await addOfferLine(host, {
      merchandiseId: product.variantId,
      offerId: offer.id,
      arm: decision.arm,
    });
    setAdding(false);
    setFailure(result);
    if (result) return tracker.track('add_error', placement);
    tracker.track('add', placement, discountedPrice(product.price, offer.discount).amount);
    notify({ tone: 'success', text: host.i18n.translate('offer.added', { title: product.title }) });
    if (offer.discount && !(await applyOfferDiscount(host, offer.discount.code))) {
      notify({ tone: 'warning', text: host.i18n.translate('errors.discountNotApplied') });
    }
  }

  return (
    <s-stack gap="small-200">
      <s-grid gridTemplateColumns="64px 1fr auto" gap="base" alignItems="center">
        <s-product-thumbnail src={product.imageUrl ?? undefined} alt={product.title} />
        <s-stack gap="none">
          <s-text type="strong">{productTitle(product)}</s-text>
          <OfferPrice host={host} price={product.price} discount={offer.discount} />
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
      {failure && <s-banner tone="critical">{host.i18n.translate(`errors.${failure}`)}</s-banner>}
    </s-stack>
  );
}
