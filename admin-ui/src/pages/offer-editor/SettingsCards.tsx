import { LIMITS } from '../../../../core/offers/catalog.js';
import { Card } from '../../components/Card.js';
import { AlertIcon } from '../../components/icons.js';
import { TextField } from '../../components/TextField.js';
import { bindField } from './bind-field.js';
import { measuresNothing } from './experiment-change.js';
import type { OfferEditorStore } from './offer-editor-store.js';
import { HOLDOUT_MAX_PERCENT } from './offer-form.js';

export function ExperimentCard({ store }: { store: OfferEditorStore }) {
  const change = store.splitChange.value;
  return (
    <Card title="Measurement">
      <TextField
        label="Holdout"
        type="number"
        {...bindField(store, 'holdoutPercent')}
        min={0}
        max={HOLDOUT_MAX_PERCENT}
        step={1}
        suffix="%"
        helpText="Shoppers held out never see the offer. They are the baseline the uplift is measured against."
        data-testid="offer-holdout-input"
      />
      {measuresNothing(store.values.value) && (
        <p class="HoldoutWarning" role="status" data-testid="holdout-zero-warning">
          <AlertIcon />
          <span>
            With a 0% holdout nothing will be measured: every shopper sees the offer, so there is
            nobody to compare with and the report cannot say what the offer adds.
          </span>
        </p>
      )}
      {change && (
        <p class="text-secondary" data-testid="holdout-change-note">
          Saving this change starts a new experiment; the results so far are kept.
        </p>
      )}
      <TextField
        label="Priority"
        type="number"
        {...bindField(store, 'priority')}
        min={-LIMITS.priority}
        max={LIMITS.priority}
        step={1}
        helpText="When several offers qualify, the highest priority renders first."
        data-testid="offer-priority-input"
      />
    </Card>
  );
}
