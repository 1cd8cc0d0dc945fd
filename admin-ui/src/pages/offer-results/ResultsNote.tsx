import { Banner } from '../../components/Banner.js';

/** Says plainly what these numbers are not, because peer apps sell attributed revenue as uplift. */
export function ResultsNote() {
  return (
    <Banner title="How to read these numbers" data-testid="results-note">
      <p>
        Units are checkouts assigned to an arm. The <strong>holdout</strong> arm is the baseline:
        those shoppers qualified for the offer but never saw it.
      </p>
      <p>
        <strong>Attributed revenue</strong> is the value of lines added from the offer. It is not
        incremental: some of those shoppers would have bought anyway. The arms differ in size, so
        compare <strong>revenue per unit</strong> between them for what the offer really added.
      </p>
    </Banner>
  );
}
