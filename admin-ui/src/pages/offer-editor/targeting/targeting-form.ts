import type { FieldErrors } from '../form-fields.js';
import {
  type Condition,
  conditionToRules,
  type ReadOptions,
  type RuleType,
  rulesToCondition,
  type TargetingRule,
} from './targeting-rules.js';

/**
 * Targeting as the editor holds it: the condition's JSON (what experts read and may edit) and the
 * rules it is, or null when it is a custom condition the rules cannot show. With rules, the rules
 * are what is saved and the JSON follows them; without, the JSON is saved as typed.
 */
export interface TargetingForm {
  condition: string;
  rules: TargetingRule[] | null;
}

/** The input key of a rule, for its error message: "rules.subtotal". */
export function ruleField(type: RuleType): string {
  return `rules.${type}`;
}

/** Short conditions stay on one line; long ones are indented so they can be read and edited. */
export function conditionText(condition: Condition | null): string {
  if (condition === null) return '';
  const compact = JSON.stringify(condition);
  return compact.length <= 72 ? compact : JSON.stringify(condition, null, 2);
}

export function targetingOf(condition: Condition | null, options: ReadOptions): TargetingForm {
  return { condition: conditionText(condition), rules: conditionToRules(condition, options) };
}

/** The merchant typed JSON: the rules follow whenever they can say exactly the same. */
export function targetingFromText(text: string, options: ReadOptions): TargetingForm {
  const parsed = parseCondition(text);
  return { condition: text, rules: parsed.ok ? conditionToRules(parsed.value, options) : null };
}

/** The merchant changed the rules: the JSON follows as soon as they are complete. */
export function targetingFromRules(rules: TargetingRule[], previous: string): TargetingForm {
  const result = rulesToCondition(rules);
  return { rules, condition: result.ok ? conditionText(result.condition) : previous };
}

/** The condition to save, or the messages of the inputs at fault. */
export function targetingToCondition(
  targeting: TargetingForm,
): { ok: true; condition: Condition | null } | { ok: false; errors: FieldErrors } {
  if (targeting.rules !== null) {
    const result = rulesToCondition(targeting.rules);
    if (result.ok) return result;
    const errors: FieldErrors = {};
    for (const [type, message] of Object.entries(result.errors)) {
      errors[ruleField(type as RuleType)] = message;
    }
    return { ok: false, errors };
  }
  const parsed = parseCondition(targeting.condition);
  return parsed.ok
    ? { ok: true, condition: parsed.value }
    : { ok: false, errors: { condition: parsed.error } };
}

type ConditionResult = { ok: true; value: Condition | null } | { ok: false; error: string };

export function parseCondition(text: string): ConditionResult {
  if (text.trim() === '') return { ok: true, value: null };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof SyntaxError ? ` (${error.message})` : '';
    return { ok: false, error: `Enter valid JSON${detail}.` };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return {
      ok: false,
      error: 'The condition must be a JSON object, for example {"country": "US"}.',
    };
  }
  return { ok: true, value: { ...parsed } };
}
