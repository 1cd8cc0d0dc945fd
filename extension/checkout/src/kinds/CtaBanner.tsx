import { useEffect } from 'preact/hooks';
import { CTA_ICON_TYPES, resolveLinkHref } from './cta-link';
import type { KindProps } from './kind-props';

/**
 * Trust / CTA banner: an icon, a heading, a line of copy and an optional link. It sells nothing;
 * it is measured like every offer (exposure against the holdout), and a followed link is a click.
 */
export function CtaBanner({ host, placement, content, tracker }: KindProps<'cta'>) {
  useEffect(() => tracker.track('impression', placement));
  const href = content.link && resolveLinkHref(content.link.url, host.shop);
  return (
    <s-grid gridTemplateColumns="auto 1fr" gap="base" alignItems="start">
      <s-icon type={CTA_ICON_TYPES[content.icon]} />
      <s-stack gap="small-200">
        <s-heading>{content.heading}</s-heading>
        {content.body && <s-text>{content.body}</s-text>}
        {href && content.link && (
          // A new tab: following a policy link must not cost the buyer their checkout.
          <s-link href={href} target="_blank" onClick={() => tracker.track('click', placement)}>
            {content.link.label}
          </s-link>
        )}
      </s-stack>
    </s-grid>
  );
}
