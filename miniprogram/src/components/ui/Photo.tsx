import { Image } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { PhotoProps } from './types';

/** Mini-program build: WeChat's image, cropped to fill its box, described for the screen reader; tap to view large. */
export function Photo({ src, alt, className, onError, gallery }: PhotoProps) {
  return (
    <Image
      src={src}
      ariaLabel={alt}
      className={className}
      mode='aspectFill'
      lazyLoad
      onError={onError}
      onClick={gallery ? () => void Taro.previewImage({ current: src, urls: [...gallery] }) : undefined}
    />
  );
}
