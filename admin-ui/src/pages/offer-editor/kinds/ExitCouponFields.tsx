import { LIMITS } from '../../../../../core/offers/catalog.js';
import type { CombinesWith } from '../../../../../core/offers/contract.js';
import { STOREFRONT_PAGES, type StorefrontPage } from '../../../../../core/storefront/config.js';
import {
  INTENT_SENSITIVITIES,
  type IntentSensitivity,
} from '../../../../../core/storefront/intent-presets.js';
import { themeEditorLink } from '../../../../../core/storefront/theme-editor-link.js';
import { Card } from '../../../components/Card.js';
import { Checkbox } from '../../../components/Checkbox.js';
import { Select } from '../../../components/Select.js';
import { TextField } from '../../../components/TextField.js';
import { CopyFields } from './CopyFields.js';
import { DiscountCard } from './DiscountCard.js';
import type { ExitCouponForm } from './exit-coupon-form.js';
import type { KindFieldsProps } from './kind-fields-props.js';
import { VariantCards } from './VariantCards.js';

const PAGE_LABELS: Record<StorefrontPage, string> = {
  index: 'Home page',
  product: 'Product pages',
  collection: 'Collection pages',
  cart: 'Cart page',
  search: 'Search results',
  page: 'Other pages',
};

const SENSITIVITY_LABELS: Record<IntentSensitivity, string> = {
  low: 'Low — only a decisive move to leave',
  medium: 'Medium',
  high: 'High — gentler moves count too',
};

const COMBINES: { key: keyof CombinesWith; label: string }[] = [
  { key: 'orderDiscounts', label: 'Other order discounts' },
  { key: 'productDiscounts', label: 'Product discounts' },
  { key: 'shippingDiscounts', label: 'Shipping discounts' },
];

/**
 * The theme editor link needs the shop's domain (the embedded admin's `shop` query parameter) and
 * the app's API key (the `shopify-api-key` meta tag App Bridge reads); without them (outside the
 * Shopify admin) there is no theme to open.
 */
function embedLink(): string | null {
  const shop = new URLSearchParams(window.location.search).get('shop');
  const apiKey = document.querySelector('meta[name="shopify-api-key"]')?.getAttribute('content');
  return shop && apiKey ? themeEditorLink(shop, apiKey) : null;
}

/**
 * Exit-intent coupon: where and when it shows on the storefront, the copy of each variant, the
 * order discount each visitor's own code gives, and the link that turns the theme's app embed on.
 */
export function ExitCouponFields({
  form,
  errors,
  currency,
  onChange,
}: KindFieldsProps<ExitCouponForm>) {
  const set = <K extends keyof ExitCouponForm>(field: K, value: ExitCouponForm[K], key?: string) =>
    onChange({ ...form, [field]: value }, key ?? field);
  const link = embedLink();
  return (
    <>
      <Card title="On the storefront" data-testid="exit-embed">
        <p>
          The coupon shows through Closer’s app embed in your theme. Switch it on once in the theme
          editor and save; it adds nothing to your theme’s code.
        </p>
        {link ? (
          <a href={link} target="_top" data-testid="exit-embed-link">
            Open the theme editor with Closer’s app embed
          </a>
        ) : null}
      </Card>
      <Card title="When it shows" data-testid="exit-intent">
        <Select
          label="Sensitivity"
          options={INTENT_SENSITIVITIES.map((value) => ({
            value,
            label: SENSITIVITY_LABELS[value],
          }))}
          value={form.sensitivity}
          onChange={(value) => set('sensitivity', value, 'intent')}
          error={errors.intent ?? null}
          data-testid="exit-sensitivity"
        />
        <TextField
          label="Minimum time on the page"
          value={form.minTimeOnPageSeconds}
          onInput={(value) => set('minTimeOnPageSeconds', value, 'intent')}
          inputMode="numeric"
          suffix="seconds"
          data-testid="exit-min-time"
        />
        <TextField
          label="Show after inactivity"
          value={form.idleSeconds}
          onInput={(value) => set('idleSeconds', value, 'intent')}
          inputMode="numeric"
          suffix="seconds"
          helpText="0 turns the idle timer off."
          data-testid="exit-idle"
        />
        <TextField
          label="At most once per visitor every"
          value={form.frequencyCapHours}
          onInput={(value) => set('frequencyCapHours', value, 'intent')}
          inputMode="numeric"
          suffix="hours"
          helpText={`From 1 to ${LIMITS.exitFrequencyCapMax} hours, for both groups alike.`}
          data-testid="exit-frequency-cap"
        />
        <fieldset class="Fieldset" data-testid="exit-pages">
          <legend>Pages</legend>
          {STOREFRONT_PAGES.map((page) => (
            <Checkbox
              key={page}
              label={PAGE_LABELS[page]}
              checked={form.pages.includes(page)}
              onChange={(checked) =>
                set(
                  'pages',
                  checked
                    ? STOREFRONT_PAGES.filter((p) => p === page || form.pages.includes(p))
                    : form.pages.filter((p) => p !== page),
                )
              }
            />
          ))}
          {errors.pages ? <p class="Field-error">{errors.pages}</p> : null}
        </fieldset>
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
      <Card title="Code" data-testid="exit-code">
        <TextField
          label="Each code expires after"
          value={form.codeExpiryHours}
          onInput={(value) => set('codeExpiryHours', value)}
          error={errors.codeExpiryHours ?? null}
          inputMode="numeric"
          suffix="hours"
          helpText="Every visitor gets a code of their own that works once."
          data-testid="exit-expiry"
        />
        <TextField
          label="Minimum subtotal"
          value={form.minimumSubtotal}
          onInput={(value) => set('minimumSubtotal', value)}
          error={errors.minimumSubtotal ?? null}
          inputMode="decimal"
          suffix={currency}
          helpText="Optional. Leave empty for any order."
          data-testid="exit-minimum"
        />
        <fieldset class="Fieldset" data-testid="exit-combines">
          <legend>Combines with</legend>
          {COMBINES.map(({ key, label }) => (
            <Checkbox
              key={key}
              label={label}
              checked={form.combinesWith[key]}
              onChange={(checked) =>
                set('combinesWith', { ...form.combinesWith, [key]: checked }, 'combinesWith')
              }
            />
          ))}
        </fieldset>
      </Card>
    </>
  );
}
