/**
 * Residents notice replies: every committee (or system) change is queued in the item's outbox with the change
 * itself, marks the item unread for its reporter, and is delivered once by the notifier job — also when the
 * notifier dies half-way.
 */
import { api } from '../../shared/api';
import { deliverFeedbackNotifications } from '../../functions/src/feedback/jobs/deliver-notifications';
import { feedbackOutbox, getFeedback, isUnread } from '../../functions/src/feedback/store';
import { CLAIM_LEASE_MS, deliverOutbox, type OutboxStore, type Sender } from '../../functions/src/notify/outbox';
import { sentLocally } from '../../functions/src/notify/senders';
import { aFeedback, Harness } from '../support/harness';

const { feedback } = api;
let h: Harness;
let resident: string;
let committee: string;
let residentId: string;
beforeAll(async () => {
  h = await Harness.start();
  resident = await h.resident('通知居民');
  residentId = (await h.call(api.identity.me, { token: resident })).body.id;
  committee = await h.staff();
});
afterAll(() => h.close());
beforeEach(async () => {
  // each test starts with an empty outbox across the store
  await deliverFeedbackNotifications(new Date());
  sentLocally.length = 0;
});

const submit = async (title: string) => (await h.call(feedback.submitFeedback, { token: resident, body: aFeedback({ title }) })).body;
const accept = (id: string, version = 1) =>
  h.call(feedback.transitionFeedback, { token: committee, params: { id }, body: { to: 'accepted', version, note: '已收到' } });
const unread = async () => (await h.call(feedback.countMyUnreadFeedback, { token: resident })).body.count as number;
const stored = (id: string) => getFeedback('baogong-qingnian', id);

describe('the unread marker', () => {
  it('a committee change marks it unread for its reporter until they open it', async () => {
    const before = await unread();
    const f = await submit('未读标记');
    expect(isUnread((await stored(f.id))!)).toBe(false);
    await accept(f.id);
    expect(await unread()).toBe(before + 1);
    const mine = await h.call(feedback.listMyFeedback, { token: resident, query: { limit: 5 } });
    expect(mine.body.items.find((i: { id: string }) => i.id === f.id).unread).toBe(true);
    const opened = await h.call(feedback.getFeedback, { token: resident, params: { id: f.id } });
    expect(opened.body.unread).toBe(false);
    expect(await unread()).toBe(before);
    const again = await h.call(feedback.listMyFeedback, { token: resident, query: { limit: 5 } });
    expect(again.body.items.find((i: { id: string }) => i.id === f.id).unread).toBe(false);
  });

  it("the reporter's own moves do not mark it unread, and staff reading it does not mark it seen", async () => {
    const f = await submit('自己撤回');
    const before = await unread();
    await h.call(feedback.withdrawFeedback, { token: resident, params: { id: f.id }, body: { version: 1 } });
    expect(await unread()).toBe(before);
    const g = await submit('工作人员查看');
    await accept(g.id);
    await h.call(feedback.getFeedback, { token: committee, params: { id: g.id } });
    expect(isUnread((await stored(g.id))!)).toBe(true);
  });
});

