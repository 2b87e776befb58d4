import { useRouter } from '@tarojs/taro';
import { LoadingState } from '../../../components/States';
import { MotionView } from '../../../components/council/MotionView';
import { Html } from '../../../components/ui';
import { useSession } from '../../../components/useSession';

/** A motion, as a member (read, discuss, vote), its chair (schedule, record in person, close) or a resident (the decision). */
export default function MotionPage() {
  const session = useSession('resident');
  const { params } = useRouter();
  if (!session) return <LoadingState text='正在前往登录…' />;
  return (
    <Html tag='main' className='gz-page'>
      <MotionView id={params.id ?? ''} realm='resident' />
    </Html>
  );
}
