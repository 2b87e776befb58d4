import Taro from '@tarojs/taro';
import { useCallback, type ReactNode } from 'react';
import type { ConfirmOptions } from './types';

/**
 * Asks before a destructive action. Mini-program build: WeChat's own modal (native, read by screen readers).
 * Returns [element to render (none here), confirm()].
 */
export function useConfirm(): [ReactNode, (options: ConfirmOptions) => Promise<boolean>] {
  const confirm = useCallback(async (o: ConfirmOptions) => {
    try {
      const res = await Taro.showModal({
        title: o.title,
        content: o.content,
        confirmText: o.confirmText,
        cancelText: o.cancelText ?? '取消',
        confirmColor: o.destructive ? '#b00020' : '#b71c1c',
      });
      return Boolean(res.confirm);
    } catch {
      return false;
    }
  }, []);
  return [null, confirm];
}
