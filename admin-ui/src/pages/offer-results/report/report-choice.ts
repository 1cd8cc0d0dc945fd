import type { ExperimentReport, ReportChoice, ShopSettings } from '../../../api/types.js';

/** The server's defaults when the shop never saved a choice (server/routes/admin/experiments.ts). */
export function defaultChoice(settings: ShopSettings | null): ReportChoice {
  return {
    engine: settings?.statsEngine ?? 'frequentist',
    sequential: settings?.sequential ?? true,
  };
}

/**
 * What the controls show. Before the merchant picks, that is what the report was computed with —
 * except that a Bayesian report always says `sequential: false` (it does not apply), so the
 * toggle keeps the saved preference for when they switch back.
 */
export function effectiveChoice(
  picked: ReportChoice | null,
  report: ExperimentReport | null,
  settings: ShopSettings | null,
): ReportChoice {
  if (picked) return picked;
  const saved = defaultChoice(settings);
  if (!report) return saved;
  return {
    engine: report.engine,
    sequential: report.engine === 'frequentist' ? report.sequential : saved.sequential,
  };
}

export function isSavedDefault(choice: ReportChoice, settings: ShopSettings | null): boolean {
  const saved = defaultChoice(settings);
  return saved.engine === choice.engine && saved.sequential === choice.sequential;
}

/** The name the server gives in Content-Disposition; the client hands back only the body. */
export function csvFileName(experimentKey: string): string {
  return `closer-${experimentKey.replace(/[^\w.-]+/g, '_')}.csv`;
}
