import type { ExperimentReport } from '../../../api/types.js';
import { Banner } from '../../../components/Banner.js';
import { describeLeaderSummary } from './variant-summary.js';

/** Which variant leads and whether it can be told apart from the others (A/B/n only). */
export function LeaderLine({ report }: { report: ExperimentReport }) {
  const summary = describeLeaderSummary(report);
  if (!summary) return null;
  return (
    <div class="ReportCard-section">
      <Banner tone={summary.tone} title={summary.title} data-testid="report-leader">
        <p>{summary.body}</p>
      </Banner>
    </div>
  );
}
