/**
 * The mini-program's typed API client (miniprogram/src/api): paths, methods and headers come from the endpoint
 * contracts; errors arrive as ApiError carrying the RFC 9457 problem; a 401 ends the session of its realm.
 * `@tarojs/taro` is replaced by a small fake: request, storage and navigation.
 */
const storage = new Map<string, unknown>();
const requests: Array<{ url: string; method: string; header: Record<string, string>; data: unknown }> = [];
let answer: (req: (typeof requests)[number]) => Promise<{ statusCode: number; data: unknown }>;
const reLaunch = jest.fn(async (_o: { url: string }) => undefined);
/** The page shown when a call is made (Taro's router): null outside a page. */
let router: { path: string; params: Record<string, string> } | null = null;

jest.mock('@tarojs/taro', () => {
  const taro = {
    request: jest.fn(async (o: { url: string; method: string; header: Record<string, string>; data: unknown }) => {
      const req = { url: o.url, method: o.method, header: o.header, data: o.data };
      requests.push(req);
      return answer(req);
    }),
    getStorageSync: (k: string) => (storage.has(k) ? storage.get(k) : ''),
    setStorageSync: (k: string, v: unknown) => void storage.set(k, v),
    removeStorageSync: (k: string) => void storage.delete(k),
    reLaunch: (o: { url: string }) => reLaunch(o),
    getCurrentInstance: () => ({ router }),
  };
  return { __esModule: true, default: taro, ...taro };
});

import { api } from '../../../shared/api';
import type { Session } from '../../../shared/api/identity';
import {
  ApiError,
  RetryKey,
  afterSignIn,
  buildPath,
  buildQuery,
  call,
  errorMessage,
  getSession,
  newIdempotencyKey,
  saveSession,
  staffCall,
  zodFieldErrors,
} from '../../../miniprogram/src/api';

const FEEDBACK_ID = '0f8fad5b-d9cb-469f-a165-70867728950e';

const session = (roles: Session['user']['roles'], token = 'tok-resident'): Session => ({
  token,
  expiresIn: 3600,
  user: { id: 'u1', communityId: 'baogong-qingnian', name: '王建国', roles },
});

const ok = (data: unknown, statusCode = 200) => async () => ({ statusCode, data });

beforeEach(() => {
  storage.clear();
  requests.length = 0;
  reLaunch.mockClear();
  router = null;
  answer = ok({});
});

describe('paths and queries', () => {
  test('fills {params} from the contract path and encodes them', () => {
    expect(buildPath('/v1/feedback/{id}', { id: 'a b/c' })).toBe('/v1/feedback/a%20b%2Fc');
    expect(buildPath('/v1/admin/feedback/{id}/transitions', { id: 'x' })).toBe('/v1/admin/feedback/x/transitions');
  });

  test('refuses a missing path param', () => {
    expect(() => buildPath('/v1/feedback/{id}', {})).toThrow('id');
  });

  test('leaves out empty query values', () => {
    expect(buildQuery({ status: 'submitted', limit: 20, cursor: undefined })).toBe('?status=submitted&limit=20');
    expect(buildQuery({ cursor: undefined })).toBe('');
    expect(buildQuery(undefined)).toBe('');
  });
});

describe('idempotency keys', () => {
  test('a new key has the shape the server accepts', () => {
    const a = newIdempotencyKey();
    expect(a).toMatch(/^[A-Za-z0-9_-]{8,128}$/);
    expect(newIdempotencyKey()).not.toBe(a);
  });

  test('a retry of the same content reuses the key; changed content or a success gets a new one', () => {
    const keys = new RetryKey();
    const first = keys.keyFor({ title: '路灯坏了' });
    expect(keys.keyFor({ title: '路灯坏了' })).toBe(first);
    const changed = keys.keyFor({ title: '路灯坏了两盏' });
    expect(changed).not.toBe(first);
    keys.reset();
    expect(keys.keyFor({ title: '路灯坏了两盏' })).not.toBe(changed);
  });
});

