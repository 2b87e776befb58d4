import Taro from '@tarojs/taro';
import type { ReactNode } from 'react';
import { LOGIN_PAGE, clearSession, type StoredSession } from '../../api';
import { Button, Html, cx, useConfirm } from '../ui';
import { sectionsFor, type AdminSection } from './section';
import './admin.css';

export type { AdminSection } from './section';

/**
 * The committee's workspace around a staff page: who is signed in and a sign-out (asked first), the navigation by
 * capability, and the page itself as `main`. On a desktop (≥ 1024 px at the default font size, admin.css) the navigation stays on the left;
 * on a phone and in WeChat it is a row above the page, hidden while there is only one section.
 */
export function AdminShell({
  sections,
  current,
  session,
  children,
}: {
  sections: readonly AdminSection[];
  current: string;
  session: StoredSession;
  children: ReactNode;
}) {
  const [dialog, confirm] = useConfirm();
  const visible = sectionsFor(sections, session.user.roles);

  const signOut = async () => {
    const ok = await confirm({
      title: '确定退出登录吗？',
      content: '退出后，需要重新输入账号和密码才能进入管理页面。',
      confirmText: '退出登录',
    });
    if (!ok) return;
    clearSession('staff');
    void Taro.reLaunch({ url: LOGIN_PAGE.staff });
  };

  return (
    <Html tag='div' className='gz-admin'>
      <Html tag='header' className='gz-admin-bar'>
        <Html tag='p' className='gz-admin-brand'>
          共治 · 社区管理
        </Html>
        <Html tag='div' className='gz-admin-user'>
          <Html tag='p' className='gz-admin-who'>
            已登录：{session.user.name}
          </Html>
          <Button inline variant='plain' onClick={() => void signOut()}>
            退出登录
          </Button>
        </Html>
      </Html>
      <Html tag='div' className='gz-admin-body'>
        <Html tag='nav' className={cx('gz-admin-nav', visible.length < 2 && 'gz-admin-nav--single')} aria-label='管理功能'>
          <Html tag='ul' className='gz-admin-nav-list'>
            {visible.map((s) => (
              <Html tag='li' className='gz-admin-nav-item' key={s.key}>
                <Button variant='plain' current={s.key === current} onClick={() => void Taro.reLaunch({ url: s.entry })}>
                  {s.icon ? `${s.icon} ` : ''}
                  {s.label}
                </Button>
              </Html>
            ))}
          </Html>
        </Html>
        <Html tag='main' className='gz-admin-main'>
          {children}
        </Html>
      </Html>
      {dialog}
    </Html>
  );
}
