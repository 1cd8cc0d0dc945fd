import type { ProductDetail } from '../../../../core/offers/contract.js';
import { SearchIcon } from '../../components/icons.js';
import { Stack } from '../../components/Stack.js';
import { TextField } from '../../components/TextField.js';
import { ProductSearchResults } from './ProductSearchResults.js';
import { useProductSearchStore } from './product-search-store.js';
import { addProduct, MAX_PRODUCTS, removeProduct } from './product-selection.js';
import { SelectedProducts } from './SelectedProducts.js';

interface ProductPickerProps {
  selected: ProductDetail[];
  onChange: (next: ProductDetail[]) => void;
  currency: string;
  error?: string | null | undefined;
  /** How many variants may be picked; one turns "Add" into "Choose" and replaces the pick. */
  max?: number;
  /** The search input's label, unique on the page so each picker can be found by it. */
  label?: string;
  /** What is picked, plural, for the count under the search ("products", "trigger products"). */
  noun?: string;
}

export function ProductPicker({
  selected,
  onChange,
  currency,
  error,
  max = MAX_PRODUCTS,
  label = 'Search products',
  noun = 'products',
}: ProductPickerProps) {
  const search = useProductSearchStore();
  const single = max === 1;
  const full = !single && selected.length >= max;
  const help = single
    ? selected.length === 0
      ? 'Pick one variant.'
      : 'Pick another variant to replace it.'
    : `${selected.length} of ${max} ${noun} picked${full ? ' — remove one to pick another' : ''}.`;
  return (
    <Stack>
      <SelectedProducts
        selected={selected}
        currency={currency}
        onRemove={(variantId) => onChange(removeProduct(selected, variantId))}
      />
      <TextField
        label={label}
        type="search"
        value={search.query.value}
        onInput={search.setQuery}
        prefix={<SearchIcon />}
        placeholder="Search by product title"
        error={error}
        helpText={help}
        data-testid="product-search"
        onFocus={search.open}
        onKeyDown={(event) => {
          // Enter searches (it already does as you type); it must not submit the offer form.
          if (event.key === 'Enter') event.preventDefault();
        }}
      />
      <ProductSearchResults
        state={search.state.value}
        selected={selected}
        full={full}
        currency={currency}
        onAdd={(detail) => onChange(single ? [detail] : addProduct(selected, detail, max))}
      />
    </Stack>
  );
}
