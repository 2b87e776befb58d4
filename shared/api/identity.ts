import * as z from 'zod';
import { ROLES, STAFF_ROLES } from '../roles';
import { endpoint } from './endpoint';
import { AuditPage, AuditQuery } from './audit';
import { PageQuery, isWellFormedText, page, text } from './common';
import { CommunityId } from './ids';

export { CommunityId };

export const User = z.object({
  id: z.string(),
  communityId: CommunityId,
  name: z.string(),
  roles: z.array(z.enum(ROLES)),
});
export type User = z.infer<typeof User>;

/** Told to a staff member as they sign in: wrong-password attempts on their account since their last sign-in. */
export const SignInNotice = z.object({
  failedAttempts: z.number().int().min(1),
  lastFailedAt: z.string(),
});
export type SignInNotice = z.infer<typeof SignInNotice>;

export const Session = z.object({
  token: z.string(),
  /** Seconds until the token expires. */
  expiresIn: z.number().int(),
  user: User,
  notice: SignInNotice.optional(),
});
export type Session = z.infer<typeof Session>;

/** The demo resident's name in a local dev login code: 1–20 visible characters. */
export const DevLoginName = text(20, '姓名');
export const DEV_CODE_PREFIX = 'dev:';

/**
 * A `wx.login()` code (printable ASCII), or locally `dev:<name>`, which signs in the demo resident `<name>`
 * (1–20 characters; only where the server runs with the dev login on, never in AWS).
 */
export const WechatCode = z
  .string({ error: '登录凭证缺失' })
  .trim()
  .min(1, '登录凭证缺失')
  .max(128, '登录凭证过长')
  .refine(
    (code) => (code.startsWith(DEV_CODE_PREFIX) ? DevLoginName.safeParse(code.slice(DEV_CODE_PREFIX.length)).success : /^[\x21-\x7e]+$/.test(code)),
    '登录凭证格式无效（本地开发登录请用 dev:姓名，姓名 1–20 个字）',
  );

export const WechatLoginBody = z.object({
  code: WechatCode,
  communityId: CommunityId.optional(),
});

export const StaffLoginBody = z.object({
  username: text(40, '账号'),
  password: z
    .string({ error: '请填写密码' })
    .min(1, '请填写密码')
    .max(200, '密码过长')
    .refine(isWellFormedText, '密码含有无法识别的字符'),
  communityId: CommunityId.optional(),
});

export const Health = z.object({ status: z.literal('ok'), time: z.string() });

/** A sign-in throttle that is slowing someone down: one account from one address, or one address for all accounts. */
export const SignInThrottle = z.object({
  scope: z.enum(['account-address', 'address']),
  /** The account name (account-address scope); absent for a whole address. */
  username: z.string().optional(),
  address: z.string(),
  failures: z.number().int(),
  /** No attempt is evaluated before this time. */
  nextAttemptAt: z.string(),
  lastFailureAt: z.string(),
});
export type SignInThrottle = z.infer<typeof SignInThrottle>;

export const UnlockBody = z.object({ username: text(40, '账号') });
export const UnlockResult = z.object({ cleared: z.number().int().min(0) });

/** The community's compounds (小区), in the committee's order; `version` guards edits. */
export const CompoundList = z.object({ names: z.array(z.string()), version: z.number().int().min(0) });
export const CompoundListBody = z.object({
  names: z
    .array(text(40, '小区名称'))
    .min(1, '至少保留一个小区')
    .max(100, '最多 100 个小区')
    .refine((names) => new Set(names).size === names.length, '小区名称不能重复'),
  version: z.number({ error: '缺少版本号' }).int().min(0),
});

/** The published contract itself: an OpenAPI 3.1 document generated from these endpoint contracts. */
export const OpenApiDocument = z.looseObject({ openapi: z.string(), info: z.looseObject({}), paths: z.record(z.string(), z.unknown()) });

