/** The few Polaris-style icons the UI needs, inline so nothing is fetched from a CDN. */
interface IconProps {
  size?: number;
}

function Svg({ size = 20, path }: IconProps & { path: string }) {
  return (
    <svg
      viewBox="0 0 20 20"
      width={size}
      height={size}
      fill="currentColor"
      aria-hidden="true"
      focusable="false"
    >
      <path fill-rule="evenodd" d={path} />
    </svg>
  );
}

export function ArrowLeftIcon(props: IconProps) {
  return (
    <Svg
      {...props}
      path="M16.5 10a.75.75 0 0 1-.75.75H6.06l3.72 3.72a.75.75 0 1 1-1.06 1.06l-5-5a.75.75 0 0 1 0-1.06l5-5a.75.75 0 0 1 1.06 1.06L6.06 9.25h9.69a.75.75 0 0 1 .75.75Z"
    />
  );
}

export function SearchIcon(props: IconProps) {
  return (
    <Svg
      {...props}
      path="M12.32 13.38a5.5 5.5 0 1 1 1.06-1.06l2.65 2.65a.75.75 0 1 1-1.06 1.06l-2.65-2.65ZM13 9a4 4 0 1 1-8 0 4 4 0 0 1 8 0Z"
    />
  );
}

export function ImageIcon(props: IconProps) {
  return (
    <Svg
      {...props}
      path="M4 5.75C4 4.78 4.78 4 5.75 4h8.5c.97 0 1.75.78 1.75 1.75v8.5c0 .97-.78 1.75-1.75 1.75h-8.5C4.78 16 4 15.22 4 14.25v-8.5Zm1.5 6.56v1.94c0 .14.11.25.25.25h8.5c.14 0 .25-.11.25-.25v-1.19l-2.22-2.22a.75.75 0 0 0-1.06 0l-1.22 1.22-.72-.72a.75.75 0 0 0-1.06 0l-2.72 2.97ZM8 8.75a1.25 1.25 0 1 0 0-2.5 1.25 1.25 0 0 0 0 2.5Z"
    />
  );
}

export function AlertIcon(props: IconProps) {
  return (
    <Svg
      {...props}
      path="M10 3a7 7 0 1 0 0 14 7 7 0 0 0 0-14Zm-.75 3.75a.75.75 0 0 1 1.5 0v3.5a.75.75 0 0 1-1.5 0v-3.5ZM10 14a1 1 0 1 0 0-2 1 1 0 0 0 0 2Z"
    />
  );
}

export function InfoIcon(props: IconProps) {
  return (
    <Svg
      {...props}
      path="M10 3a7 7 0 1 0 0 14 7 7 0 0 0 0-14Zm-1 4a1 1 0 1 1 2 0 1 1 0 0 1-2 0Zm.25 2.75a.75.75 0 0 1 1.5 0v3.5a.75.75 0 0 1-1.5 0v-3.5Z"
    />
  );
}

export function XIcon(props: IconProps) {
  return (
    <Svg
      {...props}
      path="M13.97 15.03a.75.75 0 1 0 1.06-1.06L11.06 10l3.97-3.97a.75.75 0 0 0-1.06-1.06L10 8.94 6.03 4.97a.75.75 0 0 0-1.06 1.06L8.94 10l-3.97 3.97a.75.75 0 1 0 1.06 1.06L10 11.06l3.97 3.97Z"
    />
  );
}

export function CheckCircleIcon(props: IconProps) {
  return (
    <Svg
      {...props}
      path="M10 3a7 7 0 1 0 0 14 7 7 0 0 0 0-14Zm3.03 5.28a.75.75 0 0 0-1.06-1.06L9 10.19l-.97-.97a.75.75 0 0 0-1.06 1.06l1.5 1.5a.75.75 0 0 0 1.06 0l3.5-3.5Z"
    />
  );
}
