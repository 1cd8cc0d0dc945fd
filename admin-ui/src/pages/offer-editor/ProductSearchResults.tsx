import type { ProductDetail } from '../../../../core/offers/contract.js';
import { Badge } from '../../components/Badge.js';
import { Button } from '../../components/Button.js';
import { Spinner } from '../../components/Spinner.js';
import { Thumbnail } from '../../components/Thumbnail.js';
import { formatMoney } from '../../lib/money.js';
import type { SearchState } from './product-search-store.js';
import { isSelected, toProductDetail, variantLabel } from './product-selection.js';
import './product-picker.css';

interface ProductSearchResultsProps {
  state: SearchState;
  selected: readonly ProductDetail[];
  full: boolean;
  currency: string;
  onAdd: (detail: ProductDetail) => void;
}

/** One row per variant: a cross-sell adds a specific variant to the cart, not a product. */
export function ProductSearchResults({
  state,
  selected,
  full,
  currency,
  onAdd,
}: ProductSearchResultsProps) {
  if (state.status === 'idle') return null;
  if (state.status === 'loading') {
    return (
      <p class="ProductResults-status" aria-live="polite">
        <Spinner size={16} label="Searching products" />
      </p>
    );
  }
  if (state.status === 'error') {
    return (
      <p class="ProductResults-status Field-error" role="alert">
        {state.message}
      </p>
    );
  }
  const rows = state.products.flatMap((product) =>
    product.variants.map((variant) => toProductDetail(product, variant)),
  );
  if (rows.length === 0) {
    return (
      <p class="ProductResults-status" aria-live="polite" data-testid="product-results-empty">
        No products match this search.
      </p>
    );
  }
  return (
    <div class="ProductResults">
      <ul class="ProductList" aria-label="Search results" data-testid="product-results">
        {rows.map((detail) => {
          const label = variantLabel(detail.title, detail.variantTitle);
          const added = isSelected(selected, detail.variantId);
          return (
            <li
              key={detail.variantId}
              class="ProductList-item"
              data-testid="product-result"
              data-variant-id={detail.variantId}
            >
              <Thumbnail src={detail.imageUrl} alt="" />
              <span class="ProductList-text">
                <span class="ProductList-title">{label}</span>
                <span class="text-secondary text-numeric">
                  {formatMoney(detail.price, currency)}
                </span>
              </span>
              {!detail.available && <Badge tone="warning">Out of stock</Badge>}
              <Button
                onClick={() => onAdd(detail)}
                disabled={added || full}
                accessibilityLabel={added ? `${label} added` : `Add ${label}`}
                data-testid="product-add"
              >
                {added ? 'Added' : 'Add'}
              </Button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
