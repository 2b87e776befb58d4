/**
 * Every limit of every field the identity and feedback contracts accept (issue 11). The limits are read out of
 * the zod schemas themselves (so a new limited field cannot go unlisted) and compared with the explicit table
 * below (so a changed number fails); then each limit is tried at its edge: at max and min accepted, at max + 1
 * and min − 1 refused, with the message the form shows.
 */
import type * as z from 'zod';
import { api } from '../../../shared/api';
import { IdempotencyHeaders } from '../../../shared/api/common';
import type { Endpoint } from '../../../shared/api/endpoint';

type Limit = { kind: 'string' | 'number' | 'array'; min?: number; max?: number };
/** What a limit must say when it refuses: the message, for the fields whose refusal a person reads. */
type Expected = Limit & { tooLong?: string; tooShort?: string; sample?: (i: number) => unknown };

// Zod keeps its definition in `_zod.def`: the walk below reads only that (types, inner types, checks).
type Def = { type: string; innerType?: Schema; in?: Schema; shape?: Record<string, Schema>; element?: Schema; valueType?: Schema; checks?: { _zod: { def: CheckDef } }[] };
type CheckDef = { check: string; maximum?: number; minimum?: number; value?: number };
type Schema = { _zod: { def: Def } };

const WRAPPERS = ['optional', 'nullable', 'default', 'prefault'];

const limitOf = (s: Schema): Limit | undefined => {
  const { type, checks = [] } = s._zod.def;
  const limit: Limit = { kind: type as Limit['kind'] };
  for (const { _zod: { def } } of checks) {
    if (def.check === 'max_length') limit.max = def.maximum;
    if (def.check === 'min_length') limit.min = def.minimum;
    if (def.check === 'less_than') limit.max = def.value;
    if (def.check === 'greater_than') limit.min = def.value;
  }
  return limit.min === undefined && limit.max === undefined ? undefined : limit;
};

/** Every limited field under a schema, by path (`names[]` is an array's element), with its own schema. */
const limitedFields = (schema: Schema, path = '', out = new Map<string, { limit: Limit; schema: Schema }>()) => {
  const { def } = schema._zod;
  if (WRAPPERS.includes(def.type)) return limitedFields(def.innerType!, path, out);
  if (def.type === 'pipe') return limitedFields(def.in!, path, out);
  const limit = limitOf(schema);
  if (limit) out.set(path, { limit, schema });
  if (def.type === 'object') for (const [k, v] of Object.entries(def.shape!)) limitedFields(v, path ? `${path}.${k}` : k, out);
  if (def.type === 'array') limitedFields(def.element!, `${path}[]`, out);
  if (def.type === 'record') limitedFields(def.valueType!, `${path}{}`, out);
  return out;
};

const CONTEXTS = ['identity', 'feedback'] as const;
const PARTS = ['params', 'query', 'body'] as const;

/** Every limited input field of the identity and feedback endpoints: `context.endpoint part:path`. */
const found = new Map<string, { limit: Limit; schema: Schema }>();
for (const context of CONTEXTS)
  for (const [name, e] of Object.entries(api[context]) as [string, Endpoint][]) {
    for (const part of PARTS) {
      const schema = e[part] as unknown as Schema | undefined;
      if (schema) for (const [path, f] of limitedFields(schema)) found.set(`${context}.${name} ${part}:${path}`, f);
    }
  }

const chars = (n: number, c = '字') => c.repeat(n);
const uuid = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
const page = { limit: { kind: 'number', min: 1, max: 50 }, cursor: { kind: 'string', min: 1, max: 1024, sample: (n: number) => chars(n, 'a') } } as const;

