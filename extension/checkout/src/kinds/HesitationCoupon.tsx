import { useEffect, useState } from 'preact/hooks';
import { applyOfferDiscount } from '../apply-offer-discount';
import { readPublishedConfig } from '../read-config';
import { hasCode } from '../trigger';
import { couponMinimum, couponSaving } from './coupon-text';
import type { KindProps } from './kind-props';

/**
 * Hesitation coupon, once its trigger fired (the slot holds it back until then; see TriggerGate):
 * the copy, what the code takes off the order, and one tap that applies it. Once the code is on
 * the checkout the button gives way to a confirmation, also after a reload.
 */
export function HesitationCoupon({
  host,
  placement,
  content,
  tracker,
}: KindProps<'hesitation_coupon'>) {
  const [applying, setApplying] = useState(false);
  const [failed, setFailed] = useState(false);
  const discount = placement.offer.discount;
  const applied = Boolean(discount && hasCode(host.discountCodes.value, discount.code));

  useEffect(() => {
    if (discount) tracker.track('impression', placement);
  });
  if (!discount) return null;

  const { i18n } = host;
  const checkoutCurrency = host.localization.currency.value.isoCode;
  const shopCurrency = readPublishedConfig(host.appMetafields.value)?.currency ?? checkoutCurrency;
  const saving = couponSaving(i18n, discount, checkoutCurrency, shopCurrency);
  const minimum = couponMinimum(i18n, discount, checkoutCurrency, shopCurrency);
  const canApply = host.instructions.value.discounts.canUpdateDiscountCodes;

  async function apply() {
    if (!discount) return;
    tracker.track('click', placement);
    setApplying(true);
    setFailed(false);
    const ok = await applyOfferDiscount(host, discount.code);
    setApplying(false);
    setFailed(!ok);
    if (ok) tracker.track('coupon_apply', placement);
  }

  return (
    <s-stack gap="base">
      <s-heading>{content.heading}</s-heading>
      {content.body && <s-text color="subdued">{content.body}</s-text>}
      <s-grid gridTemplateColumns="1fr auto" gap="base" alignItems="center">
        <s-stack gap="none">
          {saving && <s-text type="strong">{saving}</s-text>}
          {minimum && <s-text color="subdued">{minimum}</s-text>}
        </s-stack>
        {!applied && (
          <s-button
            variant="primary"
            loading={applying}
            disabled={!canApply}
            accessibilityLabel={i18n.translate('coupon.applyLabel', { code: discount.code })}
            onClick={apply}
          >
            {content.buttonLabel}
          </s-button>
        )}
      </s-grid>
      {applied && (
        <s-banner tone="success">
          {i18n.translate('coupon.applied', { code: discount.code })}
        </s-banner>
      )}
      {failed && !applied && (
        <s-banner tone="critical">{i18n.translate('errors.discountNotApplied')}</s-banner>
      )}
    </s-stack>
  );
}
