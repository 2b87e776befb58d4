import type { PhotoProps } from './types';

/** A photo with its description for screen readers; with `gallery`, a link that opens it full size. */
export function Photo({ src, alt, className, onError, gallery }: PhotoProps) {
  const img = <img src={src} alt={alt} className={className} loading='lazy' onError={onError} />;
  if (!gallery) return img;
  return (
    <a className='gz-photo-open' href={src} target='_blank' rel='noopener noreferrer'>
      {img}
    </a>
  );
}
