import { useDidShow } from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage } from '../api';

/**
 * One thing a page loads (a team, a motion, a household's record, a list read whole): loading and error state,
 * `load` to refresh, `setData` after an act returns the thing as it is now. `fetch` is null while the page cannot
 * ask yet (no session); `missing` is the sentence when the address names nothing to load. Answers to an older
 * request are dropped. `reloadOnShow`: loaded again each time the page shows again (back from a page that changed it).
 */
export function useLoaded<T>(fetch: (() => Promise<T>) | null, deps: readonly unknown[], opts: { missing?: string; reloadOnShow?: boolean } = {}) {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string>();
  const [loading, setLoading] = useState(true);
  const generation = useRef(0);

  // eslint-disable-next-line react-hooks/exhaustive-deps -- `deps` say when `fetch` asks for something else
  const load = useCallback(async () => {
    if (!fetch) return;
    const mine = ++generation.current;
    if (opts.missing) {
      setError(opts.missing);
      setLoading(false);
      return;
    }
    setLoading(true);
    setError(undefined);
    try {
      const value = await fetch();
      if (mine === generation.current) setData(value);
    } catch (err) {
      if (mine === generation.current) setError(errorMessage(err));
    } finally {
      if (mine === generation.current) setLoading(false);
    }
  }, [Boolean(fetch), opts.missing, ...deps]);

  useEffect(() => {
    void load();
  }, [load]);

  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current && opts.reloadOnShow) void load();
    shown.current = true;
  });

  return { data, setData, error, loading, load };
}
