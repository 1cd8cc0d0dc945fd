import { LIMITS } from '../../../../../core/offers/catalog.js';
import { variantField } from '../form-fields.js';
import { ProductPicker } from '../ProductPicker.js';
import { CopyFields } from './CopyFields.js';
import type { CrossSellForm } from './cross-sell-form.js';
import { DiscountCard } from './DiscountCard.js';
import type { KindFieldsProps } from './kind-fields-props.js';
import { VariantCards } from './VariantCards.js';

/** Cross-sell: per variant its copy and one to three products, each with its own button. */
export function CrossSellFields({
  form,
  errors,
  currency,
  onChange,
}: KindFieldsProps<CrossSellForm>) {
  return (
    <>
      <VariantCards
        variants={form.variants}
        errors={errors}
        onChange={(variants, field) => onChange({ ...form, variants }, field)}
      >
        {(variant, index, update) => (
          <>
            <CopyFields
              copy={variant}
              index={index}
              errors={errors}
              onChange={(field, value) => update({ ...variant, [field]: value }, field)}
            />
            <ProductPicker
              selected={variant.products}
              onChange={(products) => update({ ...variant, products }, 'products')}
              currency={currency}
              error={errors[variantField(index, 'products')]}
              max={LIMITS.productsPerVariant}
              label="Search products"
              noun="products"
            />
          </>
        )}
      </VariantCards>
      <DiscountCard
        discount={form.discount}
        appliesTo="the offered products"
        currency={currency}
        errors={errors}
        onChange={(discount) => onChange({ ...form, discount }, 'discount.value')}
      />
    </>
  );
}
