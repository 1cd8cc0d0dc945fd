import { useState } from 'preact/hooks';
import { TARGET_INFO } from '../../../../../core/offers/catalog.js';
import { Banner } from '../../../components/Banner.js';
import { Button } from '../../../components/Button.js';
import { Card } from '../../../components/Card.js';
import { Select } from '../../../components/Select.js';
import { TextField } from '../../../components/TextField.js';
import { bindField } from '../bind-field.js';
import type { OfferEditorStore } from '../offer-editor-store.js';
import { productTitleLookup } from './product-titles.js';
import { RuleFields } from './RuleFields.js';
import {
  parseCondition,
  ruleField,
  targetingFromRules,
  targetingFromText,
} from './targeting-form.js';
import {
  addRule,
  conditionsIgnoredAt,
  RULE_INFO,
  type RuleType,
  removeRule,
  replaceRule,
  rulesOfferedAt,
  type TargetingRule,
  unmatchableAttributes,
  unmatchableRules,
} from './targeting-rules.js';
import './targeting.css';

const CONDITION_EXAMPLE = '{"currency": "USD", "subtotal": {"$gte": 5000}}';

/**
 * Who sees the offer and when: rules a merchant reads, the schedule, and underneath the
 * GrowthBook condition the rules write, for experts to read or edit.
 */
export function TargetingCard({ store, currency }: { store: OfferEditorStore; currency: string }) {
  const { common } = store.values.value;
  const errors = store.errors.value;
  const surface = TARGET_INFO[common.target].surface;
  const rules = common.rules;
  const titleOf = productTitleLookup(store.saved.value?.productDetails ?? []);
  const setRules = (next: TargetingRule[], type: RuleType) =>
    store.updateTargeting(targetingFromRules(next, common.condition), ruleField(type));

  // Open from the start for a custom condition; afterwards it stays as the merchant left it.
  const [jsonOpen, setJsonOpen] = useState(rules === null);
  const parsed = parseCondition(common.condition);
  const ignored = conditionsIgnoredAt(surface);
  const hasCondition = common.condition.trim() !== '';
  const unmatchable =
    ignored !== null
      ? []
      : rules !== null
        ? unmatchableRules(rules, surface)
        : parsed.ok
          ? unmatchableAttributes(parsed.value, surface)
          : [];

  return (
    <Card title="Targeting" data-testid="offer-targeting">
      <p class="text-secondary">
        The offer shows only in checkouts that meet every condition, while it is scheduled.
      </p>
      {unmatchable.length > 0 && (
        <Banner
          tone="warning"
          title={
            rules !== null
              ? 'This offer can never show here'
              : 'Part of this condition never matches here'
          }
          data-testid="targeting-unmatchable"
        >
          {unmatchable.map((type) => (
            <p key={type}>
              {RULE_INFO[type].label}: {RULE_INFO[type].unavailableReason ?? 'not known here'}, so{' '}
              {rules !== null ? 'this condition never matches' : 'what needs them never matches'} at{' '}
              {TARGET_INFO[common.target].label.toLowerCase()}.{' '}
              {rules !== null ? 'Remove it.' : 'Edit the JSON below.'}
            </p>
          ))}
        </Banner>
      )}
      {ignored !== null && (
        <Banner
          tone={hasCondition ? 'warning' : 'info'}
          title="Targeting conditions do not apply here"
          data-testid="targeting-ignored"
        >
          <p>
            {ignored}
            {hasCondition ? ' The condition below is kept, but it has no effect here.' : ''}
          </p>
        </Banner>
      )}
      {ignored !== null && !hasCondition ? null : rules === null ? (
        <CustomCondition
          onReplace={() => store.updateTargeting({ condition: '', rules: [] }, 'condition')}
        />
      ) : (
        <RuleList
          rules={rules}
          offered={rulesOfferedAt(surface)}
          errors={errors}
          currency={currency}
          onChange={setRules}
        />
      )}
      <h3 class="Rule-title">Schedule</h3>
      <div class="RuleFields-inline">
        <TextField
          label="Starts"
          type="datetime-local"
          {...bindField(store, 'startsAt')}
          helpText="Optional. Empty starts as soon as the offer is active."
          data-testid="offer-starts-input"
        />
        <TextField
          label="Ends"
          type="datetime-local"
          {...bindField(store, 'endsAt')}
          helpText="Optional. Empty runs until you pause it."
          data-testid="offer-ends-input"
        />
      </div>
      <details
        class="ConditionJson"
        // Also opens by itself when the condition is at fault, so its message can be read.
        open={jsonOpen || errors.condition !== undefined}
        onToggle={(event) => setJsonOpen(event.currentTarget.open)}
        data-testid="condition-json"
      >
        <summary>Condition as JSON (for experts)</summary>
        <TextField
          label="Condition (JSON)"
          value={common.condition}
          onInput={(text) =>
            store.updateTargeting(targetingFromText(text, { titleOf }), 'condition')
          }
          error={errors.condition ?? null}
          multiline={6}
          monospace
          placeholder={CONDITION_EXAMPLE}
          helpText={
            <>
              The GrowthBook condition the rules above write. Edit it to use more: attributes are{' '}
              <code>subtotal</code> (minor units of <code>currency</code>), <code>currency</code>,{' '}
              <code>country</code>, <code>locale</code>, <code>loggedIn</code>,{' '}
              <code>cartProductIds</code>, <code>cartVariantIds</code>, <code>itemCount</code>,{' '}
              <code>lineCount</code>, <code>hourOfDay</code> and <code>dayOfWeek</code> (UTC). Empty
              shows the offer in every checkout.
            </>
          }
          data-testid="offer-condition-input"
        />
      </details>
    </Card>
  );
}

