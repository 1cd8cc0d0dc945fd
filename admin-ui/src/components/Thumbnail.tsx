import { ImageIcon } from './icons.js';
import './feedback.css';

export function Thumbnail({ src, alt }: { src: string | null; alt: string }) {
  return (
    <span class="Thumbnail">
      {src ? <img src={src} alt={alt} loading="lazy" /> : <ImageIcon />}
    </span>
  );
}
