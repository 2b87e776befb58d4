/**
 * WeChat cannot be reached from here, so this stands in for it (and for Secrets Manager): what we send as a
 * subscription message, and how WeChat's answers are read.
 */
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { wechatSender } from '../../../functions/src/notify/senders';
import type { OutboxMessage } from '../../../functions/src/notify/outbox';

const answer = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
const message: OutboxMessage = {
  id: 'm-1',
  kind: 'feedback-status',
  to: 'user-1',
  toOpenid: 'o-resident-1',
  at: '2026-11-27T10:00:00.000Z',
  data: { thing1: '楼道灯坏了', phrase2: '已受理', time3: '2026-11-27 18:00' },
  page: 'pages/feedback/detail/index?id=f-1',
};

let fetchSpy: jest.SpyInstance;
beforeEach(() => {
  process.env.WECHAT_SECRET_ARN = 'arn:aws:secretsmanager:cn-north-1:000000000000:secret:gongzhi/wechat';
  process.env.WECHAT_TEMPLATE_FEEDBACK_STATUS = 'tmpl-feedback-status';
  jest.spyOn(SecretsManagerClient.prototype, 'send').mockImplementation(async () => ({ SecretString: JSON.stringify({ appId: 'wx-app', appSecret: 's3cret' }) }));
  fetchSpy = jest.spyOn(globalThis, 'fetch');
});
afterEach(() => {
  jest.restoreAllMocks();
  delete process.env.WECHAT_SECRET_ARN;
  delete process.env.WECHAT_TEMPLATE_FEEDBACK_STATUS;
});

it('sends the template with its fields to the openid, and opens the feedback page', async () => {
  fetchSpy.mockResolvedValueOnce(answer({ access_token: 'AT-1', expires_in: 7200 })).mockResolvedValueOnce(answer({ errcode: 0 }));
  expect(await wechatSender.send(message)).toEqual({ sent: true });
  const [tokenUrl, tokenInit] = fetchSpy.mock.calls[0]!;
  expect(String(tokenUrl)).toBe('https://api.weixin.qq.com/cgi-bin/stable_token');
  expect(JSON.parse(String(tokenInit.body))).toEqual({ grant_type: 'client_credential', appid: 'wx-app', secret: 's3cret' });
  const [sendUrl, sendInit] = fetchSpy.mock.calls[1]!;
  expect(String(sendUrl)).toBe('https://api.weixin.qq.com/cgi-bin/message/subscribe/send?access_token=AT-1');
  expect(JSON.parse(String(sendInit.body))).toEqual({
    touser: 'o-resident-1',
    template_id: 'tmpl-feedback-status',
    page: 'pages/feedback/detail/index?id=f-1',
    data: { thing1: { value: '楼道灯坏了' }, phrase2: { value: '已受理' }, time3: { value: '2026-11-27 18:00' } },
  });
  // the access token is kept for the next message
  fetchSpy.mockResolvedValueOnce(answer({ errcode: 0 }));
  await wechatSender.send(message);
  expect(fetchSpy).toHaveBeenCalledTimes(3);
});

it('counts a refusal for good (the user did not subscribe) as not sent, without throwing', async () => {
  fetchSpy.mockResolvedValueOnce(answer({ errcode: 43101, errmsg: 'user refuse to accept the msg' }));
  expect(await wechatSender.send(message)).toEqual({ sent: false, reason: 'WeChat errcode 43101' });
});

it('throws on a passing failure, so the notifier tries again', async () => {
  fetchSpy.mockResolvedValueOnce(answer({ errcode: -1, errmsg: 'system busy' }));
  await expect(wechatSender.send(message)).rejects.toThrow('(-1)');
});

it('sends nothing without a template setting or to someone without WeChat', async () => {
  delete process.env.WECHAT_TEMPLATE_FEEDBACK_STATUS;
  expect(await wechatSender.send(message)).toEqual({ sent: false, reason: 'no template configured' });
  process.env.WECHAT_TEMPLATE_FEEDBACK_STATUS = 'tmpl';
  const { toOpenid: _none, ...staffMessage } = message;
  expect(await wechatSender.send(staffMessage)).toEqual({ sent: false, reason: 'recipient has no WeChat account' });
  expect(fetchSpy).not.toHaveBeenCalled();
});
