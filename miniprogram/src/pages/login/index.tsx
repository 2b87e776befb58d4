import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { WechatLoginBody, identityApi } from '@shared/api/identity';
import { afterSignIn, call, errorMessage, getSession, saveSession, zodFieldErrors } from '../../api';
import { Notice } from '../../components/States';
import { Button, Form, Html, TextField } from '../../components/ui';

/** The residents of the demo community (functions/local/demo-data). */
const DEMO_RESIDENTS = ['王建国', '李秀英', '张桂兰'];

/**
 * Builds against the local server (same origin, or localhost) offer its dev login (`dev:<name>`); a build for a
 * deployed API (`GONGZHI_API_BASE=https://…`) does not, since the server would refuse it anyway.
 */
const DEV_LOGIN = /^(https?:\/\/(localhost|127\.0\.0\.1)(:\d+)?)?$/.test(API_BASE_URL);
const IS_WEAPP = process.env.TARO_ENV === 'weapp';

export default function LoginPage() {
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState<string>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState<string | null>(null);
  /** Where the person was going when asked to sign in (a deep link, or a page whose session ran out). */
  const next = afterSignIn('resident', useRouter().params.returnTo);

  // Already signed in: straight on.
  useEffect(() => {
    if (getSession('resident')) void Taro.reLaunch({ url: next });
  }, [next]);

  const signIn = async (code: string, which: string) => {
    const parsed = WechatLoginBody.safeParse({ code });
    if (!parsed.success) {
      setError(Object.values(zodFieldErrors(parsed.error.issues))[0]);
      return;
    }
    setBusy(which);
    setError(undefined);
    try {
      const session = await call(identityApi.wechatLogin, { body: parsed.data });
      saveSession('resident', session);
      await Taro.reLaunch({ url: next });
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(null);
    }
  };

  const wechatLogin = async () => {
    setBusy('wechat');
    try {
      const { code } = await Taro.login();
      await signIn(code, 'wechat');
    } catch {
      setError('微信登录失败，请稍后再试');
      setBusy(null);
    }
  };

  const loginWithName = () => {
    const trimmed = name.trim();
    if (!trimmed) {
      setNameError('请填写您的姓名');
      return;
    }
    if (trimmed.length > 20) {
      setNameError('姓名不能超过 20 个字');
      return;
    }
    setNameError(undefined);
    void signIn(`dev:${trimmed}`, 'name');
  };

  return (
    <Html tag='main' className='gz-page'>
      <Html tag='h1' className='gz-h1'>
        欢迎使用「共治」
      </Html>
      <Html tag='p' className='gz-text gz-muted'>
        包公街道青年社区 · 居民反映问题、查看办理进度
      </Html>
      {error ? <Notice kind='error'>{error}</Notice> : null}

      {IS_WEAPP ? (
        <Button variant='primary' loading={busy === 'wechat'} disabled={busy !== null} onClick={wechatLogin}>
          {busy === 'wechat' ? '正在登录…' : '微信一键登录'}
        </Button>
      ) : null}

      {DEV_LOGIN ? (
        <Html tag='section' aria-labelledby='demo-login-title'>
          <Html tag='h2' className='gz-h2' id='demo-login-title'>
            选择演示居民登录
          </Html>
          <Html tag='p' className='gz-text gz-muted'>
            本地演示环境：无需微信，选择一位居民即可登录。
          </Html>
          {DEMO_RESIDENTS.map((n) => (
            <Button key={n} loading={busy === n} disabled={busy !== null} onClick={() => void signIn(`dev:${n}`, n)}>
              {busy === n ? '正在登录…' : `以「${n}」身份登录`}
            </Button>
          ))}
          <Html tag='div' className='gz-section-gap' />
          <Form onSubmit={loginWithName}>
            <TextField
              id='login-name'
              label='或输入您的姓名'
              value={name}
              onChange={(v) => {
                setName(v);
                setNameError(undefined);
              }}
              placeholder='例如：赵大爷'
              maxLength={20}
              error={nameError}
              autoComplete='name'
            />
            <Button type='submit' variant='primary' loading={busy === 'name'} disabled={busy !== null}>
              {busy === 'name' ? '正在登录…' : '登录'}
            </Button>
          </Form>
        </Html>
      ) : null}

      {process.env.TARO_ENV === 'h5' ? (
        <Html tag='div' className='gz-footer-links'>
          <Button variant='plain' inline onClick={() => void Taro.navigateTo({ url: '/packages/admin/login/index' })}>
            社区工作人员入口
          </Button>
        </Html>
      ) : null}
    </Html>
  );
}
