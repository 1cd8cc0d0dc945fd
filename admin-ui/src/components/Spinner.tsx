import './controls.css';

export function Spinner({ size = 20, label }: { size?: number; label?: string }) {
  return (
    <svg
      class="Spinner"
      viewBox="0 0 20 20"
      width={size}
      height={size}
      role={label ? 'img' : undefined}
      aria-label={label}
      aria-hidden={label ? undefined : 'true'}
    >
      <circle
        cx="10"
        cy="10"
        r="8"
        fill="none"
        stroke="currentColor"
        stroke-width="2"
        stroke-linecap="round"
        stroke-dasharray="38 50"
      />
    </svg>
  );
}
