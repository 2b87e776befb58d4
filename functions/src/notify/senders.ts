import { appendFileSync } from 'node:fs';
import { runningInLambda } from '../http/auth';
import { logger } from '../http/logger';
import { wechatCredentials } from '../wechat/credentials';
import type { OutboxMessage, Sender } from './outbox';

/**
 * Locally there is no WeChat: the message is "sent" by writing what would be sent, one JSON line per message,
 * to `NOTIFICATIONS_LOG` (`npm start`: `.data/notifications.log`) and to `sentLocally` (tests read it).
 */
export const sentLocally: OutboxMessage[] = [];

export const localSender: Sender = {
  async send(message) {
    sentLocally.push(message);
    const file = process.env.NOTIFICATIONS_LOG;
    if (file) appendFileSync(file, `${JSON.stringify({ sentAt: new Date().toISOString(), ...message })}\n`);
    logger.info('notification written locally', { kind: message.kind, id: message.id });
    return { sent: true };
  },
};

/** Template ids are deploy settings, one per message kind: `feedback-status` → `WECHAT_TEMPLATE_FEEDBACK_STATUS`. */
export const wechatTemplateEnvVar = (kind: OutboxMessage['kind']): string => `WECHAT_TEMPLATE_${kind.toUpperCase().replace(/-/g, '_')}`;
const templateFor = (kind: OutboxMessage['kind']): string | undefined => process.env[wechatTemplateEnvVar(kind)] || undefined;

let accessToken: { value: string; until: number } | undefined;
const wechatAccessToken = async (): Promise<string> => {
  if (accessToken && accessToken.until > Date.now()) return accessToken.value;
  const { appId, appSecret } = await wechatCredentials();
  const res = await fetch('https://api.weixin.qq.com/cgi-bin/stable_token', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ grant_type: 'client_credential', appid: appId, secret: appSecret }),
    signal: AbortSignal.timeout(5000),
  });
  const body = (await res.json()) as { access_token?: string; expires_in?: number; errcode?: number };
  if (!body.access_token) throw new Error(`WeChat access token refused (${body.errcode ?? res.status})`);
  accessToken = { value: body.access_token, until: Date.now() + ((body.expires_in ?? 7200) - 300) * 1000 };
  return accessToken.value;
};

/** WeChat's answers that mean "this message will never go": the user did not subscribe, or the data is wrong. */
const REFUSED_FOR_GOOD = new Set([43101, 40003, 47003, 40037]);

/** In AWS: a WeChat subscription message (the user agreed to one when they submitted). */
export const wechatSender: Sender = {
  async send(message) {
    const template = templateFor(message.kind);
    if (!template) return { sent: false, reason: 'no template configured' };
    if (!message.toOpenid) return { sent: false, reason: 'recipient has no WeChat account' };
    const url = `https://api.weixin.qq.com/cgi-bin/message/subscribe/send?access_token=${encodeURIComponent(await wechatAccessToken())}`;
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        touser: message.toOpenid,
        template_id: template,
        page: message.page,
        data: Object.fromEntries(Object.entries(message.data).map(([k, v]) => [k, { value: v }])),
      }),
      signal: AbortSignal.timeout(5000),
    });
    const body = (await res.json()) as { errcode?: number };
    if (!body.errcode) return { sent: true };
    if (body.errcode === 40001 || body.errcode === 42001) accessToken = undefined; // expired token: next run gets a new one
    if (REFUSED_FOR_GOOD.has(body.errcode)) return { sent: false, reason: `WeChat errcode ${body.errcode}` };
    throw new Error(`WeChat subscription message failed (${body.errcode})`);
  },
};

/** WeChat inside Lambda; the local log everywhere else. */
export const senderForHere = (): Sender => (runningInLambda() ? wechatSender : localSender);
