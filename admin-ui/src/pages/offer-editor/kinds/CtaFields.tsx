import { CTA_ICONS, type CtaIcon, LIMITS } from '../../../../../core/offers/catalog.js';
import { Checkbox } from '../../../components/Checkbox.js';
import { Select } from '../../../components/Select.js';
import { TextField } from '../../../components/TextField.js';
import { variantField } from '../form-fields.js';
import { CopyFields } from './CopyFields.js';
import type { CtaForm, CtaVariantForm } from './cta-form.js';
import type { KindFieldsProps } from './kind-fields-props.js';
import { VariantCards } from './VariantCards.js';

/** What each icon says, so a merchant picks by meaning; the extension draws the Polaris icon. */
export const CTA_ICON_LABELS: Record<CtaIcon, string> = {
  shield: 'Shield — guarantee',
  truck: 'Truck — shipping',
  return: 'Return arrow — returns',
  lock: 'Lock — secure payment',
  star: 'Star — reviews',
};

const ICON_OPTIONS = CTA_ICONS.map((icon) => ({ value: icon, label: CTA_ICON_LABELS[icon] }));

/** Trust banner: per variant a heading, body, icon and an optional link; no product. */
export function CtaFields({ form, errors, onChange }: KindFieldsProps<CtaForm>) {
  return (
    <VariantCards
      variants={form.variants}
      errors={errors}
      onChange={(variants, field) => onChange({ ...form, variants }, field)}
    >
      {(variant, index, update) => {
        const set = <K extends keyof CtaVariantForm>(field: K, value: CtaVariantForm[K]) =>
          update({ ...variant, [field]: value }, field);
        const error = (field: string) => errors[variantField(index, field)] ?? null;
        return (
          <>
            <CopyFields
              copy={{ heading: variant.heading, body: variant.body }}
              index={index}
              errors={errors}
              onChange={(field, value) => update({ ...variant, [field]: value }, field)}
            />
            <Select
              label="Icon"
              options={ICON_OPTIONS}
              value={variant.icon}
              onChange={(icon) => set('icon', icon)}
              error={error('icon')}
              data-testid="offer-icon-select"
            />
            <Checkbox
              label="Add a link"
              checked={variant.hasLink}
              onChange={(checked) => set('hasLink', checked)}
              helpText="Optional. Opens your page, e.g. the returns policy."
              data-testid="offer-link-toggle"
            />
            {variant.hasLink && (
              <>
                <TextField
                  label="Link address"
                  value={variant.linkUrl}
                  onInput={(value) => set('linkUrl', value)}
                  error={error('linkUrl')}
                  inputMode="url"
                  placeholder="/policies/refund-policy"
                  helpText="An https:// address, or a path on your store starting with /."
                  data-testid="offer-link-url-input"
                />
                <TextField
                  label="Link label"
                  value={variant.linkLabel}
                  onInput={(value) => set('linkLabel', value)}
                  error={error('linkLabel')}
                  helpText={`${variant.linkLabel.trim().length} of ${LIMITS.linkLabel} characters.`}
                  data-testid="offer-link-label-input"
                />
              </>
            )}
          </>
        );
      }}
    </VariantCards>
  );
}