/** The table: every limit the forms and lists have, as the product decided them. */
const EXPECTED: Record<string, Expected> = {
  'identity.wechatLogin body:code': { kind: 'string', min: 1, max: 128, tooLong: '登录凭证过长', tooShort: '登录凭证缺失', sample: (n) => chars(n, 'a') },
  'identity.staffLogin body:username': { kind: 'string', max: 40, tooLong: '账号不能超过 40 个字' },
  'identity.staffLogin body:password': { kind: 'string', min: 1, max: 200, tooLong: '密码过长', tooShort: '请填写密码' },
  'identity.listSignInThrottles query:limit': page.limit,
  'identity.listSignInThrottles query:cursor': page.cursor,
  'identity.unlockSignIn body:username': { kind: 'string', max: 40, tooLong: '账号不能超过 40 个字' },
  'identity.updateCompounds body:names': { kind: 'array', min: 1, max: 100, tooLong: '最多 100 个小区', tooShort: '至少保留一个小区', sample: (i) => `小区${i}` },
  'identity.updateCompounds body:names[]': { kind: 'string', max: 40, tooLong: '小区名称不能超过 40 个字' },
  'identity.updateCompounds body:version': { kind: 'number', min: 0 },
  'identity.listAuditTrail query:limit': page.limit,
  'identity.listAuditTrail query:cursor': page.cursor,
  'feedback.submitFeedback body:title': { kind: 'string', max: 40, tooLong: '标题不能超过 40 个字' },
  'feedback.submitFeedback body:description': { kind: 'string', max: 1000, tooLong: '问题描述不能超过 1000 个字' },
  'feedback.submitFeedback body:compound': { kind: 'string', max: 40, tooLong: '小区不能超过 40 个字' },
  'feedback.submitFeedback body:building': { kind: 'string', max: 40, tooLong: '楼栋不能超过 40 个字' },
  'feedback.submitFeedback body:photos': {
    kind: 'array',
    max: 3,
    tooLong: '最多 3 张照片',
    sample: (i) => `incoming/baogong-qingnian/user-1/${uuid(i)}`,
  },
  'feedback.submitFeedback body:onBehalf.name': { kind: 'string', max: 20, tooLong: '居民姓名不能超过 20 个字' },
  'feedback.listMyFeedback query:limit': page.limit,
  'feedback.listMyFeedback query:cursor': page.cursor,
  'feedback.listFeedbackQueue query:limit': page.limit,
  'feedback.listFeedbackQueue query:cursor': page.cursor,
  'feedback.listFeedbackQueue query:compound': { kind: 'string', max: 40, tooLong: '小区不能超过 40 个字' },
  'feedback.listFeedbackQueue query:q': { kind: 'string', max: 40, tooLong: '搜索内容不能超过 40 个字' },
  'feedback.listFeedbackQueue query:waitingHours': { kind: 'number', min: 1, max: 8760, tooLong: '等待时长过长', tooShort: '等待时长至少 1 小时' },
  'feedback.transitionFeedback body:note': { kind: 'string', max: 500, tooLong: '回复不能超过 500 个字' },
  'feedback.transitionFeedback body:version': { kind: 'number', min: 1 },
  'feedback.assignFeedback body:branch.name': { kind: 'string', max: 60, tooLong: '党支部名称不能超过 60 个字' },
  'feedback.assignFeedback body:steward.name': { kind: 'string', max: 40, tooLong: '姓名不能超过 40 个字' },
  'feedback.assignFeedbackInBulk body:branch.name': { kind: 'string', max: 60, tooLong: '党支部名称不能超过 60 个字' },
  'feedback.assignFeedbackInBulk body:steward.name': { kind: 'string', max: 40, tooLong: '姓名不能超过 40 个字' },
  'feedback.assignFeedbackInBulk body:ids': { kind: 'array', min: 1, max: 50, tooLong: '一次最多分派 50 条', tooShort: '请选择要分派的反馈', sample: uuid },
  'feedback.addInternalNote body:text': { kind: 'string', max: 500, tooLong: '内部备注不能超过 500 个字' },
  'feedback.listAssignedToMe query:limit': page.limit,
  'feedback.listAssignedToMe query:cursor': page.cursor,
  'feedback.progressAssignedFeedback body:note': { kind: 'string', max: 500, tooLong: '回复不能超过 500 个字' },
  'feedback.progressAssignedFeedback body:version': { kind: 'number', min: 1 },
  'feedback.withdrawFeedback body:reason': { kind: 'string', max: 200, tooLong: '撤回原因不能超过 200 个字' },
  'feedback.withdrawFeedback body:version': { kind: 'number', min: 1 },
  'feedback.rateFeedback body:stars': { kind: 'number', min: 1, max: 5, tooLong: '满意度最多 5 星', tooShort: '请选择满意度（1–5 星）' },
  'feedback.rateFeedback body:comment': { kind: 'string', max: 500, tooLong: '评价不能超过 500 个字' },
  'feedback.rateFeedback body:version': { kind: 'number', min: 1 },
};