describe('the outbox and the notifier', () => {
  it('queues one message per committee change with the change itself, and the notifier sends each once', async () => {
    const f = await submit('楼道灯坏了很久了，晚上看不清台阶，老人上下楼很危险');
    await accept(f.id);
    const queued = (await stored(f.id))?.outbox ?? [];
    expect(queued).toEqual([
      expect.objectContaining({ kind: 'feedback-status', to: residentId, toOpenid: 'dev:通知居民', page: `pages/feedback/detail/index?id=${f.id}` }),
    ]);
    expect(queued[0]!.data).toEqual({ thing1: '楼道灯坏了很久了，晚上看不清台阶，老人上', phrase2: '已受理', time3: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/) });

    expect(await deliverFeedbackNotifications(new Date())).toBe(1);
    expect(sentLocally.map((m) => m.id)).toEqual([queued[0]!.id]);
    expect((await stored(f.id))?.outbox).toEqual([]);
    expect(await feedbackOutbox.pending(50)).toEqual([]);
    expect(await deliverFeedbackNotifications(new Date())).toBe(0);
    expect(sentLocally).toHaveLength(1);
  });

  it('the reporter is told nothing of their own moves', async () => {
    const f = await submit('不用通知');
    await h.call(feedback.withdrawFeedback, { token: resident, params: { id: f.id }, body: { version: 1 } });
    expect(await deliverFeedbackNotifications(new Date())).toBe(0);
  });

  it('two notifiers at once send each message once', async () => {
    const f = await submit('并发通知');
    await accept(f.id);
    const [a, b] = await Promise.all([deliverFeedbackNotifications(new Date()), deliverFeedbackNotifications(new Date())]);
    expect(a + b).toBe(1);
    expect(sentLocally).toHaveLength(1);
  });

  const crashingAt = (point: 'settle' | 'remove'): OutboxStore<{ communityId: string; id: string }> => ({
    ...feedbackOutbox,
    [point]: async () => {
      throw new Error(`crash before ${point}`);
    },
  });
  const recording: Sender & { sent: string[] } = {
    sent: [],
    async send(m) {
      this.sent.push(m.id);
      return { sent: true };
    },
  };

  it('a crash between send and marking it sent: not sent a second time, and not left in the outbox', async () => {
    recording.sent.length = 0;
    const f = await submit('发送后崩溃');
    await accept(f.id);
    await expect(deliverOutbox(crashingAt('settle'), recording, new Date())).rejects.toThrow('crash before settle');
    expect(recording.sent).toHaveLength(1);
    // within the lease another notifier leaves it alone (it may still be sending)
    expect(await deliverOutbox(feedbackOutbox, recording, new Date())).toMatchObject({ sent: 0, abandoned: 0 });
    // after the lease: given up on, never sent again
    expect(await deliverOutbox(feedbackOutbox, recording, new Date(Date.now() + CLAIM_LEASE_MS + 1000))).toMatchObject({ sent: 0, abandoned: 1 });
    expect(recording.sent).toHaveLength(1);
    expect((await stored(f.id))?.outbox).toEqual([]);
  });

  it('a crash after marking it sent, before taking it off the outbox: the next run only takes it off', async () => {
    recording.sent.length = 0;
    const f = await submit('标记后崩溃');
    await accept(f.id);
    await expect(deliverOutbox(crashingAt('remove'), recording, new Date())).rejects.toThrow('crash before remove');
    expect(await deliverOutbox(feedbackOutbox, recording, new Date())).toMatchObject({ sent: 0, abandoned: 0 });
    expect(recording.sent).toHaveLength(1);
    expect((await stored(f.id))?.outbox).toEqual([]);
  });

  it('a passing failure to send keeps the message for the next run', async () => {
    const f = await submit('网络故障');
    await accept(f.id);
    const failing: Sender = { send: async () => Promise.reject(new Error('network down')) };
    await expect(deliverOutbox(feedbackOutbox, failing, new Date())).rejects.toThrow('network down');
    expect((await stored(f.id))?.outbox).toHaveLength(1);
    expect(await deliverFeedbackNotifications(new Date())).toBe(1);
    expect(sentLocally).toHaveLength(1);
  });
});

describe('the news marker is the reporter’s alone', () => {
  it('staff lists and staff reads of a changed report carry no unread flag', async () => {
    const f = (await h.call(feedback.submitFeedback, { token: resident, body: aFeedback({ title: '只给本人的新进展' }) })).body;
    await h.call(feedback.transitionFeedback, { token: committee, params: { id: f.id }, body: { to: 'accepted', note: '已受理', version: 1 } });
    const queue = await h.call(feedback.listFeedbackQueue, { token: committee, query: { status: 'accepted', q: '只给本人的新进展', limit: 50 } });
    expect(queue.body.items.find((i: { id: string }) => i.id === f.id)).not.toHaveProperty('unread');
    expect((await h.call(feedback.getFeedback, { token: committee, params: { id: f.id } })).body).not.toHaveProperty('unread');
    const mine = await h.call(feedback.listMyFeedback, { token: resident, query: { limit: 50 } });
    expect(mine.body.items.find((i: { id: string }) => i.id === f.id).unread).toBe(true);
  });
});
