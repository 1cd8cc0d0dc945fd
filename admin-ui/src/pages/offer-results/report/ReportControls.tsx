import type { ReportChoice, StatsEngine } from '../../../api/types.js';
import { Button } from '../../../components/Button.js';
import { Checkbox } from '../../../components/Checkbox.js';
import { Select, type SelectOption } from '../../../components/Select.js';

const ENGINES: readonly SelectOption<StatsEngine>[] = [
  { value: 'frequentist', label: 'Frequentist' },
  { value: 'bayesian', label: 'Bayesian' },
];

interface ReportControlsProps {
  choice: ReportChoice;
  onChange: (choice: ReportChoice) => void;
  /** The choice already is the shop's default, so saving would change nothing. */
  isDefault: boolean;
  saving: boolean;
  onSaveDefault: () => void;
}

export function ReportControls({
  choice,
  onChange,
  isDefault,
  saving,
  onSaveDefault,
}: ReportControlsProps) {
  const bayesian = choice.engine === 'bayesian';
  return (
    <div class="ReportControls">
      <div class="ReportControls-engine">
        <Select
          label="Statistics"
          options={ENGINES}
          value={choice.engine}
          onChange={(engine) => onChange({ ...choice, engine })}
          data-testid="report-engine-select"
        />
      </div>
      <Checkbox
        label="Sequential (safe to peek)"
        checked={choice.sequential && !bayesian}
        disabled={bayesian}
        onChange={(sequential) => onChange({ ...choice, sequential })}
        helpText={
          bayesian
            ? 'Applies to frequentist results only.'
            : 'Intervals stay valid however often you check. Off: narrower, but valid only if read once.'
        }
        data-testid="report-sequential-toggle"
      />
      <Button onClick={onSaveDefault} loading={saving} disabled={isDefault}>
        Save as default
      </Button>
    </div>
  );
}
