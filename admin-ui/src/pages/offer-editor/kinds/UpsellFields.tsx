import { LIMITS } from '../../../../../core/offers/catalog.js';
import { Card } from '../../../components/Card.js';
import { ProductPicker } from '../ProductPicker.js';
import { CopyFields } from './CopyFields.js';
import { DiscountCard } from './DiscountCard.js';
import type { KindFieldsProps } from './kind-fields-props.js';
import type { UpsellForm } from './upsell-form.js';
import { VariantCards } from './VariantCards.js';

/** Upsell: which cart lines trigger it, the variant offered in their place, and the copy. */
export function UpsellFields({ form, errors, currency, onChange }: KindFieldsProps<UpsellForm>) {
  return (
    <>
      <Card title="Trigger products" data-testid="upsell-triggers">
        <p class="text-secondary">
          The offer shows when the cart holds one of these variants. One tap replaces that line with
          the upgrade and keeps its quantity.
        </p>
        <ProductPicker
          selected={form.triggers}
          onChange={(triggers) => onChange({ ...form, triggers }, 'triggers')}
          currency={currency}
          error={errors.triggers}
          max={LIMITS.triggers}
          label="Search trigger products"
          noun="trigger products"
        />
      </Card>
      <Card title="Upgrade" data-testid="upsell-replacement">
        <p class="text-secondary">The variant offered instead, for example the bigger pack.</p>
        <ProductPicker
          selected={form.replacement ? [form.replacement] : []}
          onChange={([replacement]) =>
            onChange({ ...form, replacement: replacement ?? null }, 'replacement')
          }
          currency={currency}
          error={errors.replacement}
          max={1}
          label="Search upgrade variant"
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
        appliesTo="the upgrade"
        currency={currency}
        errors={errors}
        onChange={(discount) => onChange({ ...form, discount }, 'discount.value')}
      />
    </>
  );
}
