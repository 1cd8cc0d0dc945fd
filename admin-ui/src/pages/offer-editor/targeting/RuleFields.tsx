import { XIcon } from '../../../components/icons.js';
import { Select, type SelectOption } from '../../../components/Select.js';
import { TextField } from '../../../components/TextField.js';
import { countryName, countryOptions, languageName } from './countries.js';
import { RuleProductPicker } from './RuleProductPicker.js';
import type {
  CountryRule,
  CustomerRule,
  ItemCountRule,
  ProductsRule,
  SubtotalRule,
  TargetingRule,
} from './targeting-rules.js';

interface RuleFieldsProps<R extends TargetingRule> {
  rule: R;
  error: string | null;
  /** The shop's currency; a subtotal rule in another one says so. */
  currency: string;
  onChange: (next: R) => void;
}

/** The inputs of one rule, by type. */
export function RuleFields(props: RuleFieldsProps<TargetingRule>) {
  const { rule } = props;
  // Each branch hands the rule of its own type to its own inputs.
  switch (rule.type) {
    case 'products':
      return <ProductsFields {...(props as RuleFieldsProps<ProductsRule>)} />;
    case 'subtotal':
      return <SubtotalFields {...(props as RuleFieldsProps<SubtotalRule>)} />;
    case 'itemCount':
      return <ItemCountFields {...(props as RuleFieldsProps<ItemCountRule>)} />;
    case 'country':
      return <CountryFields {...(props as RuleFieldsProps<CountryRule>)} />;
    case 'customer':
      return <CustomerFields {...(props as RuleFieldsProps<CustomerRule>)} />;
    case 'locale': {
      const codes = rule.languages.split(/[\s,]+/).filter(Boolean);
      return (
        <TextField
          label="Language codes"
          value={rule.languages}
          onInput={(languages) => props.onChange({ ...rule, languages })}
          error={props.error}
          placeholder="en, fr, pt-BR"
          helpText={
            codes.length > 0
              ? `Matches ${codes.map(languageName).join(', ')}. A language matches all its regions (fr matches fr-CA).`
              : 'Separated by commas. A language matches all its regions (fr matches fr-CA).'
          }
          data-testid="rule-locale-input"
        />
      );
    }
    case 'customerTags':
      return (
        <TextField
          label="Customer has any of these tags"
          value={rule.tags}
          onInput={(tags) => props.onChange({ ...rule, tags })}
          error={props.error}
          placeholder="vip, wholesale"
          helpText="Separated by commas."
          data-testid="rule-tags-input"
        />
      );
  }
}

function ProductsFields({ rule, error, onChange }: RuleFieldsProps<ProductsRule>) {
  const options: SelectOption<ProductsRule['op']>[] = [
    { value: 'any', label: 'Contains any of these products' },
    { value: 'none', label: 'Contains none of these products' },
  ];
  return (
    <>
      <Select
        label="The cart"
        options={options}
        value={rule.op}
        onChange={(op) => onChange({ ...rule, op })}
        data-testid="rule-products-op"
      />
      <RuleProductPicker
        selected={rule.products}
        onChange={(products) => onChange({ ...rule, products })}
        error={error}
      />
    </>
  );
}

function SubtotalFields({ rule, error, currency, onChange }: RuleFieldsProps<SubtotalRule>) {
  const options: SelectOption<SubtotalRule['op']>[] = [
    { value: 'gte', label: 'At least' },
    { value: 'lt', label: 'Below' },
  ];
  const foreign = rule.currency !== currency;
  return (
    <div class="RuleFields-inline">
      <Select
        label="Subtotal is"
        options={options}
        value={rule.op}
        onChange={(op) => onChange({ ...rule, op })}
        data-testid="rule-subtotal-op"
      />
      <TextField
        label="Amount"
        value={rule.amount}
        onInput={(amount) => onChange({ ...rule, amount })}
        error={error}
        inputMode="decimal"
        suffix={rule.currency}
        placeholder={rule.currency === 'JPY' ? '5000' : '50.00'}
        helpText={
          foreign
            ? `In ${rule.currency}, not your store’s ${currency}: only checkouts paying in ${rule.currency} match.`
            : `In ${rule.currency}, before shipping and taxes. Checkouts paying in another currency do not match.`
        }
        data-testid="rule-subtotal-amount"
      />
    </div>
  );
}

function ItemCountFields({ rule, error, onChange }: RuleFieldsProps<ItemCountRule>) {
  const options: SelectOption<ItemCountRule['op']>[] = [
    { value: 'gte', label: 'At least' },
    { value: 'lte', label: 'At most' },
  ];
  return (
    <div class="RuleFields-inline">
      <Select
        label="Items in the cart"
        options={options}
        value={rule.op}
        onChange={(op) => onChange({ ...rule, op })}
        data-testid="rule-item-count-op"
      />
      <TextField
        label="Number of items"
        value={rule.count}
        onInput={(count) => onChange({ ...rule, count })}
        error={error}
        inputMode="numeric"
        helpText="All quantities added up."
        data-testid="rule-item-count-input"
      />
    </div>
  );
}

const NO_COUNTRY = '';

function CountryFields({ rule, error, onChange }: RuleFieldsProps<CountryRule>) {
  const options: SelectOption<CountryRule['op']>[] = [
    { value: 'in', label: 'Is one of' },
    { value: 'nin', label: 'Is not one of' },
  ];
  const choices = [
    { value: NO_COUNTRY, label: 'Choose a country…' },
    ...countryOptions().filter((option) => !rule.countries.includes(option.value)),
  ];
  return (
    <>
      <Select
        label="The buyer’s country"
        options={options}
        value={rule.op}
        onChange={(op) => onChange({ ...rule, op })}
        helpText="The market’s country, or the shipping address once it is entered."
        data-testid="rule-country-op"
      />
      {rule.countries.length > 0 && (
        <ul class="RuleChips" aria-label="Countries in this condition" data-testid="rule-countries">
          {rule.countries.map((code) => (
            <li key={code} class="RuleChip" data-testid="rule-country" data-key={code}>
              {countryName(code)}
              <button
                type="button"
                class="RuleChip-remove"
                aria-label={`Remove ${countryName(code)}`}
                onClick={() =>
                  onChange({ ...rule, countries: rule.countries.filter((c) => c !== code) })
                }
              >
                <XIcon size={16} />
              </button>
            </li>
          ))}
        </ul>
      )}
      <Select
        label="Add a country"
        options={choices}
        value={NO_COUNTRY}
        error={error}
        onChange={(code) => {
          if (code !== NO_COUNTRY) onChange({ ...rule, countries: [...rule.countries, code] });
        }}
        data-testid="rule-country-add"
      />
    </>
  );
}

function CustomerFields({ rule, onChange }: RuleFieldsProps<CustomerRule>) {
  const options: SelectOption<'member' | 'guest'>[] = [
    { value: 'member', label: 'Logged in to a customer account' },
    { value: 'guest', label: 'Checking out as a guest' },
  ];
  return (
    <Select
      label="The buyer is"
      options={options}
      value={rule.loggedIn ? 'member' : 'guest'}
      onChange={(value) => onChange({ ...rule, loggedIn: value === 'member' })}
      data-testid="rule-customer-select"
    />
  );
}
