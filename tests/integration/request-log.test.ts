/**
 * What a request writes to the log (issue 11). Tests run with logging silenced (`POWERTOOLS_LOG_LEVEL=SILENT` in
 * tests/support/env.ts); here the one logger is turned up to INFO and what it prints is captured: a request's
 * line carries only the allowed fields, never personal data, the body, the token or the caller's address.
 */
import { api } from '../../shared/api';
import { logger } from '../../functions/src/http/logger';
import { aFeedback, Harness } from '../support/harness';

let h: Harness;
beforeAll(async () => {
  h = await Harness.start();
}, 30_000);
afterAll(() => h.close());

/** Powertools' own fields, and the stack's: route, status, duration, request id, the caller's roles. */
const POWERTOOLS_FIELDS = ['level', 'message', 'timestamp', 'service', 'sampling_rate'];
const REQUEST_FIELDS = ['route', 'status', 'durationMs', 'requestId', 'roles'];

/** Runs `work` with the logger at INFO and returns every JSON line it printed (stdout and stderr). */
const captureLog = async (work: () => Promise<unknown>): Promise<Record<string, unknown>[]> => {
  const printed: string[] = [];
  const keep = (chunk: unknown) => {
    printed.push(String(chunk));
    return true;
  };
  const out = jest.spyOn(process.stdout, 'write').mockImplementation(keep);
  const err = jest.spyOn(process.stderr, 'write').mockImplementation(keep);
  logger.setLogLevel('INFO');
  try {
    await work();
  } finally {
    logger.setLogLevel('SILENT');
    out.mockRestore();
    err.mockRestore();
  }
  return printed
    .join('')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Record<string, unknown>);
};

const requestLines = (lines: Record<string, unknown>[]) => lines.filter((l) => l.message === 'request' || l.message === 'request failed');

describe('the request log line', () => {
  it('a resident reporting a problem: one line, only the allowed fields, none of what they typed', async () => {
    const token = await h.resident('日志居民');
    const form = aFeedback({ title: '日志测试标题', description: '日志测试的描述文字', building: '9栋', phone: '13912345678' });
    let answer: Awaited<ReturnType<Harness['call']>> | undefined;
    const lines = await captureLog(async () => {
      answer = await h.call(api.feedback.submitFeedback, { token, body: form, from: '127.0.0.81' });
    });
    expect(answer!.status).toBe(201);
    const requests = requestLines(lines);
    expect(requests).toHaveLength(1);
    const line = requests[0]!;
    expect(Object.keys(line).sort()).toEqual([...POWERTOOLS_FIELDS, ...REQUEST_FIELDS].sort());
    expect(line).toEqual({
      level: 'INFO',
      message: 'request',
      timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      service: 'gongzhi',
      sampling_rate: 0,
      route: 'POST /v1/feedback',
      status: 201,
      durationMs: expect.any(Number),
      requestId: answer!.headers.get('apigw-requestid'),
      roles: ['resident'],
    });
    const all = JSON.stringify(lines);
    for (const secret of ['日志居民', '日志测试标题', '日志测试的描述文字', '13912345678', '9栋', '127.0.0.81', token, answer!.body.id])
      expect(all).not.toContain(secret);
  });

  it('a steward recording a visit with a photo: neither the household, what was said, the photo’s key nor its URL', async () => {
    const token = await h.resident('刘玉兰');
    const mine = await h.call(api.stewards.listMyHouseholds, { token, query: { limit: 50 } });
    const household = mine.body.items[0] as { id: string; name: string };
    const ticket = (await h.call(api.stewards.createVisitPhotoUpload, { token })).body as { url: string; fields: Record<string, string>; key: string };
    const form = new FormData();
    for (const [k, v] of Object.entries(ticket.fields)) form.append(k, v);
    form.append('file', new Blob([new Uint8Array([0xff, 0xd8, 0xff, 0xe1, 0x00, 0x10, ...new Array(2000).fill(7)])]), 'photo');
    expect((await fetch(ticket.url.replace('//localhost:', '//127.0.0.1:'), { method: 'POST', body: form })).status).toBe(204);
    let answer: Awaited<ReturnType<Harness['call']>> | undefined;
    const lines = await captureLog(async () => {
      answer = await h.call(api.stewards.recordVisit, {
        token,
        params: { id: household.id },
        body: { date: new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10), metWith: '本人', discussed: '日志走访的交谈内容', photos: [ticket.key] },
      });
    });
    expect(answer!.status).toBe(201);
    const photoUrl = answer!.body.visits.find((v: { photos: unknown[] }) => v.photos.length).photos[0].url as string;
    expect(requestLines(lines).map((l) => [l.route, l.status])).toEqual([['POST /v1/households/{id}/visits', 201]]);
    const all = JSON.stringify(lines);
    for (const secret of [household.id, household.name, '日志走访的交谈内容', ticket.key, ticket.key.split('/')[3]!, new URL(photoUrl).pathname, 'X-Amz', '/s3/'])
      expect(all).not.toContain(secret);
  });

  it('a refused sign-in: the status, not the account, password or address', async () => {
    let status = 0;
    const lines = await captureLog(async () => {
      status = (await h.call(api.identity.staffLogin, { body: { username: 'logprobe', password: 'Secret-Guess-1' }, from: '127.0.0.82' })).status;
    });
    expect(status).toBe(401);
    const requests = requestLines(lines);
    expect(requests.map((l) => [l.route, l.status, l.roles])).toEqual([['POST /v1/auth/staff', 401, undefined]]);
    expect(Object.keys(requests[0]!).sort()).toEqual([...POWERTOOLS_FIELDS, ...REQUEST_FIELDS.filter((f) => f !== 'roles')].sort());
    const all = JSON.stringify(lines);
    for (const secret of ['logprobe', 'Secret-Guess-1', '127.0.0.82']) expect(all).not.toContain(secret);
  });

  it('a body the contract refuses is not echoed into the log', async () => {
    const token = await h.resident('日志居民');
    const lines = await captureLog(() => h.call(api.feedback.submitFeedback, { token, body: { ...aFeedback(), title: '字'.repeat(41), description: '不该写进日志的原文' } }));
    const requests = requestLines(lines);
    expect(requests.map((l) => [l.message, l.status])).toEqual([['request', 400]]);
    expect(JSON.stringify(lines)).not.toContain('不该写进日志的原文');
  });

  it('a failure is logged as an error with the route and request id, and still no personal data', async () => {
    const token = await h.resident('日志居民');
    process.env.TABLE_FEEDBACK = 'no-such-table';
    let answer: Awaited<ReturnType<Harness['call']>> | undefined;
    let lines: Record<string, unknown>[];
    try {
      lines = await captureLog(async () => {
        answer = await h.call(api.feedback.listMyFeedback, { token });
      });
    } finally {
      delete process.env.TABLE_FEEDBACK;
    }
    expect(answer!.status).toBe(500);
    const requests = requestLines(lines);
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({
      level: 'ERROR',
      message: 'request failed',
      route: 'GET /v1/feedback/mine',
      status: 500,
      requestId: answer!.headers.get('apigw-requestid'),
      roles: ['resident'],
    });
    expect(Object.keys(requests[0]!).sort()).toEqual([...POWERTOOLS_FIELDS, ...REQUEST_FIELDS, 'error'].sort());
    expect(JSON.stringify(lines)).not.toContain('日志居民');
  });
});
