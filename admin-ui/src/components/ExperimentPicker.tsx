import { getApiClient } from '../api/client.js';
import { fetchOfferExperiments } from '../api/endpoints.js';
import { experimentOptions } from '../state/experiment-options.js';
import { useResource } from '../state/resource.js';
import { Card } from './Card.js';
import { Select } from './Select.js';

interface ExperimentPickerProps {
  offerId: string;
  /** The experiment shown. */
  selected: string;
  onSelect: (key: string) => void;
}

/**
 * Which of the offer's experiments the report shows. Changing the holdout or the number of
 * variants starts a new experiment; the earlier ones keep their results and are picked here.
 * Nothing is drawn while the offer has had only one.
 */
export function ExperimentPicker({ offerId, selected, onSelect }: ExperimentPickerProps) {
  const experiments = useResource(`experiments:${offerId}`, () =>
    fetchOfferExperiments(getApiClient(), offerId),
  );
  const state = experiments.state;
  if (state.status !== 'ready' || state.data.length < 2) return null;
  return (
    <Card>
      <Select
        label="Experiment"
        options={experimentOptions(state.data)}
        value={selected}
        onChange={onSelect}
        helpText="A new experiment starts each time the holdout or the number of variants changes; earlier results are kept here."
        data-testid="experiment-picker"
      />
    </Card>
  );
}
