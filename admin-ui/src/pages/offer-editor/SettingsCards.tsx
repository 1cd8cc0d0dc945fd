import { LIMITS } from '../../../../core/offers/catalog.js';
import { Card } from '../../components/Card.js';
import { TextField } from '../../components/TextField.js';
import { bindField } from './bind-field.js';
import type { OfferEditorStore } from './offer-editor-store.js';
import { HOLDOUT_MAX_PERCENT } from './offer-form.js';

export function ExperimentCard({ store }: { store: OfferEditorStore }) {
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

export function ScheduleCard({ store }: { store: OfferEditorStore }) {
  return (
    <Card title="Schedule">
      <TextField
        label="Starts"
        type="datetime-local"
        {...bindField(store, 'startsAt')}
        helpText="Optional. Empty starts as soon as the offer is active."
        data-testid="offer-starts-input"
      />
      <TextField
        label="Ends"
        type="datetime-local"
        {...bindField(store, 'endsAt')}
        helpText="Optional. Empty runs until you pause it."
        data-testid="offer-ends-input"
      />
    </Card>
  );
}

const CONDITION_EXAMPLE = '{"currency": "USD", "subtotal": {"$gte": 5000}}';

export function TargetingCard({ store }: { store: OfferEditorStore }) {
  return (
    <Card title="Targeting">
      <TextField
        label="Condition (JSON)"
        {...bindField(store, 'condition')}
        multiline={5}
        monospace
        placeholder={CONDITION_EXAMPLE}
        helpText={
          <>
            Optional. A GrowthBook condition over <code>subtotal</code> (minor units),{' '}
            <code>currency</code>, <code>country</code>, <code>locale</code>, <code>loggedIn</code>,{' '}
            <code>customerTags</code>, <code>cartVariantIds</code>, <code>itemCount</code> and more.
            Empty shows the offer in every checkout.
          </>
        }
        data-testid="offer-condition-input"
      />
    </Card>
  );
}
