import Taro from '@tarojs/taro';
import { useEffect } from 'react';

/** A form's typed content kept on the device, so an expired session or a closed page loses nothing. */
interface Stored<T> {
  savedAt: number;
  value: T;
}

/** An old draft is more confusing than helpful. */
const KEEP_MS = 7 * 24 * 3_600_000;

/** The draft kept under `key`, unless there is none or it is older than a week. */
export const readDraft = <T>(key: string, now = Date.now()): T | undefined => {
  try {
    const stored = Taro.getStorageSync(key) as Stored<T> | '';
    if (stored && typeof stored === 'object' && now - stored.savedAt < KEEP_MS) return stored.value;
  } catch {
    /* no storage: no draft */
  }
  return undefined;
};

export const discardDraft = (key: string): void => {
  try {
    Taro.removeStorageSync(key);
  } catch {
    /* nothing kept */
  }
};

/**
 * Keeps `value` as the draft under `key` while it is worth keeping (something was typed), and forgets it when
 * it is not (emptied again). The page discards it once the form is sent or the person chose to leave it.
 */
export function useKeepDraft<T>(key: string, value: T, worthKeeping: boolean): void {
  useEffect(() => {
    if (!worthKeeping) return discardDraft(key);
    try {
      Taro.setStorageSync(key, { savedAt: Date.now(), value } satisfies Stored<T>);
    } catch {
      /* storage full or refused: the form still works, it is just not kept */
    }
  }, [key, value, worthKeeping]);
}
