import { LIMITS } from '../../../../../core/offers/catalog.js';
import { Card } from '../../../components/Card.js';
import { Select, type SelectOption } from '../../../components/Select.js';
import { TextField } from '../../../components/TextField.js';
import type { FieldErrors } from '../form-fields.js';
import type { DiscountForm } from './shared-form.js';

interface DiscountCardProps {
  discount: DiscountForm;
  /** What the discount applies to, e.g. "the offered products". */
  appliesTo: string;
  /**
   * An order-level discount (a coupon): no "No discount" choice, and a fixed amount is off the
   * order once, not off each item.
   */
  wholeOrder?: boolean;
  currency: string;
  errors: FieldErrors;
  onChange: (next: DiscountForm) => void;
}

/** None, a whole percentage, or a fixed amount typed in the shop's money ("5.00"). */
export function DiscountCard({
  discount,
  appliesTo,
  wholeOrder = false,
  currency,
  errors,
  onChange,
}: DiscountCardProps) {
  const options: SelectOption<DiscountForm['type']>[] = [
    ...(wholeOrder ? [] : [{ value: 'none' as const, label: 'No discount' }]),
    { value: 'percentage', label: 'Percentage off' },
    { value: 'fixed', label: `Fixed amount off (${currency})` },
  ];
  const help = wholeOrder
    ? `Applies to ${appliesTo} through a Shopify discount code on the whole order, which does not combine with the shop's other order discounts.`
    : `Applies to ${appliesTo} through a Shopify discount code limited to them; checkout shows the original price struck through.`;
  return (
    <Card title="Discount" data-testid="offer-discount">
      <Select
        label="Discount type"
        options={options}
        value={discount.type}
        onChange={(type) => onChange({ type, value: type === 'none' ? '' : discount.value })}
        helpText={help}
        data-testid="offer-discount-type"
      />
      {discount.type !== 'none' && (
        <TextField
          label={
            discount.type === 'percentage'
              ? 'Percentage off'
              : wholeOrder
                ? 'Amount off the order'
                : 'Amount off each item'
          }
          value={discount.value}
          onInput={(value) => onChange({ ...discount, value })}
          error={errors['discount.value'] ?? null}
          inputMode={discount.type === 'percentage' ? 'numeric' : 'decimal'}
          suffix={discount.type === 'percentage' ? '%' : currency}
          helpText={
            discount.type === 'percentage'
              ? `A whole percentage from 1 to ${LIMITS.percentOffMax}.`
              : `In ${currency}, for example 5.00.`
          }
          data-testid="offer-discount-value"
        />
      )}
    </Card>
  );
}
