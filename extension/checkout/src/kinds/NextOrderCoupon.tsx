import { useEffect, useState } from 'preact/hooks';
import type { PublishedContent } from '../../../../core/offers/published-config';
import { formatExpiry, type NextOrderCode } from '../next-order-code';
import type { ThankYouHost } from '../thank-you-host';
import { couponSaving } from './coupon-text';

export interface NextOrderCouponProps {
  host: Pick<ThankYouHost, 'i18n' | 'localization'>;
  content: PublishedContent['next_order_coupon'];
  /** The customer's own code, as the server handed it out. */
  code: NextOrderCode;
  /** The shop currency the discount's fixed amount is in. */
  shopCurrency: string;
  /** Called after the code is on screen (the impression), and when the buyer copies it. */
  onShown(): void;
  onCopied(): void;
}

const CLIPBOARD_ID = 'closer-next-order-code';

/**
 * Next-order coupon on the Thank you page: the copy, what the code takes off the next order, the
 * code itself with a copy button (Shopify's `s-clipboard-item`, driven by the button's `--copy`
 * command) and the date it expires.
 */
export function NextOrderCoupon({
  host,
  content,
  code,
  shopCurrency,
  onShown,
  onCopied,
}: NextOrderCouponProps) {
  const [copied, setCopied] = useState(false);
  useEffect(() => onShown(), [code.code]);
  const { i18n } = host;
  const checkoutCurrency = host.localization.currency.value.isoCode;
  const saving = couponSaving(
    i18n,
    { code: code.code, ...code.discount },
    checkoutCurrency,
    shopCurrency,
  );
  const expires = formatExpiry(code.expiresAt, host.localization.language.value.isoCode);
  return (
    <s-stack gap="base">
      <s-heading>{content.heading}</s-heading>
      {content.body && <s-text color="subdued">{content.body}</s-text>}
      {saving && <s-text>{i18n.translate('nextOrder.saving', { saving })}</s-text>}
      <s-grid gridTemplateColumns="1fr auto" gap="base" alignItems="center">
        <s-stack gap="none">
          <s-text type="strong">{code.code}</s-text>
          <s-text color="subdued">{i18n.translate('nextOrder.expires', { date: expires })}</s-text>
        </s-stack>
        <s-clipboard-item
          id={CLIPBOARD_ID}
          text={code.code}
          onCopy={() => {
            setCopied(true);
            onCopied();
          }}
        />
        <s-button
          command="--copy"
          commandFor={CLIPBOARD_ID}
          accessibilityLabel={i18n.translate('nextOrder.copyLabel', { code: code.code })}
        >
          {i18n.translate('nextOrder.copy')}
        </s-button>
      </s-grid>
      {copied && <s-banner tone="success">{i18n.translate('nextOrder.copied')}</s-banner>}
    </s-stack>
  );
}
