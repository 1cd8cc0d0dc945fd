import type { OfferResults } from '../../api/types.js';
import { Card } from '../../components/Card.js';

interface UpliftReportSlotProps {
  offerId: string;
  results: OfferResults;
}

/**
 * The place for the uplift report: incremental revenue per arm with its confidence interval,
 * chance to win and the SRM check. Replace this placeholder's body with the report component;
 * the props already carry what it needs to fetch or render.
 */
export function UpliftReportSlot({ offerId }: UpliftReportSlotProps) {
  return (
    <Card title="Uplift" data-testid="uplift-report-slot">
      <p class="text-secondary" data-offer-id={offerId}>
        The uplift report — incremental revenue compared with the holdout, with a confidence
        interval — will appear here.
      </p>
    </Card>
  );
}
