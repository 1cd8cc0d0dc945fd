import { KIND_INFO, TARGET_INFO } from '../../../../core/offers/catalog.js';
import { Card } from '../../components/Card.js';
import { Select } from '../../components/Select.js';
import { TextField } from '../../components/TextField.js';
import { bindField } from './bind-field.js';
import type { OfferEditorStore } from './offer-editor-store.js';

/** Name and placement: every kind has them; the placements offered are the kind's own. */
export function OfferDetailsCard({ store }: { store: OfferEditorStore }) {
  const kind = store.values.value.spec.kind;
  const options = KIND_INFO[kind].targets.map((target) => ({
    value: target,
    label: TARGET_INFO[target].label,
  }));
  return (
    <Card title="Offer">
      <TextField
        label="Name"
        {...bindField(store, 'name')}
        helpText="Only you see this name."
        data-testid="offer-name-input"
      />
      <Select
        label="Placement in checkout"
        options={options}
        value={store.values.value.common.target}
        onChange={(target) => store.updateCommon('target', target)}
        error={store.errors.value.target ?? null}
        helpText="Where the checkout block renders. Place it in the checkout editor after saving."
        data-testid="offer-target-select"
      />
    </Card>
  );
}
