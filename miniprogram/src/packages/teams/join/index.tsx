import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { JoinTeamBody, teamsApi } from '@shared/api/teams';
import { call, errorMessage, zodFieldErrors, type FieldErrors } from '../../../api';
import { LoadingState, Notice } from '../../../components/States';
import { Button, Checkbox, Form, Html, TextField } from '../../../components/ui';
import { useSession } from '../../../components/useSession';

/**
 * Joining a team with the code its leader shared (typed, or opened from the leader's QR code, which carries it
 * in the address). Joining keeps the member's name in the team's registration: they say yes to that first.
 */
export default function JoinTeamPage() {
  const session = useSession('resident');
  const { params } = useRouter();
  const [code, setCode] = useState(params.code ?? '');
  const [consent, setConsent] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<string>();
  const [sending, setSending] = useState(false);

  if (!session) return <LoadingState text='正在前往登录…' />;

  const join = async () => {
    if (sending) return;
    setError(undefined);
    const parsed = JoinTeamBody.safeParse({ code, consent: consent || undefined });
    if (!parsed.success) {
      setErrors(zodFieldErrors(parsed.error.issues));
      return;
    }
    setErrors({});
    setSending(true);
    try {
      const team = await call(teamsApi.joinTeam, { body: parsed.data });
      await Taro.redirectTo({ url: `/packages/teams/detail/index?id=${team.id}&joined=1` });
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setSending(false);
    }
  };

  return (
    <Html tag='main' className='gz-page'>
      <Html tag='h1' className='gz-h1'>
        加入舞队
      </Html>
      <Html tag='p' className='gz-text gz-muted'>
        请输入队长给您的 8 位邀请码。加入后，请阅读并确认社区的广场舞规章。
      </Html>
      {error ? <Notice kind='error'>{error}</Notice> : null}
      <Form onSubmit={() => void join()}>
        <TextField id='invite-code' label='邀请码' value={code} onChange={(v) => setCode(v)} placeholder='例如：K7M2Q9XA' maxLength={8} error={errors.code} />
        <Checkbox
          id='join-consent'
          label='我同意在本队的备案中登记我的姓名'
          checked={consent}
          onChange={(on) => {
            setConsent(on);
            setErrors((e) => ({ ...e, consent: '' }));
          }}
          error={errors.consent}
        />
        <Button type='submit' variant='primary' loading={sending}>
          加入
        </Button>
      </Form>
      <Html tag='div' className='gz-footer-links'>
        <Button variant='plain' inline onClick={() => void Taro.redirectTo({ url: '/packages/teams/mine/index' })}>
          返回我的舞队
        </Button>
      </Html>
    </Html>
  );
}
