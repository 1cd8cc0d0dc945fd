import { LIMITS } from '../../../../../core/offers/catalog.js';
import { Card } from '../../../components/Card.js';
import { Checkbox } from '../../../components/Checkbox.js';
import { TextField } from '../../../components/TextField.js';
import { CopyFields } from './CopyFields.js';
import { DiscountCard } from './DiscountCard.js';
import type { HesitationCouponForm } from './hesitation-coupon-form.js';
import type { KindFieldsProps } from './kind-fields-props.js';
import { VariantCards } from './VariantCards.js';

/**
 * Hesitation coupon: when it shows (seconds in checkout without paying, and whether a buyer who
 * already has a code is left alone), the copy of each variant, and the order discount it gives.
 */
export function HesitationCouponFields({
  form,
  errors,
  currency,
  onChange,
}: KindFieldsProps<HesitationCouponForm>) {
  const set = <K extends keyof HesitationCouponForm>(field: K, value: HesitationCouponForm[K]) =>
    onChange({ ...form, [field]: value }, field);
  return (
    <>
      <Card title="When it shows" data-testid="coupon-trigger">
        <TextField
          label="Delay before the coupon shows"
          value={form.delaySeconds}
          onInput={(value) => set('delaySeconds', value)}
          error={errors.delaySeconds ?? null}
          inputMode="numeric"
          suffix="seconds"
          helpText={`Seconds a buyer stays in checkout without paying, from ${LIMITS.hesitationDelayMin} to ${LIMITS.hesitationDelayMax}. Buyers who pay or leave sooner never see it, in either group, so only hesitating checkouts are compared.`}
          data-testid="coupon-delay-input"
        />
        <Checkbox
          label="Never to a buyer who already has a discount code applied"
          checked={form.skipIfCodeApplied}
          onChange={(checked) => set('skipIfCodeApplied', checked)}
          helpText="Those buyers are then left out of the test altogether: nothing shows and nothing is counted."
          data-testid="coupon-skip-discounted"
        />
      </Card>
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
        appliesTo="every item in the order"
        wholeOrder
        currency={currency}
        errors={errors}
        onChange={(discount) => onChange({ ...form, discount }, 'discount.value')}
      />
      <Card title="Minimum order" data-testid="coupon-minimum">
        <TextField
          label="Minimum subtotal"
          value={form.minimumSubtotal}
          onInput={(value) => set('minimumSubtotal', value)}
          error={errors.minimumSubtotal ?? null}
          inputMode="decimal"
          suffix={currency}
          helpText="Optional. The code applies only from this subtotal up, and the coupon shows only to carts that reach it. Leave empty for any order."
          data-testid="coupon-minimum-input"
        />
      </Card>
    </>
  );
}