const valueOf = (e: Expected, n: number): unknown => {
  if (e.kind === 'number') return n;
  if (e.kind === 'array') return Array.from({ length: n }, (_, i) => e.sample!(i));
  return e.sample ? e.sample(n) : chars(n);
};

const parse = (schema: Schema, value: unknown) => (schema as unknown as z.ZodType).safeParse(value);
const messages = (r: ReturnType<typeof parse>) => (r.success ? [] : r.error.issues.map((i) => i.message));

describe('the limits of the identity and feedback contracts', () => {
  it('are exactly the table: no limit unlisted, none changed', () => {
    const actual = Object.fromEntries([...found].map(([k, { limit }]) => [k, limit]));
    const table = Object.fromEntries(
      Object.entries(EXPECTED).map(([k, { kind, min, max }]) => [k, { kind, ...(min === undefined ? {} : { min }), ...(max === undefined ? {} : { max }) }]),
    );
    expect(actual).toEqual(table);
  });

  const withMax = Object.entries(EXPECTED).filter(([, e]) => e.max !== undefined);
  const withMin = Object.entries(EXPECTED).filter(([, e]) => e.min !== undefined);

  it.each(withMax)('%s: max accepted, max + 1 refused', (key, e) => {
    const { schema } = found.get(key)!;
    const atMax = parse(schema, valueOf(e, e.max!));
    expect(messages(atMax)).toEqual([]);
    const over = parse(schema, valueOf(e, e.max! + 1));
    expect(over.success).toBe(false);
    if (e.tooLong) expect(messages(over)).toEqual([e.tooLong]);
  });

  it.each(withMin)('%s: min accepted, min − 1 refused', (key, e) => {
    const { schema } = found.get(key)!;
    expect(messages(parse(schema, valueOf(e, e.min!)))).toEqual([]);
    const under = parse(schema, valueOf(e, e.min! - 1));
    expect(under.success).toBe(false);
    if (e.tooShort) expect(messages(under)[0]).toBe(e.tooShort);
  });

  it('pages default to 20 items', () => {
    for (const context of CONTEXTS)
      for (const [name, e] of Object.entries(api[context]) as [string, Endpoint][])
        if (found.has(`${context}.${name} query:limit`)) expect([name, (e.query as z.ZodType).parse({})]).toMatchObject([name, { limit: 20 }]);
  });

  it('text is counted after trimming, in characters (an emoji is one)', () => {
    const title = found.get('feedback.submitFeedback body:title')!.schema;
    expect(messages(parse(title, `  ${chars(40)}  `))).toEqual([]);
    expect(messages(parse(title, '😀'.repeat(20)))).toEqual([]);
  });
});

