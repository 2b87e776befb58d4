import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { ClaimSeatBody, councilApi } from '@shared/api/council';
import { call, errorMessage, zodFieldErrors, type FieldErrors } from '../../../api';
import { LoadingState, Notice } from '../../../components/States';
import { Button, Form, Html, TextField } from '../../../components/ui';
import { useSession } from '../../../components/useSession';

/**
 * Claiming a seat: the committee seated this person by name and gave them an 8-character code; entering it links
 * the seat to their account, so they can discuss and vote in the mini-program.
 */
export default function ClaimSeatPage() {
  const session = useSession('resident');
  const { params } = useRouter();
  const [code, setCode] = useState(params.code ?? '');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<string>();
  const [sending, setSending] = useState(false);

  if (!session) return <LoadingState text='正在前往登录…' />;

  const claim = async () => {
    if (sending) return;
    setError(undefined);
    const parsed = ClaimSeatBody.safeParse({ code });
    if (!parsed.success) return setErrors(zodFieldErrors(parsed.error.issues));
    setErrors({});
    setSending(true);
    try {
      const council = await call(councilApi.claimCouncilSeat, { body: parsed.data });
      await Taro.redirectTo({ url: `/packages/council/council/index?id=${council.id}&claimed=1` });
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setSending(false);
    }
  };

  return (
    <Html tag='main' className='gz-page'>
      <Html tag='h1' className='gz-h1'>
        认领议事会席位
      </Html>
      <Html tag='p' className='gz-text gz-muted'>
        请输入社区工作人员给您的 8 位认领码。认领后，您可以在小程序里参加讨论和投票。
      </Html>
      {error ? <Notice kind='error'>{error}</Notice> : null}
      <Form onSubmit={() => void claim()}>
        <TextField id='seat-code' label='认领码' value={code} onChange={setCode} placeholder='例如：K7M2Q9XA' maxLength={8} error={errors.code} />
        <Button type='submit' variant='primary' loading={sending}>
          认领席位
        </Button>
      </Form>
      <Html tag='div' className='gz-footer-links'>
        <Button variant='plain' inline onClick={() => void Taro.redirectTo({ url: '/packages/council/index/index' })}>
          返回议事会
        </Button>
      </Html>
    </Html>
  );
}
