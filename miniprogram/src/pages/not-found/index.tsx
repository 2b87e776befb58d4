import Taro from '@tarojs/taro';
import { Button, Html } from '../../components/ui';

/** Where an address that matches no page ends up (app.ts sends it here). */
export default function NotFoundPage() {
  return (
    <Html tag='main' className='gz-page'>
      <Html tag='h1' className='gz-h1'>
        页面不存在
      </Html>
      <Html tag='p' className='gz-text'>
        您要打开的页面不存在，可能是链接有误，或者页面已经删除。
      </Html>
      <Button variant='primary' onClick={() => void Taro.reLaunch({ url: '/pages/home/index' })}>
        返回首页
      </Button>
    </Html>
  );
}
