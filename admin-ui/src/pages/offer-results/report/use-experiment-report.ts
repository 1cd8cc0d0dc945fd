import { useSignal } from '@preact/signals';
import { useEffect, useState } from 'preact/hooks';
import { toErrorMessage } from '../../../api/api-error.js';
import { getApiClient } from '../../../api/client.js';
import { fetchExperimentReport } from '../../../api/endpoints.js';
import type { ExperimentReport, ReportChoice } from '../../../api/types.js';

export interface ReportState {
  /** The last report received; kept while a re-computation loads so the page does not jump. */
  report: ExperimentReport | null;
  loading: boolean;
  error: string | null;
}

/**
 * Loads an experiment's report and reloads it when the engine or sequential mode changes. An
 * answer for a choice the merchant already moved away from is dropped.
 */
export function useExperimentReport(experimentKey: string, choice: ReportChoice | null) {
  const state = useSignal<ReportState>({ report: null, loading: true, error: null });
  const [attempt, setAttempt] = useState(0);
  const key = `${experimentKey}|${choice?.engine ?? ''}|${choice?.sequential ?? ''}`;
  useEffect(() => {
    let current = true;
    state.value = { ...state.peek(), loading: true, error: null };
    fetchExperimentReport(getApiClient(), experimentKey, choice).then(
      (report) => {
        if (current) state.value = { report, loading: false, error: null };
      },
      (error: unknown) => {
        if (current)
          state.value = { ...state.peek(), loading: false, error: toErrorMessage(error) };
      },
    );
    return () => {
      current = false;
    };
  }, [key, attempt]);
  return { ...state.value, reload: () => setAttempt((value) => value + 1) };
}