describe('limits kept by patterns rather than lengths', () => {
  const body = <K extends keyof typeof api.feedback>(k: K) => api.feedback[k].body as unknown as z.ZodType;
  const assign = (branchId: string) => body('assignFeedback').safeParse({ branch: { id: branchId, name: '第一党支部' } }).success;
  const steward = (id: string) => body('assignFeedback').safeParse({ steward: { id, name: '刘玉兰' } }).success;
  const header = (key: string) => IdempotencyHeaders.safeParse({ 'idempotency-key': key }).success;
  const community = (id: string) => api.identity.wechatLogin.body!.safeParse({ code: 'dev:王建国', communityId: id }).success;
  const feedbackId = (id: string) => api.feedback.getFeedback.params!.safeParse({ id }).success;

  it('a branch id is 1–40 letters, digits, - or _', () => {
    expect([assign('a'), assign(chars(40, 'b')), assign(''), assign(chars(41, 'b')), assign('第一')]).toEqual([true, true, false, false, false]);
  });

  it('a person id is 1–64 letters, digits, - or _', () => {
    expect([steward('u'), steward(chars(64, 'u')), steward(''), steward(chars(65, 'u')), steward('u 1')]).toEqual([true, true, false, false, false]);
  });

  it('an Idempotency-Key is 8–128 letters, digits, - or _', () => {
    expect([header(chars(8, 'k')), header(chars(128, 'k')), header(chars(7, 'k')), header(chars(129, 'k')), header('key with spaces')]).toEqual([
      true,
      true,
      false,
      false,
      false,
    ]);
  });

  it('a community id is 2–40 lowercase letters, digits or -', () => {
    expect([community('ab'), community(chars(40, 'c')), community('a'), community(chars(41, 'c')), community('Baogong')]).toEqual([true, true, false, false, false]);
  });

  it('a feedback id is 36 hex digits and dashes', () => {
    expect([feedbackId(uuid(1)), feedbackId(uuid(1).slice(1)), feedbackId(`${uuid(1)}0`), feedbackId(uuid(1).replace(/0/g, 'g'))]).toEqual([true, false, false, false]);
  });

  it('each pattern holds for the whole value: nothing before it, nothing after it', () => {
    const cursor = (c: string) => api.feedback.listMyFeedback.query!.safeParse({ cursor: c }).success;
    const cases: [string, (v: string) => boolean, string][] = [
      ['branch id', assign, 'branch-1'],
      ['person id', steward, 'person-1'],
      ['Idempotency-Key', header, 'key-12345'],
      ['community id', community, 'baogong-qingnian'],
      ['feedback id', feedbackId, uuid(7)],
      ['cursor', cursor, 'abc_DEF-123'],
    ];
    for (const [what, accepts, good] of cases) {
      expect([what, accepts(good), accepts(` ${good}`), accepts(`${good} `), accepts(`!${good}`), accepts(`${good}!`), accepts(`${good}\n`)]).toEqual([
        what,
        true,
        false,
        false,
        false,
        false,
        false,
      ]);
    }
  });

  it('a mobile number is 11 digits starting 1 and 3–9, trimmed', () => {
    const phone = (p: string) => api.feedback.submitFeedback.body!.shape.phone.safeParse(p);
    expect(['13812345678', '19912345678', ' 15912345678 '].map((p) => phone(p).success)).toEqual([true, true, true]);
    expect(phone(' 15912345678 ').data).toBe('15912345678');
    expect(['12812345678', '1381234567', '138123456789', 'x13812345678', '13812345678x', '1381234567a', '23812345678'].map((p) => phone(p).success)).toEqual(
      Array(7).fill(false),
    );
    expect(phone('123').error?.issues.map((i) => i.message)).toEqual(['请填写 11 位手机号码']);
  });

  it('a local dev login name is 1–20 visible characters', () => {
    const code = (c: string) => api.identity.wechatLogin.body!.safeParse({ code: c }).success;
    expect([code(`dev:${chars(1)}`), code(`dev:${chars(20)}`), code('dev:'), code(`dev:${chars(21)}`)]).toEqual([true, true, false, false]);
  });
});

describe('limits across fields', () => {
  const stats = (from: string, to: string) => api.feedback.feedbackStats.query!.safeParse({ from, to });

  it('statistics span at most 24 months, and end no earlier than they start', () => {
    expect(stats('2025-01', '2026-12').success).toBe(true);
    expect(stats('2026-11', '2026-11').success).toBe(true);
    const tooLong = stats('2024-12', '2026-12');
    expect(tooLong.success).toBe(false);
    expect(tooLong.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['from', '一次最多查询 24 个月']]);
    const backwards = stats('2026-11', '2026-10');
    expect(backwards.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['to', '结束月份不能早于开始月份']]);
  });

  it('a month is YYYY-MM with a real month', () => {
    const month = (m: string) => stats(m, m).success;
    const good = ['2026-01', '2026-09', '2026-10', '2026-12', '1999-11'];
    const bad = ['2026-00', '2026-13', '2026-19', '2026-20', '2026-1', '26-11', '20266-11', 'x2026-11', '2026-11x', '2026-1a', 'abcd-11', '2026/11', '2026-011'];
    expect(good.map(month)).toEqual(good.map(() => true));
    expect(bad.map(month)).toEqual(bad.map(() => false));
    expect(stats('2026-13', '2026-13').error?.issues.map((i) => i.message)).toEqual(['月份格式须为 YYYY-MM', '月份格式须为 YYYY-MM']);
  });

  it('the compounds list names each compound once', () => {
    const r = api.identity.updateCompounds.body!.safeParse({ names: ['青年新苑', '青年新苑'], version: 1 });
    expect(r.error?.issues.map((i) => i.message)).toEqual(['小区名称不能重复']);
  });
});