describe('call()', () => {
  test('takes method and path from the contract and sends the resident token', async () => {
    saveSession('resident', session(['resident']));
    answer = ok({ id: FEEDBACK_ID });
    const f = await call(api.feedback.getFeedback, { params: { id: FEEDBACK_ID } });
    expect(f.id).toBe(FEEDBACK_ID);
    expect(requests[0]).toMatchObject({ method: 'GET', url: `/v1/feedback/${FEEDBACK_ID}` });
    expect(requests[0]!.header.Authorization).toBe('Bearer tok-resident');
    expect(requests[0]!.data).toBeUndefined();
  });

  test('sends the query of list endpoints', async () => {
    saveSession('staff', session(['committee'], 'tok-staff'));
    answer = ok({ items: [], nextCursor: null });
    await staffCall(api.feedback.listFeedbackQueue, { query: { status: 'accepted', limit: 20 } });
    expect(requests[0]!.url).toBe('/v1/admin/feedback?status=accepted&limit=20');
    expect(requests[0]!.header.Authorization).toBe('Bearer tok-staff');
  });

  test('public endpoints go without a token; bodies go as JSON', async () => {
    saveSession('resident', session(['resident']));
    answer = ok(session(['resident'], 'new'));
    await call(api.identity.wechatLogin, { body: { code: 'dev:王建国' } });
    expect(requests[0]).toMatchObject({ method: 'POST', url: '/v1/auth/wechat', data: { code: 'dev:王建国' } });
    expect(requests[0]!.header.Authorization).toBeUndefined();
    expect(requests[0]!.header['Content-Type']).toBe('application/json');
  });

  test('idempotent endpoints carry an Idempotency-Key: the one given, or a fresh one', async () => {
    saveSession('resident', session(['resident']));
    answer = ok({ id: FEEDBACK_ID }, 201);
    const body = { category: 'noise', title: '噪音', description: '晚上很吵', compound: '青年新苑' } as const;
    await call(api.feedback.submitFeedback, { body }, { idempotencyKey: 'retry-key-1234' });
    await call(api.feedback.submitFeedback, { body });
    expect(requests[0]!.header['Idempotency-Key']).toBe('retry-key-1234');
    expect(requests[1]!.header['Idempotency-Key']).toMatch(/^[A-Za-z0-9_-]{8,128}$/);
    expect(requests[1]!.header['Idempotency-Key']).not.toBe('retry-key-1234');
  });

  test('a problem answer becomes an ApiError with per-field messages', async () => {
    saveSession('resident', session(['resident']));
    answer = ok(
      {
        type: 'urn:gongzhi:problem:validation-error',
        title: '请求内容有误',
        status: 400,
        detail: '请填写标题',
        requestId: 'r1',
        errors: [{ location: 'body', path: 'title', message: '请填写标题' }],
      },
      400,
    );
    const err = await call(api.feedback.submitFeedback, {
      body: { category: 'noise', title: '', description: 'x', compound: 'y' },
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    const e = err as ApiError;
    expect(e.status).toBe(400);
    expect(e.kind).toBe('validation-error');
    expect(e.fieldErrors).toEqual({ title: '请填写标题' });
    expect(errorMessage(e)).toBe('请填写标题');
  });

  test('409 stale-version is recognisable by its problem type', async () => {
    saveSession('staff', session(['committee'], 'tok-staff'));
    answer = ok({ type: 'urn:gongzhi:problem:stale-version', title: '操作冲突', status: 409, detail: '这条反馈刚被其他人修改过' }, 409);
    const e = (await staffCall(api.feedback.transitionFeedback, {
      params: { id: FEEDBACK_ID },
      body: { to: 'accepted', version: 1 },
    }).catch((x: unknown) => x)) as ApiError;
    expect(e.status).toBe(409);
    expect(e.kind.endsWith('stale-version')).toBe(true);
  });

  test('401 on a signed-in endpoint ends that realm’s session and goes to its login page', async () => {
    saveSession('resident', session(['resident']));
    saveSession('staff', session(['committee'], 'tok-staff'));
    answer = ok({ type: 'urn:gongzhi:problem:unauthorized', title: '未登录或登录已过期', status: 401 }, 401);
    await expect(staffCall(api.identity.me)).rejects.toBeInstanceOf(ApiError);
    expect(getSession('staff')).toBeNull();
    expect(getSession('resident')).not.toBeNull();
    expect(reLaunch).toHaveBeenCalledWith({ url: '/packages/admin/login/index' });

    await expect(call(api.identity.me)).rejects.toBeInstanceOf(ApiError);
    expect(getSession('resident')).toBeNull();
    expect(reLaunch).toHaveBeenLastCalledWith({ url: '/pages/login/index' });
  });

  test('a session that ends on a page comes back to that page after signing in (a deep link too)', async () => {
    saveSession('resident', session(['resident']));
    router = { path: '/pages/feedback/detail/index', params: { id: FEEDBACK_ID, stamp: '123' } };
    answer = ok({ type: 'urn:gongzhi:problem:unauthorized', title: '未登录或登录已过期', status: 401 }, 401);
    await expect(call(api.identity.me)).rejects.toBeInstanceOf(ApiError);
    const back = `/pages/feedback/detail/index?id=${FEEDBACK_ID}`;
    expect(reLaunch).toHaveBeenLastCalledWith({ url: `/pages/login/index?returnTo=${encodeURIComponent(back)}` });
    expect(afterSignIn('resident', encodeURIComponent(back))).toBe(back);
  });

  test.each([
    ['resident', undefined, '/pages/home/index'],
    ['staff', undefined, '/packages/admin/queue/index'],
    ['resident', '/pages/feedback/mine/index', '/pages/feedback/mine/index'],
    ['staff', '/packages/admin/stats/index', '/packages/admin/stats/index'],
    ['resident', 'https://evil.example/pages/home/index', '/pages/home/index'],
    ['resident', '//evil.example/pages/x/index', '/pages/home/index'],
    ['resident', '/pages/login/index', '/pages/home/index'],
    ['staff', '/packages/admin/login/index', '/packages/admin/queue/index'],
    ['resident', '/packages/admin/queue/index', '/pages/home/index'],
    ['staff', '/pages/feedback/mine/index', '/packages/admin/queue/index'],
    ['resident', '%E0%A4%A', '/pages/home/index'],
  ] as const)('after a %s signs in, returnTo %s leads to %s', (realm, returnTo, expected) => {
    expect(afterSignIn(realm, returnTo)).toBe(expected);
  });

  test('401 from a login (wrong password) stays on the page with the server’s message', async () => {
    answer = ok({ type: 'urn:gongzhi:problem:unauthorized', title: '未登录或登录已过期', status: 401, detail: '账号或密码错误' }, 401);
    const e = (await staffCall(api.identity.staffLogin, { body: { username: 'committee', password: 'x' } }).catch(
      (x: unknown) => x,
    )) as ApiError;
    expect(e.status).toBe(401);
    expect(errorMessage(e)).toBe('账号或密码错误');
    expect(reLaunch).not.toHaveBeenCalled();
  });

  test('a network failure is an ApiError with status 0 and a Chinese message', async () => {
    answer = async () => {
      throw new Error('request:fail');
    };
    const e = (await call(api.identity.health).catch((x: unknown) => x)) as ApiError;
    expect(e).toBeInstanceOf(ApiError);
    expect(e.status).toBe(0);
    expect(errorMessage(e)).toContain('网络');
  });

  test('a 5xx without a body still reads as a Chinese sentence, with the request id when there is one', async () => {
    answer = ok({ type: 'urn:gongzhi:problem:internal-error', title: '服务暂时出错', status: 500, requestId: 'req-9' }, 500);
    const e = (await call(api.identity.health).catch((x: unknown) => x)) as ApiError;
    expect(errorMessage(e)).toBe('服务暂时出错（请求编号 req-9）');
  });
});

describe('sessions', () => {
  test('an expired session is gone', () => {
    saveSession('resident', { ...session(['resident']), expiresIn: -1 });
    expect(getSession('resident')).toBeNull();
  });

  test('the staff realm holds staff only', () => {
    saveSession('staff', session(['resident']));
    expect(getSession('staff')).toBeNull();
  });
});

test('zod issues become one message per field', () => {
  expect(
    zodFieldErrors([
      { path: ['title'], message: '请填写标题' },
      { path: ['title'], message: '第二条' },
      { path: ['compound'], message: '请填写小区' },
    ]),
  ).toEqual({ title: '请填写标题', compound: '请填写小区' });
});

/* Compile-time contract checks (run by `npm run typecheck`): the client refuses calls the contract forbids. */
export async function typeChecks() {
  // @ts-expect-error getFeedback needs params.id
  await call(api.feedback.getFeedback, {});
  // @ts-expect-error the body must match SubmitFeedbackBody
  await call(api.feedback.submitFeedback, { body: { title: 1 } });
  // @ts-expect-error the queue's status must be a known status
  await staffCall(api.feedback.listFeedbackQueue, { query: { status: 'done' } });
  const me = await call(api.identity.me);
  const name: string = me.name;
  return name;
}