/** Login routes are throttled at the API stage too: each attempt costs a deliberate amount of hashing. */
const LOGIN_THROTTLE = { rateLimit: 20, burstLimit: 40 } as const;

export const identityApi = {
  health: endpoint({
    method: 'GET',
    path: '/v1/health',
    access: 'public',
    response: Health,
    summary: 'Liveness: answers without touching the store',
  }),
  openapi: endpoint({
    method: 'GET',
    path: '/v1/openapi.json',
    access: 'public',
    response: OpenApiDocument,
    summary: 'This API described as OpenAPI 3.1, generated from the endpoint contracts',
  }),
  wechatLogin: endpoint({
    method: 'POST',
    path: '/v1/auth/wechat',
    access: 'public',
    throttle: LOGIN_THROTTLE,
    body: WechatLoginBody,
    response: Session,
    outcomes: {
      401: 'The code is invalid or expired (locally, without WeChat, only `dev:<name>` codes work)',
      404: 'No such community',
      502: 'WeChat did not answer; try again',
    },
    summary: 'Sign in from the mini-program with a wx.login code',
  }),
  staffLogin: endpoint({
    method: 'POST',
    path: '/v1/auth/staff',
    access: 'public',
    throttle: LOGIN_THROTTLE,
    body: StaffLoginBody,
    response: Session,
    outcomes: {
      401: 'Wrong account or password (unknown accounts answer the same)',
      429: 'Slowed down after wrong passwords (`sign-in-slowed`), or too many sign-ins at once (`sign-in-busy`): wait as `Retry-After` says',
    },
    summary: 'Sign in to the admin page with an account and password (slowed down after wrong passwords)',
  }),
  me: endpoint({
    method: 'GET',
    path: '/v1/me',
    access: 'signed-in',
    response: User,
    outcomes: { 401: 'The token’s user no longer exists: sign in again' },
    summary: 'The signed-in person',
  }),
  listSignInThrottles: endpoint({
    method: 'GET',
    path: '/v1/admin/sign-in-throttles',
    access: ['admin'],
    query: PageQuery,
    response: page(SignInThrottle),
    summary: 'Accounts and addresses whose sign-in attempts are counted or slowed down, latest failure first',
  }),
  unlockSignIn: endpoint({
    method: 'POST',
    path: '/v1/admin/sign-in-throttles/unlock',
    access: ['admin'],
    body: UnlockBody,
    response: UnlockResult,
    summary: "An admin lifts the slow-down on a staff account (from every address), e.g. after its owner called",
  }),
  listBranches: endpoint({
    method: 'GET',
    path: '/v1/admin/branches',
    access: STAFF_ROLES,
    response: z.object({ items: z.array(z.object({ id: z.string(), name: z.string() })) }),
    summary: "The community's Party branches (党支部), to assign feedback to",
  }),
  listStewards: endpoint({
    method: 'GET',
    path: '/v1/admin/stewards',
    access: STAFF_ROLES,
    response: z.object({ items: z.array(z.object({ id: z.string(), name: z.string() })) }),
    summary: "The community's red stewards (红色小管家), by name, to assign feedback to",
  }),
  listCompounds: endpoint({
    method: 'GET',
    path: '/v1/compounds',
    access: 'signed-in',
    response: CompoundList,
    summary: "The community's residential compounds (小区), as the committee keeps the list: the report form offers them",
  }),
  updateCompounds: endpoint({
    method: 'PUT',
    path: '/v1/admin/compounds',
    access: STAFF_ROLES,
    body: CompoundListBody,
    response: CompoundList,
    outcomes: { 409: 'Someone changed the list since it was read (`stale-version`)' },
    summary: 'The committee keeps the list of compounds (the whole list, in order, with the version it read)',
  }),
  listAuditTrail: endpoint({
    method: 'GET',
    path: '/v1/admin/audit',
    access: ['admin'],
    query: AuditQuery,
    response: AuditPage,
    summary: 'The audit trail of staff acts for one month (this month unless said), newest first',
  }),
} as const;
