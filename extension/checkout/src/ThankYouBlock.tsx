import '@shopify/ui-extensions/preact';
import { render } from 'preact';
import { ThankYouSlot } from './ThankYouSlot';
import { getThankYouHost } from './thank-you-host';

/** `purchase.thank-you.block.render`: a block the merchant places on the Thank you page. */
export default async function renderThankYouBlock() {
  render(<ThankYouSlot host={getThankYouHost()} />, document.body);
}
