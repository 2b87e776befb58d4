import Taro from '@tarojs/taro';
import { useState } from 'react';
import { Button } from './Button';
import type { FileLinkProps } from './types';

/**
 * Mini-program build: a document (a PDF) shown as a button with its name; tapping downloads it and opens it in
 * WeChat's document viewer (from where it can be forwarded or saved).
 */
export function FileLink({ url, children, accessibleName }: FileLinkProps) {
  const [busy, setBusy] = useState(false);
  const open = async () => {
    setBusy(true);
    try {
      const res = await Taro.downloadFile({ url });
      if (res.statusCode !== 200) throw new Error(`download ${res.statusCode}`);
      await Taro.openDocument({ filePath: res.tempFilePath, fileType: 'pdf', showMenu: true });
    } catch {
      void Taro.showToast({ title: '没能打开文件，请稍后再试', icon: 'none' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button variant='plain' loading={busy} accessibleName={accessibleName} onClick={() => void open()}>
      {children}
    </Button>
  );
}
