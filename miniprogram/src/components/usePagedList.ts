import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Page } from '@shared/api/common';
import { errorMessage } from '../api';

export interface PagedList<T> {
  items: T[];
  /** First load (or reload after a filter change) in progress. */
  loading: boolean;
  loadingMore: boolean;
  error?: string;
  hasMore: boolean;
  loaded: boolean;
  reload: () => Promise<void>;
  loadMore: () => Promise<void>;
}

/**
 * A cursor-paginated list: loads the first page at once and again when the page shows, reloads on pull-down, loads the next page
 * at the bottom (or from the "加载更多" button). `fetchPage` must be stable for one filter (useCallback).
 */
export function usePagedList<T>(fetchPage: (cursor: string | undefined) => Promise<Page<T>>, enabled = true): PagedList<T> {
  const [items, setItems] = useState<T[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [loadingMore, setLoadingMore] = useState(false);
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState<string>();
  /** Answers to an older request (another filter, an earlier reload) are dropped. */
  const generation = useRef(0);

  const reload = useCallback(async () => {
    if (!enabled) return;
    const gen = ++generation.current;
    setLoading(true);
    setError(undefined);
    try {
      const page = await fetchPage(undefined);
      if (gen !== generation.current) return;
      setItems(page.items);
      setCursor(page.nextCursor);
      setLoaded(true);
    } catch (err) {
      if (gen === generation.current) setError(errorMessage(err));
    } finally {
      if (gen === generation.current) setLoading(false);
    }
  }, [fetchPage, enabled]);

  const loadMore = useCallback(async () => {
    if (!cursor || loading || loadingMore) return;
    const gen = generation.current;
    setLoadingMore(true);
    setError(undefined);
    try {
      const page = await fetchPage(cursor);
      if (gen !== generation.current) return;
      setItems((prev) => [...prev, ...page.items]);
      setCursor(page.nextCursor);
    } catch (err) {
      if (gen === generation.current) setError(errorMessage(err));
    } finally {
      setLoadingMore(false);
    }
  }, [cursor, fetchPage, loading, loadingMore]);

  // First load, and a fresh start whenever the filter (so `fetchPage`) changes.
  useEffect(() => {
    setItems([]);
    setCursor(null);
    setLoaded(false);
    void reload();
  }, [reload]);
  // Coming back to the page (from a detail page, say): show what changed meanwhile.
  const firstShow = useRef(true);
  useDidShow(() => {
    if (firstShow.current) {
      firstShow.current = false;
      return;
    }
    void reload();
  });
  usePullDownRefresh(() => {
    void reload().finally(() => Taro.stopPullDownRefresh());
  });
  useReachBottom(() => {
    void loadMore();
  });

  return { items, loading, loadingMore, error, hasMore: Boolean(cursor), loaded, reload, loadMore };
}
