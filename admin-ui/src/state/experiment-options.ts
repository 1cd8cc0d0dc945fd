import type { OfferExperimentSummary } from '../../../server/routes/admin/offers.js';

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const percentFormat = new Intl.NumberFormat(undefined, {
  style: 'percent',
  maximumFractionDigits: 2,
});

/**
 * An offer's experiments as choices, newest first: "Current: since 3 Mar 2025 · holdout 10%",
 * "1 Feb 2025 – 3 Mar 2025 · holdout 20%". A new one starts each time the split changes, so
 * the holdout (and the variants, for A/B/n) tells them apart.
 */
export function experimentOptions(
  experiments: readonly OfferExperimentSummary[],
  format: (epochMs: number) => string = (ms) => dateFormat.format(ms),
): { value: string; label: string }[] {
  return [...experiments]
    .sort((a, b) => Number(b.current) - Number(a.current) || b.startedAt - a.startedAt)
    .map((experiment) => {
      const span = experiment.current
        ? `Current: since ${format(experiment.startedAt)}`
        : `${format(experiment.startedAt)} – ${experiment.stoppedAt === null ? 'now' : format(experiment.stoppedAt)}`;
      const variants = experiment.variants > 1 ? ` · ${experiment.variants} variants` : '';
      return {
        value: experiment.key,
        label: `${span} · holdout ${percentFormat.format(experiment.holdout)}${variants}`,
      };
    });
}
