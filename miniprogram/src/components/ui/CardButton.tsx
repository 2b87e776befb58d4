import { View } from '@tarojs/components';
import type { ReactNode } from 'react';

export function CardButton({ children, onClick }: { children: ReactNode; onClick: () => void; accessibleName?: string }) {
  return (
    <View className='gz-card gz-card-btn' hoverClass='gz-card--hover' onClick={onClick}>
      {children}
    </View>
  );
}
