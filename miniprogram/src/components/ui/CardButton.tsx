import { View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { cx } from './classes';

export function CardButton({
  children,
  onClick,
  selected,
  unread,
}: {
  children: ReactNode;
  onClick: () => void;
  selected?: boolean;
  unread?: boolean;
}) {
  return (
    <View className={cx('gz-card gz-card-btn', selected && 'gz-card--selected', unread && 'gz-card--unread')} hoverClass='gz-card--hover' onClick={onClick}>
      {children}
    </View>
  );
}
