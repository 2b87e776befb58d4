import { Image } from '@tarojs/components';
import { useMemo } from 'react';
import { qrImage } from './qrImage';

/** Mini-program build: the code as an image, described for the screen reader; long-press to save or scan it. */
export function QrCode({ text, alt }: { text: string; alt: string }) {
  const src = useMemo(() => qrImage(text), [text]);
  return <Image src={src} ariaLabel={alt} className='gz-qr' mode='aspectFit' showMenuByLongpress />;
}
