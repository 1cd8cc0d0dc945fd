import type { ConditionInterface, SavedGroupsPayload } from '@growthbook/growthbook';
import { evalCondition } from '@growthbook/growthbook';

/** A targeting condition in GrowthBook's (MongoDB-like) condition language. */
export type Condition = Record<string, unknown>;

/**
 * True when `attributes` satisfy `condition`; a missing or empty condition targets everyone.
 * Evaluation is GrowthBook's own `evalCondition` (≈1.6 KB gzipped when tree-shaken), so
 * operator semantics match GrowthBook exactly instead of drifting from a hand-written copy.
 */
export function evaluateCondition(
  condition: Condition | null | undefined,
  attributes: Record<string, unknown>,
  savedGroups?: SavedGroupsPayload,
): boolean {
  if (!condition) return true;
  try {
    // The published config is plain JSON, so the condition is only shaped like
    // ConditionInterface; the evaluator itself treats anything unknown as "no match".
    return evalCondition(attributes, condition as ConditionInterface, savedGroups);
  } catch {
    // A malformed condition (e.g. `$and: null`) makes GrowthBook throw. In checkout a throw
    // would take the whole block down, so fail closed: the offer simply does not show.
    return false;
  }
}
