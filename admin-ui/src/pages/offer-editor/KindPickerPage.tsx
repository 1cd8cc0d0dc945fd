import { LinkButton } from '../../components/Button.js';
import { Page } from '../../components/Page.js';
import { createTitle, kindChoices } from './kind-choices.js';
import './editor.css';

/** Creating an offer starts by choosing its kind: what it does and where it shows. */
export function KindPickerPage() {
  return (
    <Page title="Create offer" back={{ to: { name: 'offers' }, label: 'Offers' }}>
      <ul class="KindChoices" aria-label="Offer kinds" data-testid="kind-choices">
        {kindChoices().map((choice) => (
          <li
            key={choice.kind}
            class="Card KindChoice"
            data-testid="kind-choice"
            data-key={choice.kind}
          >
            <h2 class="Card-title">{choice.label}</h2>
            <p>{choice.summary}</p>
            <p class="text-secondary">Shows: {choice.where.join(' · ')}</p>
            <div>
              <LinkButton
                to={{ name: 'offer-create', kind: choice.kind }}
                variant="primary"
                data-testid={`kind-choice-${choice.kind}`}
              >
                {createTitle(choice.kind)}
              </LinkButton>
            </div>
          </li>
        ))}
      </ul>
    </Page>
  );
}
