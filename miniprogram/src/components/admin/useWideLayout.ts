import { useEffect, useState } from 'react';

/**
 * Where the committee's workspace puts list and detail side by side (admin.css uses the same query): 1024 px at
 * the default font size, wider when the person has set a larger font, so the columns keep room for the text.
 */
export const WIDE_QUERY = '(min-width: 64em)';

const matches = (): boolean =>
  process.env.TARO_ENV === 'h5' && typeof window !== 'undefined' && typeof window.matchMedia === 'function'
    ? window.matchMedia(WIDE_QUERY).matches
    : false;

/** True in a desktop-wide browser window, following resizes; always false inside WeChat. */
export function useWideLayout(): boolean {
  const [wide, setWide] = useState(matches);
  useEffect(() => {
    if (process.env.TARO_ENV !== 'h5' || typeof window.matchMedia !== 'function') return undefined;
    const query = window.matchMedia(WIDE_QUERY);
    const onChange = () => setWide(query.matches);
    onChange();
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, []);
  return wide;
}
