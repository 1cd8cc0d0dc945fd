import { Button } from '../../../components/Button.js';
import { SearchIcon } from '../../../components/icons.js';
import { Spinner } from '../../../components/Spinner.js';
import { Stack } from '../../../components/Stack.js';
import { TextField } from '../../../components/TextField.js';
import { Thumbnail } from '../../../components/Thumbnail.js';
import { useProductSearchStore } from '../product-search-store.js';
import { fallbackProductLabel, rememberProductTitle } from './product-titles.js';
import { MAX_RULE_PRODUCTS, type RuleProduct } from './targeting-rules.js';
import '../product-picker.css';

interface RuleProductPickerProps {
  selected: readonly RuleProduct[];
  onChange: (next: RuleProduct[]) => void;
  error: string | null;
}

/**
 * Products for a "cart contains" rule. A rule is about a product whatever its variant, so the
 * results list products (not variants, as the offer's own pickers do).
 */
export function RuleProductPicker({ selected, onChange, error }: RuleProductPickerProps) {
  const search = useProductSearchStore();
  const state = search.state.value;
  const full = selected.length >= MAX_RULE_PRODUCTS;
  const picked = new Set(selected.map((product) => product.id));
  return (
    <Stack>
      {selected.length > 0 && (
        <ul class="ProductList" aria-label="Products in this condition" data-testid="rule-products">
          {selected.map((product) => {
            const label = product.title ?? fallbackProductLabel(product.id);
            return (
              <li
                key={product.id}
                class="ProductList-item"
                data-testid="rule-product"
                data-product-id={product.id}
              >
                <span class="ProductList-text">
                  <span class="ProductList-title">{label}</span>
                </span>
                <Button
                  variant="tertiary"
                  onClick={() => onChange(selected.filter((item) => item.id !== product.id))}
                  accessibilityLabel={`Remove ${label} from the condition`}
                  data-testid="rule-product-remove"
                >
                  Remove
                </Button>
              </li>
            );
          })}
        </ul>
      )}
      <TextField
        label="Search products for this condition"
        type="search"
        value={search.query.value}
        onInput={search.setQuery}
        prefix={<SearchIcon />}
        placeholder="Search by product title"
        error={error}
        helpText={`${selected.length} of ${MAX_RULE_PRODUCTS} products picked. Any variant of a product counts.`}
        onFocus={search.open}
        onKeyDown={(event) => {
          // Enter must not submit the offer form.
          if (event.key === 'Enter') event.preventDefault();
        }}
        data-testid="rule-product-search"
      />
      {state.status === 'loading' && (
        <p class="ProductResults-status" aria-live="polite">
          <Spinner size={16} label="Searching products" />
        </p>
      )}
      {state.status === 'error' && (
        <p class="ProductResults-status Field-error" role="alert">
          {state.message}
        </p>
      )}
      {state.status === 'ready' &&
        (state.products.length === 0 ? (
          <p class="ProductResults-status" aria-live="polite">
            No products match this search.
          </p>
        ) : (
          <div class="ProductResults">
            <ul class="ProductList" aria-label="Products found" data-testid="rule-product-results">
              {state.products.map((product) => {
                const added = picked.has(product.id);
                return (
                  <li
                    key={product.id}
                    class="ProductList-item"
                    data-testid="rule-product-result"
                    data-product-id={product.id}
                  >
                    <Thumbnail src={product.imageUrl} alt="" />
                    <span class="ProductList-text">
                      <span class="ProductList-title">{product.title}</span>
                    </span>
                    <Button
                      disabled={added || full}
                      onClick={() => {
                        rememberProductTitle(product.id, product.title);
                        onChange([...selected, { id: product.id, title: product.title }]);
                      }}
                      accessibilityLabel={added ? `${product.title} added` : `Add ${product.title}`}
                      data-testid="rule-product-add"
                    >
                      {added ? 'Added' : 'Add'}
                    </Button>
                  </li>
                );
              })}
            </ul>
          </div>
        ))}
    </Stack>
  );
}
