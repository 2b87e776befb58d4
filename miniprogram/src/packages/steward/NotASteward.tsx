import Taro from '@tarojs/taro';
import { Button, Html } from '../../components/ui';

/** Someone without the steward role opened a steward's page (an old link, another person's phone). */
export function NotASteward() {
  return (
    <Html tag='main' className='gz-page'>
      <Html tag='h1' className='gz-h1'>
        这是红色小管家的页面
      </Html>
      <Html tag='p' className='gz-text'>
        您的账号不是红色小管家，看不到社区分派的问题。如需帮助，请联系社区工作人员。
      </Html>
      <Button variant='primary' onClick={() => void Taro.reLaunch({ url: '/pages/home/index' })}>
        返回首页
      </Button>
    </Html>
  );
}
