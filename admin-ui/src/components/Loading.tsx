import { Spinner } from './Spinner.js';
import './feedback.css';

export function Loading({ label }: { label: string }) {
  return (
    <div class="Loading" data-testid="loading">
      <Spinner size={32} label={label} />
    </div>
  );
}
