import '@shopify/ui-extensions/preact';
import { render } from 'preact';
import { OfferSlot } from './OfferSlot';

/** `purchase.checkout.cart-line-list.render-after`: under the line items in the order summary. */
export default async function renderCartLineListAfter() {
  render(<OfferSlot target="cart_line_list_after" />, document.body);
}
