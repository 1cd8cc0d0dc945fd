import type { ProductDetail } from '../../api/types.js';
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
  error?: string | undefined;
}

export function ProductPicker({ selected, onChange, currency, error }: ProductPickerProps) {
  const search = useProductSearchStore();
  const full = selected.length >= MAX_PRODUCTS;
  return (
    <Stack>
      <SelectedProducts
        selected={selected}
        currency={currency}
        onRemove={(variantId) => onChange(removeProduct(selected, variantId))}
      />
      <TextField
        label="Search products"
        type="search"
        value={search.query.value}
        onInput={search.setQuery}
        prefix={<SearchIcon />}
        placeholder="Search by product title"
        error={error}
        helpText={`${selected.length} of ${MAX_PRODUCTS} products picked${
          full ? ' — remove one to pick another' : ''
        }.`}
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
        onAdd={(detail) => onChange(addProduct(selected, detail))}
      />
    </Stack>
  );
}
