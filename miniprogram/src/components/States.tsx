import { Loading } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { Button, Html } from './ui';

/** Shown while a page loads its data; announced politely to screen readers. */
export function LoadingState({ text = '正在加载…' }: { text?: string }) {
  return (
    <Html tag='div' className='gz-state' role='status' aria-live='polite'>
      <Loading direction='vertical'>{text}</Loading>
    </Html>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <Html tag='div' className='gz-state'>
      <Html tag='p' className='gz-text'>
        {title}
      </Html>
      {children}
    </Html>
  );
}

/** A failed load: the message from the server (Problem.detail) and a way to try again. */
export function ErrorState({ message, onRetry }: { message: string; onRetry?: () => void }) {
  return (
    <View className='gz-state'>
      <Html tag='p' className='gz-alert' role='alert'>
        {message}
      </Html>
      {onRetry ? (
        <Button inline onClick={onRetry}>
          重试
        </Button>
      ) : null}
    </View>
  );
}

/** A message that appears after an action: `alert` for errors, `status` for good news. */
export function Notice({ kind, children }: { kind: 'error' | 'ok'; children: ReactNode }) {
  return (
    <Html tag='p' className={kind === 'ok' ? 'gz-alert gz-alert--ok' : 'gz-alert'} role={kind === 'ok' ? 'status' : 'alert'}>
      {children}
    </Html>
  );
}
