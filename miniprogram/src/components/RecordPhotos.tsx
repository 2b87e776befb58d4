import { useState } from 'react';
import { Html, Photo, useUniqueId } from './ui';

/**
 * The photos of one record — a piece of feedback, a home visit — as signed URLs (valid for minutes): each
 * described for screen readers (`title`, e.g. 现场照片 or `2026-11-28 走访照片`, and its place) and opened large on
 * tap. A photo that no longer loads (the link expired while the page stood open) says so.
 */
export function RecordPhotos({
  photos,
  headingTag,
  title = '现场照片',
}: {
  photos: readonly { url: string; contentType: string }[];
  headingTag: 'h2' | 'h3' | 'h4';
  title?: string;
}) {
  const titleId = useUniqueId('photos-title');
  const [broken, setBroken] = useState<number[]>([]);
  if (!photos.length) return null;
  const urls = photos.map((p) => p.url);
  return (
    <Html tag='section' aria-labelledby={titleId}>
      <Html tag={headingTag} className='gz-h3' id={titleId}>
        {`${title}（${photos.length} 张）`}
      </Html>
      <Html tag='ul' className='gz-photos'>
        {photos.map((p, i) => (
          <Html tag='li' className='gz-photo-item' key={p.url}>
            <Photo
              src={p.url}
              alt={`${title}，第 ${i + 1} 张，共 ${photos.length} 张`}
              className='gz-photo'
              gallery={urls}
              onError={() => setBroken((b) => (b.includes(i) ? b : [...b, i]))}
            />
            {broken.includes(i) ? (
              <Html tag='span' className='gz-photo-state gz-photo-state--error'>
                照片没有显示出来，请刷新页面后再看
              </Html>
            ) : null}
          </Html>
        ))}
      </Html>
    </Html>
  );
}
