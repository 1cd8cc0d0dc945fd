import type { ComponentChildren } from 'preact';
import { Button } from './Button.js';
import { AlertIcon, CheckCircleIcon, InfoIcon, XIcon } from './icons.js';
import './feedback.css';

export type BannerTone = 'info' | 'success' | 'warning' | 'critical';

interface BannerProps {
  tone?: BannerTone;
  title?: string;
  children?: ComponentChildren;
  onDismiss?: () => void;
  'data-testid'?: string;
}

export function Banner({ tone = 'info', title, children, onDismiss, ...rest }: BannerProps) {
  const urgent = tone === 'critical' || tone === 'warning';
  return (
    <div
      class={tone === 'info' ? 'Banner' : `Banner Banner--${tone}`}
      // Errors interrupt the screen reader; information waits its turn.
      role={urgent ? 'alert' : 'status'}
      data-testid={rest['data-testid']}
    >
      <span class="Banner-icon">{bannerIcon(tone)}</span>
      <div class="Banner-content">
        {title && <p class="Banner-title">{title}</p>}
        {children}
      </div>
      {onDismiss && (
        <span class="Banner-dismiss">
          <Button variant="tertiary" onClick={onDismiss} accessibilityLabel="Dismiss">
            <XIcon size={16} />
          </Button>
        </span>
      )}
    </div>
  );
}

function bannerIcon(tone: BannerTone) {
  if (tone === 'success') return <CheckCircleIcon />;
  if (tone === 'critical' || tone === 'warning') return <AlertIcon />;
  return <InfoIcon />;
}
