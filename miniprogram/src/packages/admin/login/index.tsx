import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { StaffLoginBody, type SignInNotice, identityApi } from '@shared/api/identity';
import { isStaff } from '@shared/roles';
import { ApiError, afterSignIn, errorMessage, getSession, saveSession, staffCall, zodFieldErrors, type FieldErrors } from '../../../api';
import { Notice } from '../../../components/States';
import { formatTime } from '../../../components/format';
import { Button, Form, Html, TextField } from '../../../components/ui';

export default function StaffLoginPage() {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<string>();
  const [sending, setSending] = useState(false);
  /** Wrong-password attempts on this account since its owner last signed in: shown before going on. */
  const [notice, setNotice] = useState<SignInNotice>();
  /** The page that asked for a sign-in (a deep link, or one whose session ran out), else the queue. */
  const next = afterSignIn('staff', useRouter().params.returnTo);
  const goOn = () => void Taro.reLaunch({ url: next });

  // Already signed in (the session has not expired): straight on.
  useEffect(() => {
    if (getSession('staff')) void Taro.redirectTo({ url: next });
  }, [next]);

  const submit = async () => {
    if (sending) return;
    setError(undefined);
    const parsed = StaffLoginBody.safeParse({ username, password });
    if (!parsed.success) {
      setErrors(zodFieldErrors(parsed.error.issues));
      return;
    }
    setErrors({});
    setSending(true);
    try {
      const session = await staffCall(identityApi.staffLogin, { body: parsed.data });
      if (!isStaff(session.user.roles)) {
        setError('此账号不是社区工作人员账号，不能进入管理页面');
        return;
      }
      saveSession('staff', session);
      if (session.notice) setNotice(session.notice);
      else goOn();
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) setError(err.problem.detail ?? '账号或密码错误');
      else if (err instanceof ApiError && err.status === 429) setError(err.problem.detail ?? '尝试次数过多，请稍后再试');
      else {
        if (err instanceof ApiError) setErrors(err.fieldErrors);
        setError(errorMessage(err));
      }
      setPassword('');
    } finally {
      setSending(false);
    }
  };

  if (notice)
    return (
      <Html tag='main' className='gz-page'>
        <Html tag='h1' className='gz-h1'>
          安全提醒
        </Html>
        <Notice kind='error'>
          {`自您上次登录以来，您的账号有 ${notice.failedAttempts} 次密码错误的登录尝试，最近一次在 ${formatTime(notice.lastFailedAt)}。如果不是您本人，请尽快联系系统管理员修改密码。`}
        </Notice>
        <Button variant='primary' onClick={goOn}>
          知道了，进入管理页面
        </Button>
      </Html>
    );

  return (
    <Html tag='main' className='gz-page'>
      <Html tag='h1' className='gz-h1'>
        社区工作人员登录
      </Html>
      <Html tag='p' className='gz-text gz-muted'>
        社区两委工作人员在此登录，受理和答复居民反馈。
      </Html>
      {error ? <Notice kind='error'>{error}</Notice> : null}
      <Form onSubmit={() => void submit()}>
        <TextField
          id='staff-username'
          label='账号'
          value={username}
          onChange={(v) => {
            setUsername(v);
            setErrors((e) => ({ ...e, username: '' }));
          }}
          maxLength={StaffLoginBody.shape.username.maxLength ?? undefined}
          autoComplete='username'
          error={errors.username}
        />
        <TextField
          id='staff-password'
          label='密码'
          password
          value={password}
          onChange={(v) => {
            setPassword(v);
            setErrors((e) => ({ ...e, password: '' }));
          }}
          maxLength={StaffLoginBody.shape.password.maxLength ?? undefined}
          autoComplete='current-password'
          error={errors.password}
        />
        <Button type='submit' variant='primary' loading={sending}>
          {sending ? '正在登录…' : '登录'}
        </Button>
      </Form>
      <Html tag='div' className='gz-footer-links'>
        <Button variant='plain' inline onClick={() => void Taro.reLaunch({ url: '/pages/home/index' })}>
          返回居民首页
        </Button>
      </Html>
    </Html>
  );
}
