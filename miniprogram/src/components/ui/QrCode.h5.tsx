import { useMemo } from 'react';
import { qrImage } from './qrImage';

/** Browser build: the code as an image with its description. */
export function QrCode({ text, alt }: { text: string; alt: string }) {
  const src = useMemo(() => qrImage(text), [text]);
  return <img src={src} alt={alt} className='gz-qr' />;
}