function CustomCondition({ onReplace }: { onReplace: () => void }) {
  return (
    <Banner tone="info" title="Custom condition" data-testid="targeting-custom">
      <p>
        This condition uses more than the rules can show. It is kept as it is: read or edit it as
        JSON below.
      </p>
      <div>
        <Button onClick={onReplace} data-testid="targeting-start-over">
          Replace it with rules
        </Button>
      </div>
    </Banner>
  );
}

interface RuleListProps {
  rules: TargetingRule[];
  offered: RuleType[];
  errors: Partial<Record<string, string>>;
  currency: string;
  onChange: (next: TargetingRule[], type: RuleType) => void;
}

function RuleList({ rules, offered, errors, currency, onChange }: RuleListProps) {
  const addable = offered.filter((type) => !rules.some((rule) => rule.type === type));
  const [choice, setChoice] = useState<RuleType | ''>('');
  const picked = choice !== '' && addable.includes(choice) ? choice : (addable[0] ?? '');
  return (
    <>
      {rules.length === 0 ? (
        <p data-testid="targeting-everyone">No conditions: every checkout can see this offer.</p>
      ) : (
        <ul class="RuleList" aria-label="Conditions">
          {rules.map((rule) => (
            <li key={rule.type} class="Rule" data-testid={`rule-${rule.type}`}>
              <div class="Rule-header">
                <h3 class="Rule-title">{RULE_INFO[rule.type].label}</h3>
                <Button
                  variant="plain"
                  destructive
                  onClick={() => onChange(removeRule(rules, rule.type), rule.type)}
                  accessibilityLabel={`Remove the condition ${RULE_INFO[rule.type].label}`}
                  data-testid="rule-remove"
                >
                  Remove
                </Button>
              </div>
              <RuleFields
                rule={rule}
                error={errors[ruleField(rule.type)] ?? null}
                currency={currency}
                onChange={(next) => onChange(replaceRule(rules, next), rule.type)}
              />
            </li>
          ))}
        </ul>
      )}
      {picked !== '' && (
        <div class="RuleAdd">
          <Select
            label="Add a condition"
            options={addable.map((type) => ({ value: type, label: RULE_INFO[type].label }))}
            value={picked}
            onChange={setChoice}
            data-testid="targeting-add-type"
          />
          <Button
            onClick={() => {
              onChange(addRule(rules, picked, currency), picked);
              setChoice('');
            }}
            data-testid="targeting-add"
          >
            Add condition
          </Button>
        </div>
      )}
    </>
  );
}
