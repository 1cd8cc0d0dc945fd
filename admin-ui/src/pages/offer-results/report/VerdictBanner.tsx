import type { ExperimentReport } from '../../../api/types.js';
import { Banner } from '../../../components/Banner.js';
import { describeMethod, verdictNextStep, verdictTone } from './verdict.js';

/** The server's one-line verdict as the headline; what it means and how it was computed below. */
export function VerdictBanner({ report }: { report: ExperimentReport }) {
  const { kind, text } = report.verdict;
  return (
    <Banner tone={verdictTone(kind)} data-testid="report-verdict">
      {/* Larger than a banner title: it is the one line a merchant should read first. */}
      <p class="Verdict-headline">{text}</p>
      <p>{verdictNextStep(kind, report.srm.flagged)}</p>
      <p class="text-secondary">{describeMethod(report)}</p>
    </Banner>
  );
}
