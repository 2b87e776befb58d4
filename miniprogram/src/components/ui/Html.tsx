import { Text, View } from '@tarojs/components';
import type { HtmlProps } from './types';

const INLINE = new Set(['span', 'strong', 'time']);

/** Mini-program build: a plain view or text (WeChat reads the text itself). The browser build renders the tag. */
export function Html({ tag, className, id, style, children }: HtmlProps) {
  if (INLINE.has(tag))
    return (
      <Text className={className} id={id} style={style}>
        {children}
      </Text>
    );
  return (
    <View className={className} id={id} style={style}>
      {children}
    </View>
  );
}
