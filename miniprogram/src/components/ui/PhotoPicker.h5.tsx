import { rememberLocalFile } from '../../api/localFiles';
import type { PhotoPickerProps } from './types';
import { cx } from './classes';

/** A PDF by its type, or by its name where the browser gives no type. */
const isPdf = (file: File) => file.type === 'application/pdf' || (!file.type && /\.pdf$/i.test(file.name));

/**
 * Browser build: a native file input (photos only, or photos and PDF documents with `pdf`) drawn as a large
 * button. The input covers its whole label, so the button is the target and the keyboard reaches it; its name is
 * the button's text.
 */
export function PhotoPicker({ label, remaining, onPick, onRefused, disabled, pdf }: PhotoPickerProps) {
  const off = disabled || remaining <= 0;
  return (
    <label className={cx('gz-btn gz-file', off && 'gz-btn--disabled')}>
      <input
        type='file'
        accept={pdf ? 'image/*,application/pdf,.pdf' : 'image/*'}
        multiple={remaining > 1}
        className='gz-file-input'
        disabled={off}
        onChange={(e) => {
          const chosen = Array.from(e.target.files ?? []);
          e.target.value = '';
          const taken = chosen.slice(0, Math.max(0, remaining));
          if (chosen.length > taken.length) onRefused?.(`最多还能添加 ${remaining} ${pdf ? '份' : '张'}，已为您选了前 ${taken.length} ${pdf ? '份' : '张'}`);
          if (taken.length)
            onPick(taken.map((file) => ({ path: rememberLocalFile(file), size: file.size, ...(pdf && isPdf(file) ? { pdf: true, name: file.name } : {}) })));
        }}
      />
      {pdf ? pdf.bothLabel : label}
    </label>
  );
}
