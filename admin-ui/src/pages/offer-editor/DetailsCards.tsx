import type { OfferTarget } from '../../api/types.js';
import { Card } from '../../components/Card.js';
import { Select, type SelectOption } from '../../components/Select.js';
import { TextField } from '../../components/TextField.js';
import { TARGET_LABELS } from '../../lib/offer-labels.js';
import { bindField } from './bind-field.js';
import type { OfferEditorStore } from './offer-editor-store.js';
import { NAME_MAX } from './offer-form.js';

const TARGET_OPTIONS: readonly SelectOption<OfferTarget>[] = [
  { value: 'checkout_block', label: TARGET_LABELS.checkout_block },
  { value: 'cart_line_list_after', label: TARGET_LABELS.cart_line_list_after },
];

export function OfferDetailsCard({ store }: { store: OfferEditorStore }) {
  return (
    <Card title="Offer">
      <TextField
        label="Name"
        {...bindField(store, 'name')}
        maxLength={NAME_MAX}
        helpText="Only you see this name."
        data-testid="offer-name-input"
      />
      <Select
        label="Placement in checkout"
        options={TARGET_OPTIONS}
        value={store.values.value.target}
        onChange={(target) => store.update('target', target)}
        error={store.errors.value.target ?? null}
        helpText="Where the checkout block renders. Place it in the checkout editor after saving."
        data-testid="offer-target-select"
      />
    </Card>
  );
}

export function OfferContentCard({ store }: { store: OfferEditorStore }) {
  return (
    <Card title="Content">
      <TextField
        label="Heading"
        {...bindField(store, 'heading')}
        data-testid="offer-heading-input"
      />
      <TextField
        label="Body"
        {...bindField(store, 'body')}
        multiline={3}
        helpText="Optional. One short sentence works best in checkout."
        data-testid="offer-body-input"
      />
      <TextField
        label="Button label"
        {...bindField(store, 'buttonLabel')}
        data-testid="offer-button-label-input"
      />
    </Card>
  );
}
