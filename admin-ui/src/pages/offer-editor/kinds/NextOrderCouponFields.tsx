import { LIMITS } from '../../../../../core/offers/catalog.js';
import { Card } from '../../../components/Card.js';
import { TextField } from '../../../components/TextField.js';
import { CopyFields } from './CopyFields.js';
import { DiscountCard } from './DiscountCard.js';
import type { KindFieldsProps } from './kind-fields-props.js';
import type { NextOrderCouponForm } from './next-order-coupon-form.js';
import { VariantCards } from './VariantCards.js';

/**
 * Next-order coupon: the Thank you page's copy per variant, the discount on the next order, how
 * long each customer's code stays valid, and the window in which repeat purchases are counted.
 */
export function NextOrderCouponFields({
  form,
  errors,
  currency,
  onChange,
}: KindFieldsProps<NextOrderCouponForm>) {
  const set = <K extends keyof NextOrderCouponForm>(field: K, value: NextOrderCouponForm[K]) =>
    onChange({ ...form, [field]: value }, field);
  return (
    <>
      <VariantCards
        variants={form.variants}
        errors={errors}
        onChange={(variants, field) => onChange({ ...form, variants }, field)}
      >
        {(variant, index, update) => (
          <CopyFields
            copy={variant}
            index={index}
            errors={errors}
            onChange={(field, value) => update({ ...variant, [field]: value }, field)}
          />
        )}
      </VariantCards>
      <DiscountCard
        discount={form.discount}
        appliesTo="every item in the customer's next order"
        wholeOrder
        currency={currency}
        errors={errors}
        onChange={(discount) => onChange({ ...form, discount }, 'discount.value')}
      />
      <Card title="Code and measurement" data-testid="next-order-settings">
        <TextField
          label="Code expires after"
          value={form.codeExpiryDays}
          onInput={(value) => set('codeExpiryDays', value)}
          error={errors.codeExpiryDays ?? null}
          inputMode="numeric"
          suffix="days"
          helpText={`From when the Thank you page first shows the code, ${LIMITS.nextOrderExpiryDaysMin} to ${LIMITS.nextOrderExpiryDaysMax} days. Each customer may use it once.`}
          data-testid="next-order-expiry-input"
        />
        <TextField
          label="Count repeat purchases for"
          value={form.outcomeWindowDays}
          onInput={(value) => set('outcomeWindowDays', value)}
          error={errors.outcomeWindowDays ?? null}
          inputMode="numeric"
          suffix="days"
          helpText="Orders a customer places this many days after the Thank you page are compared with the holdout's. The order that showed the page never counts. Changing it starts a new experiment."
          data-testid="next-order-window-input"
        />
      </Card>
    </>
  );
}
