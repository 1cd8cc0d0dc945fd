import { LinkButton } from '../../components/Button.js';
import { Card } from '../../components/Card.js';
import { EmptyState } from '../../components/EmptyState.js';
import { Page } from '../../components/Page.js';

export function NotFoundPage() {
  return (
    <Page title="Page not found">
      <Card>
        <EmptyState
          heading="There is no page at this address"
          action={<LinkButton to={{ name: 'offers' }}>Go to offers</LinkButton>}
        >
          <p>Check the address, or go back to your offers.</p>
        </EmptyState>
      </Card>
    </Page>
  );
}
