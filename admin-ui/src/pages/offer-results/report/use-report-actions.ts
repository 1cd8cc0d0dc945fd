import { useSignal } from '@preact/signals';
import { toErrorMessage } from '../../../api/api-error.js';
import { showToast } from '../../../api/app-bridge.js';
import { getApiClient } from '../../../api/client.js';
import { downloadExperimentReportCsv, updateSettings } from '../../../api/endpoints.js';
import type { ReportChoice } from '../../../api/types.js';
import { saveBlob } from '../../../lib/save-blob.js';
import { replaceShopSettings } from '../../../state/shop-store.js';
import { csvFileName } from './report-choice.js';

/** The report's two side effects: saving the choice as the shop default, and the CSV export. */
export function useReportActions(experimentKey: string, choice: ReportChoice) {
  const saving = useSignal(false);
  const downloading = useSignal(false);
  const error = useSignal<{ title: string; message: string } | null>(null);

  async function saveDefault(): Promise<void> {
    saving.value = true;
    error.value = null;
    try {
      const settings = await updateSettings(getApiClient(), {
        statsEngine: choice.engine,
        sequential: choice.sequential,
      });
      replaceShopSettings(settings);
      showToast('Saved as the default for all reports');
    } catch (caught) {
      error.value = { title: 'The default could not be saved', message: toErrorMessage(caught) };
    } finally {
      saving.value = false;
    }
  }

  async function downloadCsv(): Promise<void> {
    downloading.value = true;
    error.value = null;
    try {
      const blob = await downloadExperimentReportCsv(getApiClient(), experimentKey, choice);
      saveBlob(blob, csvFileName(experimentKey));
    } catch (caught) {
      error.value = { title: 'The CSV could not be downloaded', message: toErrorMessage(caught) };
    } finally {
      downloading.value = false;
    }
  }

  return {
    saving: saving.value,
    downloading: downloading.value,
    error: error.value,
    dismissError: () => {
      error.value = null;
    },
    saveDefault,
    downloadCsv,
  };
}
