import { LinkButton } from '../../components/Button.js';
import { Card } from '../../components/Card.js';
import { CheckCircleIcon } from '../../components/icons.js';
import type { DashboardSetup, SetupStepKey } from './dashboard-types.js';
import { planNote, STEP_TEXT, setupProgress } from './setup-steps.js';

/**
 * The setup checklist. Every tick comes from the server (what it has seen: an offer, a report
 * from a real checkout, a recent view, a pixel event), so a step is never marked done by hand.
 */
export function SetupChecklist({ setup }: { setup: DashboardSetup }) {
  const progress = setupProgress(setup.steps);
  return (
    <Card title="Set up Closer" data-testid="setup-checklist">
      <div class="Home-setup">
        <p class="text-secondary" data-testid="setup-progress">
          {progress.complete
            ? 'All set: the block is placed, shoppers see offers and the pixel is connected.'
            : `${progress.done} of ${progress.total} steps done`}
        </p>
        <ol class="Home-steps">
          {setup.steps.map((step) => {
            const text = STEP_TEXT[step.key];
            return (
              <li
                key={step.key}
                class={step.done ? 'Home-step is-done' : 'Home-step'}
                data-testid="setup-step"
                data-key={step.key}
                data-done={String(step.done)}
              >
                <span class="Home-stepMark" aria-hidden="true">
                  {step.done ? <CheckCircleIcon /> : <span class="Home-stepDot" />}
                </span>
                <div class="Home-stepBody">
                  <p class="text-strong">
                    {text.title}
                    <span class="visually-hidden">{step.done ? ' (done)' : ' (to do)'}</span>
                  </p>
                  <p class="text-secondary">{step.done ? text.done : text.todo}</p>
                  {!step.done && <StepAction step={step.key} setup={setup} />}
                </div>
              </li>
            );
          })}
        </ol>
        <p class="text-secondary" data-testid="plan-note">
          {planNote(setup.plan)}
        </p>
      </div>
    </Card>
  );
}

function StepAction({ step, setup }: { step: SetupStepKey; setup: DashboardSetup }) {
  if (step === 'offer_created') {
    return (
      <div>
        <LinkButton to={{ name: 'offer-new' }} variant="primary" data-testid="setup-create-offer">
          Create offer
        </LinkButton>
      </div>
    );
  }
  if (step === 'block_placed') {
    // An admin page, outside the app's frame: `_top`, as App Bridge's navigation asks.
    return (
      <div>
        <a
          class="Button"
          href={setup.checkoutEditorUrl}
          target="_top"
          rel="noopener"
          data-testid="setup-checkout-editor"
        >
          Open checkout editor
        </a>
      </div>
    );
  }
  return null;
}
