import { useSignal } from '@preact/signals';
import type { ComponentChildren } from 'preact';
import type { ReportChoice } from '../../../api/types.js';
import { Banner } from '../../../components/Banner.js';
import { Button } from '../../../components/Button.js';
import { Card } from '../../../components/Card.js';
import { Loading } from '../../../components/Loading.js';
import { useShop } from '../../../state/shop-store.js';
import { DailyCharts } from './DailyCharts.js';
import { LeaderLine } from './LeaderLine.js';
import { LiftTable } from './LiftTable.js';
import { ReportArmsTable } from './ReportArmsTable.js';
import { ReportControls } from './ReportControls.js';
import { ReportWarnings } from './ReportWarnings.js';
import { effectiveChoice, isSavedDefault } from './report-choice.js';
import { useExperimentReport } from './use-experiment-report.js';
import { useReportActions } from './use-report-actions.js';
import { VariantsTable } from './VariantsTable.js';
import { VerdictBanner } from './VerdictBanner.js';
import { isMultiVariant, multipleComparisonsNote } from './variant-summary.js';
import './report.css';

interface UpliftReportProps {
  experimentKey: string;
  /** Shown when the report cannot load, so the merchant still sees the raw per-arm numbers. */
  fallback: ComponentChildren;
}

/** The uplift report: verdict, warnings, lifts with intervals, the trend and per-arm totals. */
export function UpliftReport({ experimentKey, fallback }: UpliftReportProps) {
  const shop = useShop();
  const settings = shop.status === 'ready' ? shop.data.settings : null;
  const picked = useSignal<ReportChoice | null>(null);
  const { report, loading, error, reload } = useExperimentReport(experimentKey, picked.value);
  const choice = effectiveChoice(picked.value, report, settings);
  const actions = useReportActions(experimentKey, choice);

  if (!report) {
    if (!error) {
      return (
        <Card>
          <Loading label="Loading the uplift report" />
        </Card>
      );
    }
    return (
      <>
        <Banner
          tone="critical"
          title="The uplift report could not be loaded"
          data-testid="report-error"
        >
          <p>{error}</p>
          <div>
            <Button onClick={reload}>Try again</Button>
          </div>
        </Banner>
        {fallback}
      </>
    );
  }

  const multi = isMultiVariant(report);
  const mcNote = multipleComparisonsNote(report);
  return (
    <div class={loading ? 'UpliftReport is-stale' : 'UpliftReport'} aria-busy={loading}>
      <VerdictBanner report={report} />
      <ReportWarnings report={report} />
      {error && (
        <Banner tone="critical" title="The report could not be recomputed">
          <p>{error} The figures below are from the previous settings.</p>
        </Banner>
      )}
      {actions.error && (
        <Banner tone="critical" title={actions.error.title} onDismiss={actions.dismissError}>
          <p>{actions.error.message}</p>
        </Banner>
      )}
      <Card
        title={multi ? 'Variants against the holdout' : 'Lift over the holdout'}
        flush
        headerActions={
          <Button
            variant="plain"
            onClick={actions.downloadCsv}
            loading={actions.downloading}
            data-testid="report-csv"
          >
            Download CSV
          </Button>
        }
      >
        <div class="ReportCard-section">
          <ReportControls
            choice={choice}
            onChange={(next) => {
              picked.value = next;
            }}
            isDefault={isSavedDefault(choice, settings)}
            saving={actions.saving}
            onSaveDefault={actions.saveDefault}
          />
        </div>
        {multi ? (
          <>
            <LeaderLine report={report} />
            <VariantsTable report={report} />
            {report.variants.map((variant) => (
              <details key={variant.arm} class="ReportCard-section VariantDetails">
                <summary>{variant.label} against the holdout, metric by metric</summary>
                <LiftTable report={report} variant={variant} />
              </details>
            ))}
          </>
        ) : (
          <LiftTable report={report} />
        )}
        <p class="ReportCard-section ReportCard-footnote" data-testid="report-explanation">
          Incremental revenue compares shoppers who saw the offer with a randomly held-out group
          that did not, on revenue after discounts and refunds — so the offer’s own discounts are
          already paid for in it. Attributed revenue (lines added by the offer) is shown for
          reference but overstates impact.
          {mcNote && (
            <>
              {' '}
              <span data-testid="report-multiple-comparisons">{mcNote}</span>
            </>
          )}
        </p>
      </Card>
      {report.daily.length > 0 && (
        <Card title="Over time">
          <DailyCharts report={report} />
        </Card>
      )}
      <Card title="Per arm" flush>
        <ReportArmsTable report={report} />
      </Card>
    </div>
  );
}
