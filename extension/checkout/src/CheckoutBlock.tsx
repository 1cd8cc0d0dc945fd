import '@shopify/ui-extensions/preact';
import { render } from 'preact';
import { OfferSlot } from './OfferSlot';

/** `purchase.checkout.block.render`: a block the merchant places in the checkout editor. */
export default async function renderCheckoutBlock() {
  render(<OfferSlot target="checkout_block" />, document.body);
}
