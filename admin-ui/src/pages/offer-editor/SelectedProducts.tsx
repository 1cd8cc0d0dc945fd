import type { ProductDetail } from '../../../../core/offers/contract.js';
import { Badge } from '../../components/Badge.js';
import { Button } from '../../components/Button.js';
import { Thumbnail } from '../../components/Thumbnail.js';
import { formatMoney } from '../../lib/money.js';
import { variantLabel } from './product-selection.js';
import './product-picker.css';

interface SelectedProductsProps {
  selected: readonly ProductDetail[];
  currency: string;
  onRemove: (variantId: string) => void;
}

export function SelectedProducts({ selected, currency, onRemove }: SelectedProductsProps) {
  if (selected.length === 0) return null;
  return (
    <ul class="ProductList" aria-label="Products in this offer" data-testid="selected-products">
      {selected.map((item) => {
        const label = variantLabel(item.title, item.variantTitle);
        return (
          <li
            key={item.variantId}
            class="ProductList-item"
            data-testid="selected-product"
            data-variant-id={item.variantId}
          >
            <Thumbnail src={item.imageUrl} alt="" />
            <span class="ProductList-text">
              <span class="ProductList-title">{label}</span>
              <span class="text-secondary text-numeric">{formatMoney(item.price, currency)}</span>
            </span>
            {!item.available && <Badge tone="warning">Out of stock</Badge>}
            <Button
              variant="tertiary"
              onClick={() => onRemove(item.variantId)}
              accessibilityLabel={`Remove ${label}`}
              data-testid="remove-product"
            >
              Remove
            </Button>
          </li>
        );
      })}
    </ul>
  );
}
