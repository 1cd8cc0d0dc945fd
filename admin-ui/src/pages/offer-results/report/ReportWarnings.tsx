import type { ExperimentReport } from '../../../api/types.js';
import { Banner } from '../../../components/Banner.js';
import { describeReportWarnings } from './report-warnings.js';

export function ReportWarnings({ report }: { report: ExperimentReport }) {
  const notices = describeReportWarnings(report);
  if (notices.length === 0) return null;
  return (
    <>
      {notices.map((notice) => (
        <Banner
          key={notice.key}
          tone={notice.tone}
          title={notice.title}
          data-testid="report-warning"
        >
          <p>{notice.body}</p>
        </Banner>
      ))}
    </>
  );
}
