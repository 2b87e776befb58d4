import { Button, Html, Photo, PhotoPicker, useUniqueId } from './ui';
import { MAX_PHOTOS, type ReportPhoto } from './usePhotoUploads';
import type { PickedPhoto } from './ui';

const STATE_TEXT: Record<ReportPhoto['status'], string> = {
  uploading: '正在上传…',
  done: '已上传',
  failed: '上传失败',
};

/**
 * A form's photos (`usePhotoUploads`): thumbnails with their upload state and a remove button each, and the picker.
 * `title` names them (现场照片, 走访照片); `hint` says what matters before taking one (whose consent); `purpose` is
 * what WeChat's privacy notice says the photos are for.
 */
export function PhotoField({
  photos,
  onPick,
  onRemove,
  onRetry,
  onRefused,
  disabled,
  title = '现场照片',
  hint,
  purpose,
}: {
  title?: string;
  hint?: string;
  purpose?: string;
  photos: readonly ReportPhoto[];
  onPick: (photos: PickedPhoto[]) => void;
  onRemove: (id: string) => void;
  onRetry: (photo: ReportPhoto) => void;
  onRefused: (message: string) => void;
  disabled?: boolean;
}) {
  const titleId = useUniqueId('photos-field-title');
  const remaining = MAX_PHOTOS - photos.length;
  return (
    <Html tag='section' className='gz-field' aria-labelledby={titleId}>
      <Html tag='h2' className='gz-label' id={titleId}>
        {title}
        <Html tag='span' className='gz-optional'>（选填，最多 {MAX_PHOTOS} 张）</Html>
      </Html>
      {hint ? (
        <Html tag='p' className='gz-hint'>
          {hint}
        </Html>
      ) : null}
      {photos.length ? (
        <Html tag='ul' className='gz-photos'>
          {photos.map((p, i) => (
            <Html tag='li' className='gz-photo-item' key={p.id}>
              <Photo src={p.path} alt={`第 ${i + 1} 张照片`} className='gz-photo' />
              <Html tag='span' className={p.status === 'failed' ? 'gz-photo-state gz-photo-state--error' : 'gz-photo-state'} role='status'>
                {STATE_TEXT[p.status]}
                {p.error ? `：${p.error}` : ''}
              </Html>
              {p.status === 'failed' ? (
                <Button variant='plain' accessibleName={`重新上传第 ${i + 1} 张照片`} disabled={disabled} onClick={() => onRetry(p)}>
                  重新上传
                </Button>
              ) : null}
              <Button variant='plain' accessibleName={`删除第 ${i + 1} 张照片`} disabled={disabled} onClick={() => onRemove(p.id)}>
                删除
              </Button>
            </Html>
          ))}
        </Html>
      ) : null}
      {remaining > 0 ? (
        <PhotoPicker
          label={photos.length ? `再添加照片（还能加 ${remaining} 张）` : '添加照片'}
          remaining={remaining}
          onPick={onPick}
          onRefused={onRefused}
          disabled={disabled}
          purpose={purpose}
        />
      ) : (
        <Html tag='p' className='gz-hint'>
          已有 {MAX_PHOTOS} 张照片，不能再添加了。
        </Html>
      )}
    </Html>
  );
}
