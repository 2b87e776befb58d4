import * as z from 'zod';
import { ROLES } from '../roles';
import { endpoint } from './endpoint';
import { text } from './common';

export const CommunityId = z.string().regex(/^[a-z0-9-]{2,40}$/, '社区编号无效');

export const User = z.object({
  id: z.string(),
  communityId: CommunityId,
  name: z.string(),
  roles: z.array(z.enum(ROLES)),
});
export type User = z.infer<typeof User>;

export const Session = z.object({
  token: z.string(),
  /** Seconds until the token expires. */
  expiresIn: z.number().int(),
  user: User,
});
export type Session = z.infer<typeof Session>;

export const WechatLoginBody = z.object({
  /** The code from `wx.login()`; locally, `dev:<name>` signs in the demo resident `<name>`. */
  code: z.string().trim().min(1, '登录凭证缺失').max(128, '登录凭证过长'),
  communityId: CommunityId.optional(),
});

export const StaffLoginBody = z.object({
  username: text(40, '账号'),
  password: z.string({ error: '请填写密码' }).min(1, '请填写密码').max(200, '密码过长'),
  communityId: CommunityId.optional(),
});

export const Health = z.object({ status: z.literal('ok'), time: z.string() });

export const identityApi = {
  health: endpoint({
    method: 'GET',
    path: '/v1/health',
    access: 'public',
    response: Health,
    summary: 'Liveness: answers without touching the store',
  }),
  wechatLogin: endpoint({
    method: 'POST',
    path: '/v1/auth/wechat',
    access: 'public',
    body: WechatLoginBody,
    response: Session,
    summary: 'Sign in from the mini-program with a wx.login code',
  }),
  staffLogin: endpoint({
    method: 'POST',
    path: '/v1/auth/staff',
    access: 'public',
    body: StaffLoginBody,
    response: Session,
    summary: 'Sign in to the admin page with an account and password',
  }),
  me: endpoint({
    method: 'GET',
    path: '/v1/me',
    access: 'signed-in',
    response: User,
    summary: 'The signed-in person',
  }),
} as const;
