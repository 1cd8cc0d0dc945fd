// The merchant picks a sensitivity, not pixels per millisecond: each preset is a set of the
// detector's thresholds (core/storefront/config.ts, IntentSettings). "medium" is what the demo
// storefront was tuned with; "high" fires on gentler gestures, "low" only on decisive ones.
import type { IntentSettings } from './config';

export const INTENT_SENSITIVITIES = ['low', 'medium', 'high'] as const;
export type IntentSensitivity = (typeof INTENT_SENSITIVITIES)[number];

type Gestures = Pick<IntentSettings, 'exitSpeed' | 'scrollUpSpeed' | 'minReadDepth' | 'tabAwayMs'>;

const PRESETS: Record<IntentSensitivity, Gestures> = {
  low: { exitSpeed: 0.6, scrollUpSpeed: 1.6, minReadDepth: 800, tabAwayMs: 10_000 },
  medium: { exitSpeed: 0.3, scrollUpSpeed: 1, minReadDepth: 400, tabAwayMs: 3_000 },
  high: { exitSpeed: 0.1, scrollUpSpeed: 0.6, minReadDepth: 200, tabAwayMs: 1_500 },
};

/** The merchant's intent settings as the storefront script's detector reads them. */
export function intentSettingsOf(intent: {
  sensitivity: IntentSensitivity;
  minTimeOnPageSeconds: number;
  idleSeconds: number;
  frequencyCapHours: number;
}): IntentSettings {
  return {
    ...PRESETS[intent.sensitivity],
    minTimeOnPageMs: intent.minTimeOnPageSeconds * 1000,
    idleMs: intent.idleSeconds * 1000,
    frequencyCapHours: intent.frequencyCapHours,
  };
}
